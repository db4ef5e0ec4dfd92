package dev.mcpweb.cache;

import dev.mcpweb.cache.EntryStore.EntryKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leases on the entries of a store that several processes share: the right, for a while, to compute one
 * entry for all of them. A lease expires unless its holder renews it, so a process that dies holding one
 * blocks the others for one lease time at most. Each lease carries a fencing token, larger than every
 * token before it, and the entry is written under the lease only while the lease is still its holder's
 * and no later holder has written it: a holder that stalled past its lease cannot overwrite the work of
 * the one that took over. Writing the entry or giving the lease up tells the processes that watch it.
 */
interface Leases {
    /** What a claim got. */
    sealed interface Claim {
        /** The lease is the caller's. */
        record Granted(Lease lease) implements Claim {}

        /** Another process holds the lease, for {@code millisLeft} more unless it renews it. */
        record Held(long millisLeft) implements Claim {}
    }

    /** One lease on one entry. */
    interface Lease extends AutoCloseable {
        /** The fencing token. */
        long token();

        /** Extends the lease by its lease time; false when it is no longer this holder's. */
        boolean renew() throws StoreException;

        /**
         * Writes the entry as {@link EntryStore#put} does, ends the lease and tells the watchers; empty,
         * writing nothing, when the lease was lost to another holder (fenced off).
         */
        Optional<List<EntryKey>> put(byte[] value, long now, long maxSize, Map<EntryKey, Long> touches)
                throws StoreException;

        /** Gives the lease up, if still held, storing nothing, and tells the watchers; never throws. */
        @Override
        void close();
    }

    /** Signals about one entry: written or its lease given up. Opened before claiming, so none is missed. */
    interface Watch extends AutoCloseable {
        /** Waits for a signal at most {@code millis}; true when one came. */
        boolean await(long millis) throws InterruptedException;

        @Override
        void close();
    }

    /** Claims the lease on {@code key} for {@code ttlMillis}, or says for how long another holds it. */
    Claim claim(EntryKey key, long ttlMillis) throws StoreException;

    /** Starts watching {@code key}. */
    Watch watch(EntryKey key);
}
