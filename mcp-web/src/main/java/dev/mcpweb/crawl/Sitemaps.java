package dev.mcpweb.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.Fetcher;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a site's sitemaps through the guarded fetcher: XML sitemaps, sitemap index files (followed to
 * their sitemaps), RSS and Atom feeds, gzip-compressed ones, all parsed by crawler-commons; at most
 * {@code maxFiles} files, within the byte and time budget. Files that cannot be read are noted and skipped.
 */
final class Sitemaps {
    private final Fetcher fetcher;
    private final int maxFiles;
    private int filesRead;

    Sitemaps(Fetcher fetcher, int maxFiles) {
        this.fetcher = fetcher;
        this.maxFiles = maxFiles;
    }

    /** Every URL the sitemaps at {@code roots} list, to {@code each}; notes of what went wrong to {@code notes}. */
    void read(List<String> roots, Budget budget, Consumer<SiteMapURL> each, Consumer<String> notes)
            throws InterruptedException {
        SiteMapParser parser = new SiteMapParser(false);
        Deque<String> queue = new ArrayDeque<>(roots);
        Set<String> seen = new HashSet<>(roots);
        while (!queue.isEmpty()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("site map cancelled");
            }
            if (filesRead >= maxFiles || budget.bytesSpent() || budget.timeSpent()) {
                notes.accept(queue.size() + " sitemap file(s) not read: "
                        + (filesRead >= maxFiles
                                ? "crawl.map_max_sitemaps (" + maxFiles + ") reached"
                                : "budget spent"));
                return;
            }
            String location = queue.poll();
            filesRead++;
            FetchOutcome outcome = fetcher.fetch(location);
            if (!(outcome instanceof FetchOutcome.Fetched fetched)) {
                if (!(outcome instanceof FetchOutcome.Failed f && f.status() == 404)) {
                    notes.accept("sitemap " + location + " not read: " + outcome.message());
                }
                continue;
            }
            byte[] body = fetched.result().body();
            budget.spend(body.length);
            AbstractSiteMap parsed;
            try {
                URL url = URI.create(fetched.result().finalUri().toString()).toURL();
                parsed = parser.parseSiteMap(fetched.result().contentType(), body, url);
            } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
                notes.accept("sitemap " + location + " could not be parsed: " + e.getMessage());
                continue;
            }
            if (parsed instanceof SiteMapIndex index) {
                for (AbstractSiteMap child : index.getSitemaps()) {
                    String next = child.getUrl().toString();
                    if (seen.add(next)) {
                        queue.add(next);
                    }
                }
            } else if (parsed instanceof SiteMap map) {
                map.getSiteMapUrls().forEach(each);
            }
        }
    }

    int filesRead() {
        return filesRead;
    }
}
