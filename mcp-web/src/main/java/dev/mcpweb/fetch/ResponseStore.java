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

    /** A stored response with its validators; {@code fresh} says whether it may be served without asking. */
    record StoredResponse(
            FetchResult result,
            Optional<String> etag,
            Optional<String> lastModified,
            Instant storedAt,
            boolean fresh) {}
}
