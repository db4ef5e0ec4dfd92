package dev.mcpweb.work;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Platform threads for CPU-bound work (extraction, the extractive summarizer), as many as the cores
 * by default, with a bounded queue in front. CPU-bound work on a virtual thread never yields its
 * carrier, so a few heavy pages would stall every other call of the server; here they compete for the
 * cores under the operating system's scheduler instead, and the virtual threads stay free for I/O and
 * quick calls. A task that finds every thread working and the queue full is refused at once with
 * {@link Busy}. A caller that is interrupted while it waits cancels the task's {@link StopToken}, which
 * ends the work at its next check.
 */
public final class CpuPool implements CpuRunner, AutoCloseable {
    private final ThreadPoolExecutor threads;
    private final int queueCapacity;

    public CpuPool(int threads, int queueCapacity) {
        this.queueCapacity = queueCapacity;
        this.threads = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                Thread.ofPlatform().name("mcp-web-cpu-", 1).daemon().factory(),
                new ThreadPoolExecutor.AbortPolicy());
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

    /** The pool's figures now: threads, those working, tasks waiting and how many may wait. */
    public record Load(int threads, int busy, int queued, int queueCapacity) {
        /** True when a new task would be refused. */
        public boolean full() {
            return busy >= threads && queued >= queueCapacity;
        }
    }

    /**
     * Runs {@code task} on a pool thread and waits for it. {@code token} is the one the task checks:
     * cancelled here when this thread is interrupted while it waits.
     *
     * @throws Busy when the pool cannot take the task now
     * @throws InterruptedException when this thread was interrupted (the task was cancelled)
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T, E extends Exception> T run(StopToken token, Task<T, E> task) throws E, Busy, InterruptedException {
        Future<T> future;
        try {
            future = threads.submit(() -> {
                token.check(); // cancelled, or out of time, while it waited in the queue
                return task.run();
            });
        } catch (RejectedExecutionException e) {
            Load load = load();
            throw new Busy("mcp-web is busy: its " + load.threads() + " CPU threads are all working and "
                    + load.queued() + " tasks are waiting (server.cpu_threads, server.cpu_queue); retry in a few "
                    + "seconds");
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            token.cancel();
            future.cancel(false);
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

    public Load load() {
        return new Load(
                threads.getMaximumPoolSize(),
                threads.getActiveCount(),
                threads.getQueue().size(),
                queueCapacity);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
