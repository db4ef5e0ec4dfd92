package dev.mcpweb.fetch;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A response store backed by a map, as the cache's would be by SQLite. */
final class MapStore implements ResponseStore {
    final Map<String, StoredResponse> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredResponse> lookup(String normalizedUrl) {
        return Optional.ofNullable(entries.get(normalizedUrl));
    }

    @Override
    public void store(String normalizedUrl, StoredResponse response) {
        entries.put(normalizedUrl, response);
    }
}
