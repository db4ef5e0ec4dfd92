package dev.mcpweb.llm;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Requests-per-minute and tokens-per-minute buckets shared by every caller of one provider. Each
 * call reserves its request and its tokens at once and waits until the buckets have refilled enough,
 * so callers are served in arrival order and a burst never exceeds one minute's allowance. A single
 * call larger than the whole allowance waits for a full bucket instead of forever.
 */
final class RateLimiter {
    private final Bucket requests;
    private final Bucket tokens;
    private final LongSupplier nanoTime;

    RateLimiter(int requestsPerMinute, int tokensPerMinute, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.requests = requestsPerMinute > 0 ? new Bucket(requestsPerMinute, nanoTime.getAsLong()) : null;
        this.tokens = tokensPerMinute > 0 ? new Bucket(tokensPerMinute, nanoTime.getAsLong()) : null;
    }

    /** Waits (interruptibly) until one request of {@code tokenCount} tokens may go. */
    void acquire(int tokenCount) throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            waitNanos = Math.max(
                    requests == null ? 0 : requests.reserve(1, now),
                    tokens == null ? 0 : tokens.reserve(tokenCount, now));
        }
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    /** How long the next one-request, {@code tokenCount}-token call would wait now; for tests. */
    synchronized Duration wouldWait(int tokenCount) {
        long now = nanoTime.getAsLong();
        return Duration.ofNanos(Math.max(
                requests == null ? 0 : requests.peek(1, now), tokens == null ? 0 : tokens.peek(tokenCount, now)));
    }

    /** A token bucket that may go into debt; the debt is the caller's wait. */
    private static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double available;
        private long updated;

        Bucket(int perMinute, long now) {
            this.capacity = perMinute;
            this.perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
            this.available = perMinute;
            this.updated = now;
        }

        long reserve(int amount, long now) {
            long wait = peek(amount, now);
            available -= Math.min(amount, capacity);
            return wait;
        }

        long peek(int amount, long now) {
            available = Math.min(capacity, available + (now - updated) * perNano);
            updated = now;
            double after = available - Math.min(amount, capacity);
            return after >= 0 ? 0 : (long) Math.ceil(-after / perNano);
        }
    }
}
