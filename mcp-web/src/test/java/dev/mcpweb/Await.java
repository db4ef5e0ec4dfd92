package dev.mcpweb;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waiting for a condition in a test, without sleeping. */
public final class Await {
    private Await() {}

    /** Returns once {@code condition} holds; fails after ten seconds. */
    public static void until(BooleanSupplier condition) throws TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("condition not met within 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
