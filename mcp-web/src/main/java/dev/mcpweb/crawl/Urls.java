package dev.mcpweb.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * One spelling per page, so a crawl reads it once: crawler-commons' normalizer (lower-case scheme and
 * host, default port and fragment dropped, path escapes and dot segments tidied, query sorted) with the
 * session and tracking parameters that make endless copies of a page ({@code jsessionid}, {@code sid},
 * {@code utm_*}…) taken out.
 */
public final class Urls {
    private static final BasicURLNormalizer NORMALIZER = BasicURLNormalizer.newBuilder()
            .queryParamsToRemove(List.of(
                    "jsessionid",
                    "phpsessid",
                    "sid",
                    "sessionid",
                    "session_id",
                    "utm_source",
                    "utm_medium",
                    "utm_campaign",
                    "utm_term",
                    "utm_content",
                    "fbclid",
                    "gclid"))
            .build();

    private Urls() {}

    /** The normal form of {@code url}, or empty when it is not an http(s) URL. */
    public static Optional<URI> normalize(String url) {
        String filtered = NORMALIZER.filter(url);
        if (filtered == null) {
            return Optional.empty();
        }
        // ";jsessionid=…" rides in the path, where a query filter cannot see it
        int semicolon = filtered.toLowerCase(java.util.Locale.ROOT).indexOf(";jsessionid=");
        if (semicolon >= 0) {
            int end = filtered.indexOf('?', semicolon);
            filtered = filtered.substring(0, semicolon) + (end < 0 ? "" : filtered.substring(end));
        }
        try {
            URI uri = new URI(filtered);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
