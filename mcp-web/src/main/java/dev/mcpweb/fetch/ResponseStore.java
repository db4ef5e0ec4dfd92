package dev.mcpweb.fetch;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the fetcher keeps responses between runs (the cache's {@code fetch} namespace implements it).
 * A fresh entry is served as is; a stale one is revalidated with {@code If-None-Match} /
 * {@code If-Modified-Since}, and a 304 refreshes it without a download.
 */
public interface ResponseStore {
    ResponseStore NONE = new ResponseStore() {
        @Override
        public Optional<StoredResponse> lookup(String normalizedUrl) {
            return Optional.empty();
        }

        @Override
        public void store(String normalizedUrl, StoredResponse response) {}
    };

    Optional<StoredResponse> lookup(String normalizedUrl);

    void store(String normalizedUrl, StoredResponse response);

    /** The response kept for {@code normalizedUrl}, fresh or stale, without counting a hit or a miss. */
    default Optional<StoredResponse> peek(String normalizedUrl) {
        return Optional.empty();
    }

    /**
     * The outcome of {@code fetch}, which fetches {@code normalizedUrl}: callers asking for one URL at the
     * same time may share one fetch and its outcome. Without a cache behind the store, each runs its own.
     */
    default <T> T once(String normalizedUrl, Fetch<T> fetch) throws InterruptedException {
        return fetch.run();
    }

    /** A fetch of one URL. */
    @FunctionalInterface
    interface Fetch<T> {
        T run() throws InterruptedException;
    }

    /** A stored response with its validators; {@code fresh} says whether it may be served without asking. */
    record StoredResponse(
            FetchResult result,
            Optional<String> etag,
            Optional<String> lastModified,
            Instant storedAt,
            boolean fresh) {}
}
