package dev.mcpweb.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response-store step of the fetch chain, outermost: serves a fresh stored response without
 * asking, sends a stale one's validators ({@code If-None-Match}, {@code If-Modified-Since}) and
 * refreshes it on a 304, and keeps every new 200. A store that fails is logged and bypassed; the
 * fetch itself goes on.
 */
final class Revalidation {
    private static final Logger log = LoggerFactory.getLogger(Revalidation.class);

    private final ResponseStore store;
    private final Redirects redirects;

    Revalidation(ResponseStore store, Redirects redirects) {
        this.store = store;
        this.redirects = redirects;
    }

    /** The store's key for {@code url}: the normalized URL without its fragment. */
    static String key(HttpUrl url) {
        return url.newBuilder().fragment(null).build().toString();
    }

    FetchOutcome fetch(String source, HttpUrl url, long start, long deadline) throws InterruptedException {
        String key = key(url);
        Optional<ResponseStore.StoredResponse> stored = lookup(key);
        if (stored.isPresent() && stored.get().fresh()) {
            return new FetchOutcome.Fetched(stored.get().result().withSource(source, start));
        }
        Redirects.Landing landing = redirects.follow(source, url, stored, deadline);
        return switch (landing.hop()) {
            case Hop.Stop stop -> stop.outcome();
            case Hop.NotModified nm -> {
                if (stored.isEmpty()) {
                    yield new FetchOutcome.Failed(
                            source,
                            304,
                            "HTTP 304 from " + landing.url() + " to a request that asked for no validation");
                }
                ResponseStore.StoredResponse old = stored.get();
                save(
                        key,
                        new ResponseStore.StoredResponse(
                                old.result(),
                                Optional.ofNullable(nm.headers().get("ETag")).or(old::etag),
                                Optional.ofNullable(nm.headers().get("Last-Modified"))
                                        .or(old::lastModified),
                                Instant.now(),
                                true));
                yield new FetchOutcome.Fetched(old.result().withSource(source, start));
            }
            case Hop.Complete c -> {
                FetchResult result = new FetchResult(
                        source,
                        landing.url().uri(),
                        c.status(),
                        c.headers().toMultimap(),
                        c.body(),
                        c.contentType(),
                        c.charset(),
                        landing.redirects(),
                        Duration.ofNanos(System.nanoTime() - start));
                if (c.status() == 200) {
                    save(
                            key,
                            new ResponseStore.StoredResponse(
                                    result,
                                    Optional.ofNullable(c.headers().get("ETag")),
                                    Optional.ofNullable(c.headers().get("Last-Modified")),
                                    Instant.now(),
                                    true));
                }
                yield new FetchOutcome.Fetched(result);
            }
        };
    }

    private Optional<ResponseStore.StoredResponse> lookup(String key) {
        try {
            return store.lookup(key);
        } catch (RuntimeException e) {
            log.warn("response store lookup failed for {}; fetching without it", key, e);
            return Optional.empty();
        }
    }

    private void save(String key, ResponseStore.StoredResponse response) {
        try {
            store.store(key, response);
        } catch (RuntimeException e) {
            log.warn("response store could not keep {}; the fetch itself succeeded", key, e);
        }
    }
}
