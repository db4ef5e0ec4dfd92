package dev.mcpweb.limit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/** A {@link TokenBucket} over a Bucket4j bucket, refilled greedily (a token as soon as it is due). */
final class Bucket4jTokenBucket implements TokenBucket {
    private final Bucket bucket;
    private final long capacity;

    Bucket4jTokenBucket(Bucket bucket, long capacity) {
        this.bucket = bucket;
        this.capacity = capacity;
    }

    static Bucket4jTokenBucket perMinute(long perMinute, LongSupplier nanoTime) {
        Bucket bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return nanoTime.getAsLong();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return false;
                    }
                })
                .build();
        return new Bucket4jTokenBucket(bucket, perMinute);
    }

    @Override
    public Duration tryTake(long tokens) {
        return waitFor(tokens, n -> bucket.tryConsumeAndReturnRemaining(n).getNanosToWaitForRefill());
    }

    @Override
    public Duration reserve(long tokens) {
        return waitFor(tokens, bucket::consumeIgnoringRateLimits);
    }

    @Override
    public Duration wouldWait(long tokens) {
        return waitFor(tokens, n -> bucket.estimateAbilityToConsume(n).getNanosToWaitForRefill());
    }

    /** Bucket4j refuses to count zero tokens, and more than the capacity would never be there. */
    private Duration waitFor(long tokens, LongUnaryOperator nanosToWait) {
        return tokens <= 0 ? Duration.ZERO : Duration.ofNanos(nanosToWait.applyAsLong(Math.min(tokens, capacity)));
    }
}
