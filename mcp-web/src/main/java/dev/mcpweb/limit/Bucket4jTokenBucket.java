package dev.mcpweb.limit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

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
        return tokens <= 0
                ? Duration.ZERO
                : Duration.ofNanos(
                        bucket.tryConsumeAndReturnRemaining(capped(tokens)).getNanosToWaitForRefill());
    }

    @Override
    public Duration reserve(long tokens) {
        return tokens <= 0 ? Duration.ZERO : Duration.ofNanos(bucket.consumeIgnoringRateLimits(capped(tokens)));
    }

    @Override
    public Duration wouldWait(long tokens) {
        return tokens <= 0
                ? Duration.ZERO
                : Duration.ofNanos(
                        bucket.estimateAbilityToConsume(capped(tokens)).getNanosToWaitForRefill());
    }

    private long capped(long tokens) {
        return Math.min(tokens, capacity);
    }
}
