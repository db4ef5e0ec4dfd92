package dev.mcpweb.cache;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cache working when its store fails: a failed operation is counted and logged (a warning at
 * most every ten seconds) and served as a miss by the caller; a store found damaged, at opening or later,
 * is set aside and replaced by a fresh one; and when even that fails the store is gone and the cache
 * carries on disabled. Holds the store in use.
 */
final class StoreRecovery {
    private static final Logger log = LoggerFactory.getLogger(StoreRecovery.class);
    private static final long WARN_INTERVAL_MILLIS = 10_000;

    private final EntryStore.Backend backend;
    private final Runnable onReplaced;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong();
    private volatile EntryStore store;
    private boolean closed;

    /** Opens {@code backend}'s store, replacing it when damaged; {@code onReplaced} runs after a replacement. */
    StoreRecovery(EntryStore.Backend backend, Runnable onReplaced) {
        this.backend = backend;
        this.onReplaced = onReplaced;
        this.store = openOrReplace(backend);
    }

    /** The store in use, or empty when the cache is disabled. */
    Optional<EntryStore> store() {
        return Optional.ofNullable(store);
    }

    /** Records that {@code action} on {@code failed} failed, replacing the store if it is damaged. */
    void failed(EntryStore failed, String action, StoreException e) {
        errors.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= WARN_INTERVAL_MILLIS && lastWarning.compareAndSet(last, now)) {
            log.warn("cache: could not {} {} ({}); carrying on without it", action, backend.where(), e.getMessage());
        } else {
            log.debug("cache: could not {} {}", action, backend.where(), e);
        }
        if (e.damaged()) {
            replace(failed, e);
        }
    }

    /** Operations that failed since the store was opened (each was served as a miss or skipped). */
    long errors() {
        return errors.get();
    }

    /** Closes the store; the cache is disabled from now on. */
    synchronized void close() {
        closed = true;
        EntryStore s = store;
        store = null;
        if (s != null) {
            s.close();
        }
    }

    private synchronized void replace(EntryStore damaged, StoreException cause) {
        if (store != damaged || closed) {
            return; // already replaced by another thread, or closing
        }
        damaged.close();
        EntryStore fresh = null;
        try {
            backend.setAside(cause);
            fresh = backend.open();
        } catch (StoreException e) {
            log.warn("cache disabled: could not replace the damaged store {} ({})", backend.where(), e.getMessage());
        }
        store = fresh;
        onReplaced.run();
    }

    private static EntryStore openOrReplace(EntryStore.Backend backend) {
        try {
            return backend.open();
        } catch (StoreException e) {
            if (!e.damaged()) {
                log.warn("cache disabled: cannot open {} ({})", backend.where(), e.getMessage());
                return null;
            }
            try {
                backend.setAside(e);
                return backend.open();
            } catch (StoreException again) {
                log.warn("cache disabled: cannot replace {} ({})", backend.where(), again.getMessage());
                return null;
            }
        }
    }
}
