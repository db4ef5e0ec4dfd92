package dev.mcpweb.fetch;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds fetches in flight: at most {@code global} in all, at most {@code perHost} to one host. A host's
 * semaphore lives only while someone holds or waits for it, so the map does not grow with every host
 * ever seen. Waiting happens on the caller's (virtual) thread, never past the fetch's deadline.
 */
final class HostLimiter {
    private final Semaphore global;
    private final int perHost;
    private final Map<String, Slot> hosts = new ConcurrentHashMap<>();

    private static final class Slot {
        final Semaphore permits;
        int users;

        Slot(int permits) {
            this.permits = new Semaphore(permits, true);
        }
    }

    /** Held while one request is in flight; closing it gives both permits back. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    HostLimiter(int global, int perHost) {
        this.global = new Semaphore(global, true);
        this.perHost = perHost;
    }

    /** Waits for a slot for {@code host} until {@code deadlineNanos}; empty when the deadline came first. */
    Optional<Permit> acquire(String host, long deadlineNanos) throws InterruptedException {
        Slot slot = hosts.compute(host, (h, s) -> {
            Slot out = s == null ? new Slot(perHost) : s;
            out.users++;
            return out;
        });
        boolean granted = false;
        try {
            if (slot.permits.tryAcquire(remaining(deadlineNanos), TimeUnit.NANOSECONDS)) {
                try {
                    if (global.tryAcquire(remaining(deadlineNanos), TimeUnit.NANOSECONDS)) {
                        granted = true;
                        return Optional.of(() -> {
                            global.release();
                            slot.permits.release();
                            leave(host);
                        });
                    }
                } finally {
                    if (!granted) {
                        slot.permits.release();
                    }
                }
            }
            return Optional.empty();
        } finally {
            if (!granted) {
                leave(host);
            }
        }
    }

    /** Hosts with a fetch in flight or waiting (for tests). */
    int trackedHosts() {
        return hosts.size();
    }

    private static long remaining(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    private void leave(String host) {
        hosts.computeIfPresent(host, (h, s) -> --s.users == 0 ? null : s);
    }
}
