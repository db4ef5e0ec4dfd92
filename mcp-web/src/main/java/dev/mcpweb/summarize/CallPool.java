package dev.mcpweb.summarize;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The threads of one summary's LLM calls: each on a virtual thread, at most {@code summarizer.max_concurrent}
 * calling at once, and all of them cancelled together when the summary is cancelled or ends.
 */
final class CallPool implements AutoCloseable {
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    private volatile boolean stopped;

    CallPool(int maxConcurrent) {
        this.slots = new Semaphore(maxConcurrent, true);
    }

    /** Runs {@code call} on a thread of its own once a slot is free. */
    <T> Future<T> submit(Callable<T> call) {
        return threads.submit(limited(call));
    }

    /** Runs {@code task} on a thread of its own without a slot: work beside the calls, or calls made one at a time. */
    <T> Future<T> submitUnlimited(Callable<T> task) {
        return threads.submit(task);
    }

    /** Results in the order they finish, for tasks submitted to it as {@link #limited} calls. */
    <T> CompletionService<T> completionService() {
        return new ExecutorCompletionService<>(threads);
    }

    /** {@code call} made to wait for a slot, and to make no call at all once the summary was cancelled. */
    <T> Callable<T> limited(Callable<T> call) {
        return () -> {
            slots.acquire();
            try {
                if (stopped) { // cancelled while waiting for a permit: make no new call
                    throw new InterruptedException("summary cancelled");
                }
                return call.call();
            } finally {
                slots.release();
            }
        };
    }

    /** Cancels {@code futures} and every other call, keeps the caller's interrupt, and says so. */
    SummaryException cancelled(List<? extends Future<?>> futures) {
        stopped = true;
        futures.forEach(f -> f.cancel(true));
        threads.shutdownNow();
        Thread.currentThread().interrupt();
        return new SummaryException("the summary was cancelled");
    }

    static long nanosLeft(long until) {
        return Math.max(0, until - System.nanoTime());
    }

    @Override
    public void close() {
        stopped = true;
        threads.shutdownNow();
    }
}
