package dev.mcpweb.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CpuPoolTest {
    /** Spins until stopped, counting its blocks of work; checks the token between them. */
    private static long spin(StopToken stop, AtomicLong blocks, CountDownLatch started) {
        started.countDown();
        while (true) {
            stop.check();
            blocks.incrementAndGet();
        }
    }

    @Test
    void aTaskBeyondTheThreadsAndTheQueueIsRefusedAtOnce() throws Exception {
        try (CpuPool pool = new CpuPool(1, 1)) {
            StopToken stop = StopToken.none();
            CountDownLatch started = new CountDownLatch(1);
            AtomicLong blocks = new AtomicLong();
            Thread running = Thread.ofVirtual().start(() -> run(pool, stop, () -> spin(stop, blocks, started)));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Thread queued = Thread.ofVirtual().start(() -> run(pool, stop, () -> 1L));
            awaitCondition(() -> pool.load().queued() == 1);
            assertThat(pool.load().full()).isTrue();

            long t0 = System.nanoTime();
            assertThatThrownBy(() -> pool.run(stop, () -> 2L))
                    .isInstanceOf(CpuPool.Busy.class)
                    .hasMessageContaining("retry");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            stop.cancel();
            running.join();
            queued.join();
        }
    }

    @Test
    void interruptingTheCallerStopsTheWorkAtItsNextCheck() throws Exception {
        try (CpuPool pool = new CpuPool(1, 4)) {
            StopToken stop = StopToken.none();
            CountDownLatch started = new CountDownLatch(1);
            AtomicLong blocks = new AtomicLong();
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    pool.run(stop, () -> spin(stop, blocks, started));
                    outcome.complete(null);
                } catch (Exception e) {
                    outcome.complete(e);
                }
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            caller.interrupt();

            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            awaitCondition(() -> pool.load().busy() == 0);
            long after = blocks.get();
            assertThat(stop.isCancelled()).isTrue();
            assertThat(pool.run(StopToken.none(), () -> blocks.get())).isEqualTo(after); // no block ran since
        }
    }

    @Test
    void workOverItsCpuBudgetStopsWithAMessageNamingTheOption() throws Exception {
        try (CpuPool pool = new CpuPool(1, 1)) {
            StopToken call = StopToken.none();
            AtomicLong blocks = new AtomicLong();
            assertThatThrownBy(() -> pool.run(call, () -> {
                        StopToken source = call.withCpuBudget(Duration.ofMillis(50), "extraction", "extractor.max_cpu");
                        return spin(source, blocks, new CountDownLatch(1));
                    }))
                    .isInstanceOfSatisfying(
                            Stopped.class, e -> assertThat(e.reason()).isEqualTo(Stopped.Reason.CPU_BUDGET))
                    .hasMessageContaining("extraction used more than its CPU-time budget of 50 ms (extractor.max_cpu)");
            assertThat(call.isCancelled()).isFalse(); // one source over budget leaves the call going
        }
    }

    @Test
    void workPastItsDeadlineStops() {
        StopToken stop = StopToken.within(Duration.ofMillis(1), "summarizer.deadline");
        awaitCondition(() -> {
            try {
                stop.check();
                return false;
            } catch (Stopped e) {
                return e.reason() == Stopped.Reason.DEADLINE && e.getMessage().contains("summarizer.deadline");
            }
        });
    }

    private static void run(CpuPool pool, StopToken stop, CpuPool.Task<Long, RuntimeException> task) {
        try {
            pool.run(stop, task);
        } catch (Stopped | CpuPool.Busy | InterruptedException e) {
            // the test stops the work this way
        }
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
