package dev.mcpweb.cache;

import dev.mcpweb.cache.EntryStore.EntryKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single flight across the processes that share a store, on its {@link Leases}: the process that wins the
 * lease on a missing entry computes it, renewing the lease while it works, and the others wait until the
 * entry lands (told by the store, or waking at the latest when the lease would expire and once a second)
 * and read it. A lease given up (the computation failed or was cancelled) or expired (its holder died) is
 * claimed by the next waiter, which computes in its place. Within a process one caller per key comes here
 * ({@link SingleFlight} shares its outcome with the others).
 */
final class ReplicaFlight implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplicaFlight.class);
    /** The longest a waiter sleeps between looks at the store, whatever it was told. */
    private static final long POLL_MILLIS = 1_000;

    /** What a caller is to do about a missing entry. */
    sealed interface Turn<T> {
        /** Another process stored it meanwhile: here it is. */
        record Landed<T>(T value) implements Turn<T> {}

        /** Compute it and store it under this lease, then close the lease. */
        record Yours<T>(Leases.Lease lease) implements Turn<T> {}

        /** Compute it without a lease: there are none, or the store cannot be reached now. */
        record Alone<T>() implements Turn<T> {}
    }

    private final Leases leases;
    private final long ttlMillis;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("mcp-web-cache-lease").factory());

    ReplicaFlight(Leases leases, long ttlMillis) {
        this.leases = leases;
        this.ttlMillis = ttlMillis;
    }

    /**
     * Waits for the turn on {@code key}: the value another process stores ({@code stored} reads it), or the
     * lease to compute it. Throws when the store cannot be reached; the caller then computes on its own.
     */
    <T> Turn<T> take(EntryKey key, Supplier<Optional<T>> stored) throws StoreException, InterruptedException {
        try (Leases.Watch watch = leases.watch(key)) {
            while (true) {
                switch (leases.claim(key, ttlMillis)) {
                    case Leases.Claim.Granted granted -> {
                        // The holder before may have stored the value just before giving the lease up.
                        Optional<T> value = stored.get();
                        if (value.isPresent()) {
                            granted.lease().close();
                            return new Turn.Landed<>(value.get());
                        }
                        return new Turn.Yours<>(new Renewed(granted.lease()));
                    }
                    case Leases.Claim.Held held -> {
                        watch.await(Math.min(held.millisLeft() + 1, POLL_MILLIS));
                        Optional<T> value = stored.get();
                        if (value.isPresent()) {
                            return new Turn.Landed<>(value.get());
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        renewals.shutdownNow();
    }

    /** A lease renewed every third of its time until it is closed or used, or turns out to be lost. */
    private final class Renewed implements Leases.Lease {
        private final Leases.Lease lease;
        private final ScheduledFuture<?> renewing;

        Renewed(Leases.Lease lease) {
            this.lease = lease;
            long every = Math.max(1, ttlMillis / 3);
            this.renewing = renewals.scheduleAtFixedRate(this::renewQuietly, every, every, TimeUnit.MILLISECONDS);
        }

        @Override
        public long token() {
            return lease.token();
        }

        @Override
        public boolean renew() throws StoreException {
            return lease.renew();
        }

        @Override
        public Optional<List<EntryKey>> put(byte[] value, long now, long maxSize, Map<EntryKey, Long> touches)
                throws StoreException {
            try {
                return lease.put(value, now, maxSize, touches);
            } finally {
                renewing.cancel(false);
            }
        }

        @Override
        public void close() {
            renewing.cancel(false);
            lease.close();
        }

        private void renewQuietly() {
            try {
                if (!lease.renew()) {
                    log.info(
                            "cache: lost the lease {} (it expired); another replica may take the work over",
                            lease.token());
                    renewing.cancel(false);
                }
            } catch (StoreException e) {
                log.debug("cache: could not renew the lease {}", lease.token(), e);
            }
        }
    }
}
