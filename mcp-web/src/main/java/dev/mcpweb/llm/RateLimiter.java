package dev.mcpweb.llm;

import dev.mcpweb.limit.Limits;
import dev.mcpweb.limit.TokenBucket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Requests-per-minute and tokens-per-minute buckets shared by every caller of one provider (and by every
 * replica, when the buckets come from {@link Limits} on Redis). Each
 * call reserves its request and its tokens at once and waits until the buckets have refilled enough,
 * so callers are served in arrival order and a burst never exceeds one minute's allowance. A single
 * call larger than the whole allowance waits for a full bucket instead of forever.
 */
final class RateLimiter {
    private final Optional<TokenBucket> requests;
    private final Optional<TokenBucket> tokens;

    /** Buckets in this process; a limit of 0 or less is no limit. */
    RateLimiter(int requestsPerMinute, int tokensPerMinute, LongSupplier nanoTime) {
        this(
                bucket(requestsPerMinute, n -> TokenBucket.perMinute(n, nanoTime)),
                bucket(tokensPerMinute, n -> TokenBucket.perMinute(n, nanoTime)));
    }

    /** Buckets {@code name}{@code :requests} and {@code :tokens} of {@code limits}; 0 or less is no limit. */
    RateLimiter(Limits limits, String name, int requestsPerMinute, int tokensPerMinute) {
        this(
                bucket(requestsPerMinute, n -> limits.perMinute(name + ":requests", n)),
                bucket(tokensPerMinute, n -> limits.perMinute(name + ":tokens", n)));
    }

    private RateLimiter(Optional<TokenBucket> requests, Optional<TokenBucket> tokens) {
        this.requests = requests;
        this.tokens = tokens;
    }

    /** Waits (interruptibly) until one request of {@code tokenCount} tokens may go. */
    void acquire(int tokenCount) throws InterruptedException {
        Duration wait;
        // both buckets at once, so that callers keep their order across the two
        synchronized (this) {
            wait = longer(requests.map(b -> b.reserve(1)), tokens.map(b -> b.reserve(tokenCount)));
        }
        if (wait.isPositive()) {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        }
    }

    /** How long the next one-request, {@code tokenCount}-token call would wait now; for tests. */
    synchronized Duration wouldWait(int tokenCount) {
        return longer(requests.map(b -> b.wouldWait(1)), tokens.map(b -> b.wouldWait(tokenCount)));
    }

    private static Optional<TokenBucket> bucket(int perMinute, IntFunction<TokenBucket> bucket) {
        return perMinute > 0 ? Optional.of(bucket.apply(perMinute)) : Optional.empty();
    }

    private static Duration longer(Optional<Duration> a, Optional<Duration> b) {
        Duration x = a.orElse(Duration.ZERO);
        Duration y = b.orElse(Duration.ZERO);
        return x.compareTo(y) >= 0 ? x : y;
    }
}
