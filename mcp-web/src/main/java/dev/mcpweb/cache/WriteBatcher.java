package dev.mcpweb.cache;

import dev.mcpweb.cache.EntryStore.EntryKey;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What lookups change in the store, batched instead of written one by one: each entry's last access time
 * (for least-recently-used eviction) and each namespace's hits and misses. A write that goes to the
 * store anyway takes the pending access times with it; the rest goes in a {@link #flush}, which the cache
 * runs every second and when more than {@value #MAX_PENDING_TOUCHES} access times are pending.
 */
final class WriteBatcher {
    static final int MAX_PENDING_TOUCHES = 10_000;

    private final ConcurrentHashMap<EntryKey, Long> touches = new ConcurrentHashMap<>();
    // Counted since this cache opened, and of them what is in the store: reading both never waits for a flush.
    private final Map<Namespace, AtomicLong> hits = new EnumMap<>(Namespace.class);
    private final Map<Namespace, AtomicLong> misses = new EnumMap<>(Namespace.class);
    private final Map<Namespace, AtomicLong> flushedHits = new EnumMap<>(Namespace.class);
    private final Map<Namespace, AtomicLong> flushedMisses = new EnumMap<>(Namespace.class);

    WriteBatcher() {
        for (Namespace ns : Namespace.values()) {
            hits.put(ns, new AtomicLong());
            misses.put(ns, new AtomicLong());
            flushedHits.put(ns, new AtomicLong());
            flushedMisses.put(ns, new AtomicLong());
        }
    }

    void count(Namespace namespace, boolean hit) {
        (hit ? hits : misses).get(namespace).incrementAndGet();
    }

    /** Records an access at {@code now}; true when so many are pending that a flush is due. */
    boolean touch(EntryKey key, long now) {
        touches.merge(key, now, Math::max);
        return touches.size() > MAX_PENDING_TOUCHES;
    }

    /** Takes the pending access times, for a write that applies them. */
    Map<EntryKey, Long> drainTouches() {
        Map<EntryKey, Long> drained = new HashMap<>();
        for (Map.Entry<EntryKey, Long> t : touches.entrySet()) {
            if (touches.remove(t.getKey(), t.getValue())) {
                drained.put(t.getKey(), t.getValue());
            }
        }
        return drained;
    }

    /**
     * Writes the pending access times and counts to {@code store}, one flush at a time. On failure the counts
     * stay pending for the next flush (access times are only a hint for eviction and are dropped) and the
     * failure is thrown.
     */
    synchronized void flush(EntryStore store) throws StoreException {
        Map<String, long[]> counts = new HashMap<>();
        Map<Namespace, long[]> totals = new EnumMap<>(Namespace.class);
        for (Namespace ns : Namespace.values()) {
            long h = hits.get(ns).get();
            long m = misses.get(ns).get();
            long[] pending = {
                h - flushedHits.get(ns).get(), m - flushedMisses.get(ns).get()
            };
            if (pending[0] != 0 || pending[1] != 0) {
                counts.put(ns.wireName(), pending);
                totals.put(ns, new long[] {h, m});
            }
        }
        store.flush(drainTouches(), counts);
        totals.forEach((ns, t) -> {
            flushedHits.get(ns).set(t[0]);
            flushedMisses.get(ns).set(t[1]);
        });
    }

    /** {@code stored} (a namespace's figures in the store) with this cache's hits and misses not yet flushed. */
    NamespaceStats withPending(Namespace namespace, NamespaceStats stored) {
        return new NamespaceStats(
                stored.entries(),
                stored.bytes(),
                stored.hits()
                        + hits.get(namespace).get()
                        - flushedHits.get(namespace).get(),
                stored.misses()
                        + misses.get(namespace).get()
                        - flushedMisses.get(namespace).get(),
                stored.evictions());
    }
}
