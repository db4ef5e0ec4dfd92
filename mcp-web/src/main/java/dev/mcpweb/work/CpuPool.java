package dev.mcpweb.work;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Platform threads for CPU-bound work (extraction, the extractive summarizer), as many running at once
 * as the cores by default, with a bounded number of tasks waiting. CPU-bound work on a virtual thread
 * never yields its carrier, so a few heavy pages would stall every other call of the server; here the
 * virtual threads stay free for I/O and quick calls. The running tasks take turns, least served first
 * ({@link FairShare}): at each {@link StopToken#check() check} after a slice of {@value #SLICE_MILLIS}
 * ms, a task gives its core to one that has run less, so a small page waits a slice behind hostile ones,
 * not until they end. Long tasks (hostile or huge pages) hold at most all slots but one, so the last
 * core stays with ordinary calls. A task that finds every slot taken and the queue full is refused at once with
 * {@link Busy}. A caller that is interrupted while it waits cancels the task's {@link StopToken}, which
 * ends the work at its next check.
 */
public final class CpuPool implements CpuRunner, AutoCloseable {
    /** How long a task runs before it gives its core to one served less (at its next check). */
    static final long SLICE_MILLIS = 10;

    /**
     * Input size (bytes or characters) of the tasks started and not finished, beyond which no other
     * starts: three of the largest pages the fetcher takes (10 MB), while small pages always fit.
     */
    static final long MAX_IN_PROGRESS = 32L << 20;

    /**
     * Slot time after which a task is long (hostile or huge: an ordinary page takes a few milliseconds to
     * extract or summarize); long tasks hold at most all the threads but one ({@link FairShare}).
     */
    static final long LONG_MILLIS = 50;

    private final FairShare share;
    private final int queueCapacity;

    public CpuPool(int threads, int queueCapacity) {
        this(threads, queueCapacity, Duration.ofMillis(SLICE_MILLIS), MAX_IN_PROGRESS);
    }

    CpuPool(int threads, int queueCapacity, Duration slice, long maxInProgress) {
        this(threads, queueCapacity, slice, maxInProgress, Duration.ofMillis(LONG_MILLIS));
    }

    CpuPool(int threads, int queueCapacity, Duration slice, long maxInProgress, Duration longAfter) {
        this.queueCapacity = queueCapacity;
        this.share =
                new FairShare(threads, threads + queueCapacity, slice.toNanos(), maxInProgress, longAfter.toNanos());
    }

    /** CPU-bound work that may fail with {@code E}. */
    public interface Task<T, E extends Exception> {
        T run() throws E;
    }

    /** Thrown when every thread is working and the queue is full; the message says to retry. */
    public static final class Busy extends Exception {
        Busy(String message) {
            super(message);
        }
    }

    /** The pool's figures now: slots, those running, tasks waiting for one and how many may wait. */
    public record Load(int threads, int busy, int queued, int queueCapacity) {
        /** True when a new task would be refused. */
        public boolean full() {
            return busy + queued >= threads + queueCapacity;
        }
    }

    /**
     * Runs {@code task}, whose input is {@code size} bytes or characters, on a pool thread and waits for
     * it. {@code token} is the one the task checks: cancelled here when this thread is interrupted while
     * it waits.
     *
     * @throws Busy when the pool cannot take the task now
     * @throws InterruptedException when this thread was interrupted (the task was cancelled)
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T, E extends Exception> T run(StopToken token, long size, Task<T, E> task)
            throws E, Busy, InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Optional<CpuThread> entered = share.enter(token, size, () -> {
            try {
                token.check(); // cancelled, or out of time, while it waited
                result.complete(task.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        if (entered.isEmpty()) {
            Load load = load();
            throw new Busy("mcp-web is busy: its " + load.threads() + " CPU threads are all working and "
                    + load.queued() + " tasks are waiting (server.cpu_threads, server.cpu_queue); retry in a few "
                    + "seconds");
        }
        CpuThread thread = entered.get();
        try {
            return awaitResult(result, thread);
        } catch (InterruptedException e) {
            token.cancel();
            share.withdraw(thread);
            share.wake(thread);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw (E) cause;
        }
    }

    /** The task's result; a task that has not started by its deadline is taken out and stopped. */
    private <T> T awaitResult(CompletableFuture<T> result, CpuThread thread)
            throws InterruptedException, ExecutionException {
        try {
            return result.get(thread.token.nanosLeft(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (share.withdraw(thread)) {
                throw thread.token.stopped().orElseThrow();
            }
            return result.get(); // it started: it stops itself at its next check
        }
    }

    public Load load() {
        return share.load(queueCapacity);
    }

    /** Stops every task at its next check; those waiting for a slot wake to stop. */
    @Override
    public void close() {
        for (CpuThread thread : share.admitted()) {
            thread.token.cancel();
            share.wake(thread);
        }
    }
}
