package dev.mcpweb.cache;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Keyed in-flight computations: callers that ask for the same key while it is being computed share one
 * computation and its outcome, the value or the failure. A value is handed to {@code keep} (to store it)
 * before the callers see it; a failed or abandoned computation keeps nothing. Once a computation ends its
 * key is free again, so a caller that comes after a failure computes afresh.
 *
 * <p>The computation runs on a thread of its own, not on the caller's, so that a caller that stops
 * waiting (interrupted: its request was cancelled or ran out of time) does not take the others' result
 * with it. Only when every caller has stopped waiting is the computation interrupted and its key freed
 * at once; a later caller starts a new one. The computation's own deadlines bound every wait, and a
 * computation must not ask for its own key (it would wait for itself).
 */
final class SingleFlight<K, V> {
    private final ConcurrentHashMap<K, Flight<V>> flights = new ConcurrentHashMap<>();
    private final ThreadFactory threads;

    SingleFlight(String name) {
        this(Thread.ofVirtual().name(name + "-", 0).factory());
    }

    SingleFlight(ThreadFactory threads) {
        this.threads = threads;
    }

    /**
     * The outcome of {@code compute} for {@code key}, or of the computation already running for it. A
     * computation that throws ends in an {@link ExecutionException} with that cause for every caller. The
     * value is given to {@code keep} unless every caller left before it was ready.
     *
     * @throws InterruptedException when this caller is interrupted while it waits; the computation
     *     carries on for the others, and is interrupted when no caller is left
     */
    V run(K key, Callable<? extends V> compute, Consumer<? super V> keep)
            throws ExecutionException, InterruptedException {
        return run(key, compute, keep, value -> {});
    }

    /** {@link #run(Object, Callable, Consumer)}, giving the value to {@code drop} when nobody is left to keep it. */
    V run(K key, Callable<? extends V> compute, Consumer<? super V> keep, Consumer<? super V> drop)
            throws ExecutionException, InterruptedException {
        while (true) {
            Flight<V> flight = flights.computeIfAbsent(key, k -> new Flight<>());
            switch (flight.join()) {
                case ABANDONED -> {
                    flights.remove(key, flight); // its last caller left; start another
                    continue;
                }
                case FIRST -> flight.start(threads, () -> compute(key, flight, compute, keep, drop));
                case FOLLOWER -> {}
            }
            try {
                return flight.result.get();
            } catch (InterruptedException e) {
                if (flight.leave()) {
                    flights.remove(key, flight);
                }
                throw e;
            }
        }
    }

    /** Keys being computed now. */
    int inFlight() {
        return flights.size();
    }

    private void compute(
            K key,
            Flight<V> flight,
            Callable<? extends V> compute,
            Consumer<? super V> keep,
            Consumer<? super V> drop) {
        try {
            V value = compute.call();
            flight.keep(value, keep, drop);
            flights.remove(key, flight);
            flight.result.complete(value);
        } catch (Throwable t) {
            // Freed before the waiters wake, so that nobody joins a flight that has already failed.
            flights.remove(key, flight);
            flight.result.completeExceptionally(t);
        }
    }

    private enum Joined {
        FIRST,
        FOLLOWER,
        ABANDONED
    }

    /** One computation and the callers waiting for it. */
    private static final class Flight<V> {
        final CompletableFuture<V> result = new CompletableFuture<>();
        private int waiting;
        private boolean started;
        private boolean abandoned;
        private Thread worker;

        synchronized Joined join() {
            if (abandoned) {
                return Joined.ABANDONED;
            }
            waiting++;
            if (started) {
                return Joined.FOLLOWER;
            }
            started = true;
            return Joined.FIRST;
        }

        synchronized void start(ThreadFactory threads, Runnable work) {
            worker = threads.newThread(work);
            worker.start();
        }

        /** Keeps {@code value} unless the flight was abandoned, then drops it; no caller can leave meanwhile. */
        synchronized void keep(V value, Consumer<? super V> keep, Consumer<? super V> drop) {
            if (abandoned) {
                drop.accept(value);
            } else {
                keep.accept(value);
            }
        }

        /** This caller stops waiting; true when it was the last one and the computation is abandoned. */
        synchronized boolean leave() {
            waiting--;
            if (waiting > 0 || result.isDone()) {
                return false;
            }
            abandoned = true;
            worker.interrupt();
            return true;
        }
    }
}
