package dev.mcpweb.limit;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to its capacity, refills steadily, and tells a caller how long to wait
 * for the tokens it asks for. A request for more than the capacity counts as the capacity, so it
 * waits for a full bucket instead of forever. Behind an interface so that a bucket shared by several
 * replicas (Bucket4j's proxy managers give buckets of the same Bucket4j type) can stand in for the
 * one in memory.
 */
public interface TokenBucket {
    /** Takes {@code tokens} if the bucket holds them now ({@link Duration#ZERO}); else takes none and says how long until it will. */
    Duration tryTake(long tokens);

    /** Takes {@code tokens} even if the bucket goes into debt; the debt is how long the caller must wait. */
    Duration reserve(long tokens);

    /** How long {@link #reserve} would make the caller wait now; takes nothing. */
    Duration wouldWait(long tokens);

    /** A bucket in memory of {@code perMinute} tokens refilled over a minute, full at first. */
    static TokenBucket perMinute(long perMinute, LongSupplier nanoTime) {
        return Bucket4jTokenBucket.perMinute(perMinute, nanoTime);
    }
}
