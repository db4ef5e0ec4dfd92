package dev.mcpweb.cache;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where entries live behind the memory tier, shared by the threads of this process and by other
 * processes: today one SQLite file ({@link SqliteStore}); a networked store shared by replicas can
 * implement the same operations. Namespaces are their wire names. Each change is whole or not at all,
 * and a failure is a {@link StoreException}, which says whether the store is damaged for good.
 */
interface EntryStore extends AutoCloseable {
    /** A stored value and when it was written (epoch milliseconds). */
    record Row(byte[] value, long createdAt) {}

    /** Where an entry lives. */
    record EntryKey(String namespace, String key) {}

    /** What {@link #prune} removed: the number of expired entries and the entries evicted for size. */
    record Pruned(long expired, List<EntryKey> evicted) {}

    /** How a kind of store is opened, and set aside when damaged. */
    interface Backend {
        /** Opens the store, creating it if needed, with counters for every namespace. */
        EntryStore open() throws StoreException;

        /** Moves a damaged or unreadable store out of the way, keeping it for a post-mortem. */
        void setAside(StoreException cause) throws StoreException;

        /** Where the store lives, for messages. */
        String where();
    }

    Optional<Row> read(String namespace, String key) throws StoreException;

    /**
     * Writes one entry (replacing any under the same key), first applying {@code touches} (entry to its
     * last access time), then evicts the least recently used entries until the total is within
     * {@code maxSize}; returns the evicted entries.
     */
    List<EntryKey> put(String namespace, String key, byte[] value, long now, long maxSize, Map<EntryKey, Long> touches)
            throws StoreException;

    /** Records access times and hit/miss counts ({hits, misses} per namespace) gathered since the last flush. */
    void flush(Map<EntryKey, Long> touches, Map<String, long[]> hitsAndMisses) throws StoreException;

    /** Per namespace: entries, bytes, hits, misses, evictions. */
    Map<String, NamespaceStats> stats() throws StoreException;

    /** Deletes every entry of {@code namespace} (all when empty); returns how many. */
    long clear(Optional<String> namespace) throws StoreException;

    /**
     * Deletes entries created at or before each namespace's cutoff, recounts the totals and, when
     * {@code maxSize} is positive, evicts least recently used entries down to it.
     */
    Pruned prune(Map<String, Long> cutoffs, long maxSize, Map<EntryKey, Long> touches) throws StoreException;

    /** Whether the store answers now; a networked store can be unreachable for a while, a file cannot. */
    default boolean reachable() {
        return true;
    }

    /** Leases for single flight across the processes sharing the store, when it offers them (Redis does). */
    default Optional<Leases> leases() {
        return Optional.empty();
    }

    /** The file the store lives in, when it is one. */
    Optional<Path> file();

    @Override
    void close();
}
