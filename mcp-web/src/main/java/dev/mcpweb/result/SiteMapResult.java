package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpweb.crawl.SiteMap;
import java.util.List;
import java.util.Optional;

/** One page of a site's URLs: the {@code map_site} tool and {@code mcp-web map --json}. */
public record SiteMapResult(
        @JsonPropertyDescription("URLs in scope, in the order they were found.")
        List<Url> urls,

        @JsonPropertyDescription("How many URLs the site map found in all pages together.")
        int total,

        @JsonPropertyDescription("Pass as cursor to get the next page; absent on the last page.")
        Optional<String> nextCursor,

        @JsonPropertyDescription(
                "sitemap (robots.txt Sitemap: lines or /sitemap.xml) or links (no sitemap: links followed).")
        String foundBy,

        @JsonPropertyDescription("URLs met that were outside the scope, left out.")
        int outOfScope,

        @JsonPropertyDescription("URLs in scope that robots.txt disallows, left out.")
        int disallowed,

        @JsonPropertyDescription("Pages read to find links (0 when sitemaps answered).")
        int pagesRead,

        long bytesRead,

        @JsonPropertyDescription("Bounds that were hit and sitemaps that could not be read.")
        List<String> notes) {

    public SiteMapResult {
        urls = List.copyOf(urls);
        notes = List.copyOf(notes);
    }

    public static SiteMapResult of(SiteMap map) {
        return new SiteMapResult(
                map.urls().stream()
                        .map(e -> new Url(e.url(), e.title(), e.lastModified().map(Object::toString)))
                        .toList(),
                map.total(),
                map.nextCursor(),
                map.foundBy(),
                map.outOfScope(),
                map.disallowed(),
                map.pagesRead(),
                map.bytesRead(),
                map.notes());
    }

    /** A URL of the site, with its title when a page was read and its last modification when a sitemap gave it. */
    public record Url(
            String url,
            Optional<String> title,

            @JsonPropertyDescription("ISO-8601 instant, from the sitemap's lastmod.")
            Optional<String> lastModified) {}
}
