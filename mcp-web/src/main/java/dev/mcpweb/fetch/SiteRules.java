package dev.mcpweb.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a site's robots.txt says to a crawler, for our user agent: which URLs it may fetch, how long to
 * wait between requests ({@code Crawl-delay}) and where its sitemaps are ({@code Sitemap:} lines).
 */
public record SiteRules(Predicate<String> allows, Optional<Duration> crawlDelay, List<String> sitemaps) {
    /** Everything allowed, no delay, no sitemaps: a site without robots.txt, or robots.txt not obeyed. */
    public static final SiteRules NONE = new SiteRules(url -> true, Optional.empty(), List.of());

    public SiteRules {
        sitemaps = List.copyOf(sitemaps);
    }
}
