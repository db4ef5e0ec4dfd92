package dev.mcpweb.crawl;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page of a site's URLs in scope, in the order they were found, with where they came from
 * ({@code sitemap} or {@code links}), the count of all of them, the cursor of the next page, and what was
 * left out: URLs out of scope, URLs robots.txt disallows, and notes on bounds that were hit.
 */
public record SiteMap(
        List<Entry> urls,
        int total,
        Optional<String> nextCursor,
        String foundBy,
        int outOfScope,
        int disallowed,
        int pagesRead,
        long bytesRead,
        List<String> notes) {
    public SiteMap {
        urls = List.copyOf(urls);
        notes = List.copyOf(notes);
    }

    /** A URL with its title (when a page was read or a feed named it) and last modification (when known). */
    public record Entry(String url, Optional<String> title, Optional<Instant> lastModified) {}
}
