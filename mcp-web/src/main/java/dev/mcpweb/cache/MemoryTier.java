package dev.mcpweb.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpweb.cache.EntryStore.EntryKey;
import dev.mcpweb.cache.EntryStore.Row;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The memory tier in front of the store: a Caffeine cache weighted by bytes ({@code cache.memory_size}),
 * holding what the store holds, so that a hot entry is not read from disk again. Switched off (it holds
 * nothing) when its size is zero.
 */
final class MemoryTier {
    private static final int ENTRY_OVERHEAD_BYTES = 96;

    private final Optional<Cache<EntryKey, Row>> entries;

    MemoryTier(long maxBytes) {
        this.entries = maxBytes <= 0
                ? Optional.empty()
                : Optional.of(Caffeine.newBuilder()
                        .maximumWeight(maxBytes)
                        .weigher((EntryKey k, Row r) ->
                                r.value().length + 2 * k.key().length() + ENTRY_OVERHEAD_BYTES)
                        .build());
    }

    Optional<Row> get(EntryKey key) {
        return entries.map(c -> c.getIfPresent(key));
    }

    void put(EntryKey key, Row row) {
        entries.ifPresent(c -> c.put(key, row));
    }

    void invalidate(EntryKey key) {
        entries.ifPresent(c -> c.invalidate(key));
    }

    void invalidate(Iterable<EntryKey> keys) {
        entries.ifPresent(c -> c.invalidateAll(keys));
    }

    /** Drops the entries {@code unwanted} picks out. */
    void removeIf(BiPredicate<EntryKey, Row> unwanted) {
        entries.ifPresent(c -> c.asMap().entrySet().removeIf(e -> unwanted.test(e.getKey(), e.getValue())));
    }

    void clear() {
        entries.ifPresent(Cache::invalidateAll);
    }
}
