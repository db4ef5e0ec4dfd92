package dev.mcpweb.crawl;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The byte and time budgets of one site map or crawl, shared by its workers. */
final class Budget {
    private final long maxBytes;
    private final Duration maxTime;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final AtomicLong bytes = new AtomicLong();

    Budget(long maxBytes, Duration maxTime) {
        this.maxBytes = maxBytes;
        this.maxTime = maxTime;
        this.deadlineNanos = startNanos + maxTime.toNanos();
    }

    long maxBytes() {
        return maxBytes;
    }

    Duration maxTime() {
        return maxTime;
    }

    void spend(long n) {
        bytes.addAndGet(n);
    }

    long bytes() {
        return bytes.get();
    }

    boolean bytesSpent() {
        return bytes.get() >= maxBytes;
    }

    boolean timeSpent() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    long nanosLeft() {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
