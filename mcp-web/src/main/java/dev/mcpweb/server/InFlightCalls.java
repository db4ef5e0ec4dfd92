package dev.mcpweb.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The tool calls running now: at most {@code limit} at once (a call beyond them is answered busy at
 * once: waiting would only hide the overload from the client, which can retry or go elsewhere), each
 * cancellable by the key {@link MessageTap} gave its request. The MCP Java SDK does not act on
 * {@code notifications/cancelled}, so this is where a cancellation interrupts the call's thread, which
 * stops the pipeline and its LLM calls.
 */
final class InFlightCalls {
    private static final int REMEMBERED_EARLY_CANCELS = 256;

    private final Semaphore slots;
    private final int limit;
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    /** Cancellations that arrived before their call started; bounded, oldest forgotten first. */
    private final Map<String, Boolean> cancelledEarly = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EARLY_CANCELS;
        }
    };

    InFlightCalls(int limit) {
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    /** What a call body may throw. */
    interface Body<T> {
        T run() throws Exception;
    }

    /** Thrown when every slot is taken. */
    static final class Busy extends Exception {
        Busy(String message) {
            super(message);
        }
    }

    /** Thrown when the client cancelled the call. */
    static final class Cancelled extends Exception {
        Cancelled() {
            super("cancelled by the client");
        }
    }

    /** Runs {@code body} on this thread in a slot, interruptible under {@code key} (empty: not cancellable). */
    <T> T run(String key, Body<T> body) throws Exception {
        if (!slots.tryAcquire()) {
            throw new Busy("mcp-web is busy: " + limit + " tool calls are already running "
                    + "(server.max_concurrent_tools); retry in a few seconds.");
        }
        try {
            if (!key.isEmpty()) {
                synchronized (cancelledEarly) {
                    if (cancelledEarly.remove(key) != null) {
                        throw new Cancelled();
                    }
                    running.put(key, Thread.currentThread());
                }
            }
            T result;
            try {
                result = body.run();
            } catch (Exception e) {
                if (wasCancelled(key) || e instanceof InterruptedException) {
                    throw new Cancelled();
                }
                throw e;
            }
            if (wasCancelled(key)) {
                throw new Cancelled();
            }
            return result;
        } finally {
            slots.release();
        }
    }

    private boolean wasCancelled(String key) {
        if (key.isEmpty()) {
            return Thread.interrupted();
        }
        synchronized (cancelledEarly) {
            boolean cancelled = running.remove(key) == null;
            Thread.interrupted(); // clear it: the thread goes on to serve other calls
            return cancelled;
        }
    }

    /** Interrupts the call under {@code key}, or remembers the cancellation if it has not started yet. */
    void cancel(String key) {
        synchronized (cancelledEarly) {
            Thread thread = running.remove(key);
            if (thread != null) {
                thread.interrupt();
            } else {
                cancelledEarly.put(key, Boolean.TRUE);
            }
        }
    }

    int active() {
        return limit - slots.availablePermits();
    }

    int limit() {
        return limit;
    }
}
