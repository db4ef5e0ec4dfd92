package dev.mcpweb.cache;

import dev.mcpweb.cache.EntryStore.EntryKey;
import dev.mcpweb.cache.EntryStore.Row;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The cache's entry writes, done by one platform thread off the callers' path. Writing a large entry holds
 * the store's write lock for hundreds of milliseconds (a 9 MB page: up to 430 ms with the WAL checkpoint
 * that follows it), every other write waits behind it, and the native call pins a virtual thread's carrier
 * meanwhile: with the writes on the callers' path, one huge page added that to the latency of every
 * ordinary call that stored something at the time. A caller now hands its entry over and goes on; lookups
 * see the entry at once ({@link #waiting}) until it is written. Entries waiting are bounded in bytes: a
 * caller whose entry would take them over {@value #MAX_WAITING_BYTES} bytes waits for room first
 * (one entry alone always goes).
 */
final class WriteBehind implements AutoCloseable {
    static final long MAX_WAITING_BYTES = 64L << 20;

    private final ConcurrentHashMap<EntryKey, Row> waiting = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor writer = idleEnding(new ThreadPoolExecutor(
            1,
            1,
            1,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            Thread.ofPlatform().daemon().name("mcp-web-cache-write").factory()));
    private final long maxWaitingBytes;
    private long waitingBytes; // guarded by this
    private int queued; // guarded by this

    WriteBehind() {
        this(MAX_WAITING_BYTES);
    }

    WriteBehind(long maxWaitingBytes) {
        this.maxWaitingBytes = maxWaitingBytes;
    }

    /**
     * Runs {@code write} (which stores {@code row} under {@code key}) on the writer thread, after the writes
     * handed over before it; until it has run, {@link #waiting} returns {@code row}. Once closed, or when
     * the caller is interrupted while it waits for room, the write runs on the caller's thread.
     */
    void submit(EntryKey key, Row row, Runnable write) {
        long size = row.value().length;
        if (!admit(size)) {
            write.run();
            return;
        }
        waiting.put(key, row);
        try {
            writer.execute(() -> {
                try {
                    write.run();
                } finally {
                    waiting.remove(key, row);
                    written(size);
                }
            });
        } catch (RejectedExecutionException closed) {
            waiting.remove(key, row);
            written(size);
            write.run();
        }
    }

    /** The row handed over under {@code key} and not yet written, if any. */
    Optional<Row> waiting(EntryKey key) {
        return Optional.ofNullable(waiting.get(key));
    }

    /** Waits until every write handed over so far is done (for figures, clearing and closing). */
    synchronized void drain() {
        boolean interrupted = false;
        while (queued > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is waiting, then stops the writer; later writes run on their callers' threads. */
    @Override
    public void close() {
        drain();
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer's thread ends when idle a second, so that a cache nobody closes leaves no thread behind. */
    private static ThreadPoolExecutor idleEnding(ThreadPoolExecutor executor) {
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private synchronized boolean admit(long size) {
        while (queued > 0 && waitingBytes + size > maxWaitingBytes) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        waitingBytes += size;
        queued++;
        return true;
    }

    private synchronized void written(long size) {
        waitingBytes -= size;
        queued--;
        notifyAll();
    }
}
