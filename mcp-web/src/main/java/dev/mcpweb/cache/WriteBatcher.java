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
    private final Map<Namespace, AtomicLong> hits = new EnumMap<>(Namespace.class);
    private final Map<Namespace, AtomicLong> misses = new EnumMap<>(Namespace.class);

    WriteBatcher() {
        for (Namespace ns : Namespace.values()) {
            hits.put(ns, new AtomicLong());
            misses.put(ns, new AtomicLong());
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
     * Writes the pending access times and counts to {@code store}. On failure the counts stay pending for
     * the next flush (access times are only a hint for eviction and are dropped) and the failure is thrown.
     */
    void flush(EntryStore store) throws StoreException {
        Map<String, long[]> counts = new HashMap<>();
        for (Namespace ns : Namespace.values()) {
            long h = hits.get(ns).getAndSet(0);
            long m = misses.get(ns).getAndSet(0);
            if (h != 0 || m != 0) {
                counts.put(ns.wireName(), new long[] {h, m});
            }
        }
        try {
            store.flush(drainTouches(), counts);
        } catch (StoreException e) {
            counts.forEach((wireName, c) -> {
                Namespace ns = Namespace.of(wireName);
                hits.get(ns).addAndGet(c[0]);
                misses.get(ns).addAndGet(c[1]);
            });
            throw e;
        }
    }
}
