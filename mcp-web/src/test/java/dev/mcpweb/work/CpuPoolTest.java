package dev.mcpweb.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    void aShortTaskRunsWhileLongTasksHoldEveryThread() throws Exception {
        // The long task ends only once the short one has run: on a FIFO pool the short one waits for it,
        // and neither ends.
        assertAShortTaskRunsBeside((stop, shortDone, started) -> spinUntil(stop, shortDone, started));
    }

    @Test
    void aShortTaskStartsWhileTheTaskHoldingTheOnlyThreadReachesNoCheck() throws Exception {
        // A parser deep in a hostile page: no check until the short task has run, so a pool that hands
        // slots on only at checks never runs the short one.
        assertAShortTaskRunsBeside((stop, shortDone, started) -> {
            started.countDown();
            long spins = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!shortDone.get() && System.nanoTime() < end) {
                spins++;
            }
            stop.check();
            return spins;
        });
    }

    /** Work that goes on until {@code shortDone} is set, counting down {@code started} first. */
    private interface Holder {
        long run(StopToken stop, AtomicBoolean shortDone, CountDownLatch started);
    }

    /** On a pool of one thread held by {@code holder}, a short task runs and ends before the holder does. */
    private static void assertAShortTaskRunsBeside(Holder holder) throws Exception {
        try (CpuPool pool = new CpuPool(1, 4)) {
            StopToken stop = StopToken.none();
            CountDownLatch started = new CountDownLatch(1);
            AtomicBoolean shortDone = new AtomicBoolean();
            CompletableFuture<Long> longTask = submit(pool, stop, 1, () -> holder.run(stop, shortDone, started));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Long> shortTask = submit(pool, stop, 1, () -> 42L);

            try {
                assertThat(shortTask.get(10, TimeUnit.SECONDS)).isEqualTo(42L);
                assertThat(longTask).isNotDone();
            } finally {
                shortDone.set(true);
            }
            assertThat(longTask.get(10, TimeUnit.SECONDS)).isPositive();
        }
    }

    @Test
    void aLongTaskRunsAtTheLowestPriorityAndAnOrdinaryOneAtTheNormal() throws Exception {
        try (CpuPool pool = new CpuPool(2, 4, Duration.ofMillis(1), 100, Duration.ofMillis(20))) {
            StopToken stop = StopToken.none();
            CompletableFuture<Integer> ordinary =
                    submit(pool, stop, 1, () -> Thread.currentThread().getPriority());
            CompletableFuture<Integer> hostile = submit(pool, stop, 1, () -> {
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                while (System.nanoTime() < end) {
                    stop.check();
                }
                return Thread.currentThread().getPriority();
            });
            assertThat(ordinary.get(10, TimeUnit.SECONDS)).isEqualTo(Thread.NORM_PRIORITY);
            assertThat(hostile.get(10, TimeUnit.SECONDS)).isEqualTo(Thread.MIN_PRIORITY);
        }
    }

    @Test
    void longTasksOnOneThreadTakeTurns() throws Exception {
        try (CpuPool pool = new CpuPool(1, 4)) {
            StopToken stop = StopToken.none();
            AtomicLong first = new AtomicLong();
            AtomicLong second = new AtomicLong();
            // Each goes on until both have worked: on a FIFO pool the second never starts.
            CompletableFuture<Long> a = submit(pool, stop, 1, () -> spinUntilOther(stop, first, second));
            CompletableFuture<Long> b = submit(pool, stop, 1, () -> spinUntilOther(stop, second, first));

            try {
                assertThat(a.get(10, TimeUnit.SECONDS)).isPositive();
                assertThat(b.get(10, TimeUnit.SECONDS)).isPositive();
            } finally {
                stop.cancel();
            }
        }
    }

    @Test
    void longTasksLeaveOneThreadToTheOthersAndTakeTurnsOnTheRest() throws Exception {
        try (CpuPool pool = new CpuPool(2, 4, Duration.ofMillis(1), 100, Duration.ofMillis(50))) {
            StopToken stop = StopToken.none();
            AtomicLong first = new AtomicLong();
            AtomicLong second = new AtomicLong();
            CompletableFuture<Long> a = submit(pool, stop, 1, () -> spin(stop, first, new CountDownLatch(1)));
            CompletableFuture<Long> b = submit(pool, stop, 1, () -> spin(stop, second, new CountDownLatch(1)));
            try {
                // both start; once long, one runs and the other waits for its turn
                awaitCondition(() -> pool.load().busy() == 1 && pool.load().queued() == 1);
                long firstThen = first.get();
                long secondThen = second.get();
                awaitCondition(() -> first.get() > firstThen && second.get() > secondThen);

                long t0 = System.nanoTime();
                assertThat(submit(pool, stop, 1, () -> 7L).get(10, TimeUnit.SECONDS))
                        .isEqualTo(7L);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            } finally {
                stop.cancel();
            }
            assertThatThrownBy(() -> a.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(Stopped.class);
            assertThatThrownBy(() -> b.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(Stopped.class);
        }
    }

    @Test
    void aTaskWhoseInputWouldPutTooMuchInProgressWaitsWhileSmallOnesRun() throws Exception {
        try (CpuPool pool = new CpuPool(1, 4, Duration.ofMillis(1), 100)) {
            StopToken stop = StopToken.none();
            CountDownLatch started = new CountDownLatch(1);
            AtomicBoolean release = new AtomicBoolean();
            CompletableFuture<Long> huge = submit(pool, stop, 80, () -> spinUntil(stop, release, started));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicBoolean secondStarted = new AtomicBoolean();
            CompletableFuture<Long> secondHuge = submit(pool, stop, 80, () -> {
                secondStarted.set(true);
                return 2L;
            });
            awaitCondition(() -> pool.load().queued() == 1);

            assertThat(submit(pool, stop, 10, () -> 3L).get(10, TimeUnit.SECONDS))
                    .isEqualTo(3L);
            assertThat(secondStarted).isFalse(); // both huge ones in progress would be 160 of 100

            release.set(true);
            assertThat(huge.get(10, TimeUnit.SECONDS)).isPositive();
            assertThat(secondHuge.get(10, TimeUnit.SECONDS)).isEqualTo(2L);
        }
    }

    @Test
    void aTaskThatCannotStartBeforeItsDeadlineStopsWithTheDeadlinesMessage() throws Exception {
        try (CpuPool pool = new CpuPool(1, 4, Duration.ofMillis(1), 100)) {
            StopToken stop = StopToken.none();
            CountDownLatch started = new CountDownLatch(1);
            AtomicBoolean release = new AtomicBoolean();
            CompletableFuture<Long> huge = submit(pool, stop, 100, () -> spinUntil(stop, release, started));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            try {
                StopToken late = StopToken.within(Duration.ofMillis(50), "summarizer.deadline");
                assertThatThrownBy(() -> pool.run(late, 100, () -> 1L))
                        .isInstanceOfSatisfying(
                                Stopped.class, e -> assertThat(e.reason()).isEqualTo(Stopped.Reason.DEADLINE))
                        .hasMessageContaining("summarizer.deadline");
                assertThat(pool.load().queued()).isZero();
            } finally {
                release.set(true);
            }
            assertThat(huge.get(10, TimeUnit.SECONDS)).isPositive();
        }
    }

    @Test
    void interruptingTheCallerOfATaskThatWaitsForItsTurnEndsIt() throws Exception {
        try (CpuPool pool = new CpuPool(1, 4)) {
            StopToken first = StopToken.none();
            StopToken second = StopToken.none();
            AtomicLong firstBlocks = new AtomicLong();
            AtomicLong secondBlocks = new AtomicLong();
            CompletableFuture<Long> a = submit(pool, first, 1, () -> spin(first, firstBlocks, new CountDownLatch(1)));
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    pool.run(second, 1, () -> spin(second, secondBlocks, new CountDownLatch(1)));
                } catch (Exception e) {
                    outcome.complete(e);
                }
            });
            awaitCondition(() -> secondBlocks.get() > 0 && firstBlocks.get() > 0); // both have had turns

            caller.interrupt();

            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            assertThat(second.isCancelled()).isTrue();
            awaitCondition(() -> pool.load().busy() + pool.load().queued() == 1); // the first goes on alone
            first.cancel();
            assertThatThrownBy(() -> a.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(Stopped.class);
            awaitCondition(() -> pool.load().busy() == 0);
        }
    }

    @Test
    void aTaskBeyondTheThreadsAndTheQueueIsRefusedAtOnce() throws Exception {
        try (CpuPool pool = new CpuPool(1, 1)) {
            StopToken stop = StopToken.none();
            AtomicLong blocks = new AtomicLong();
            CompletableFuture<Long> running = submit(pool, stop, 1, () -> spin(stop, blocks, new CountDownLatch(1)));
            CompletableFuture<Long> queued = submit(pool, stop, 1, () -> spin(stop, blocks, new CountDownLatch(1)));
            awaitCondition(() -> pool.load().busy() + pool.load().queued() == 2);
            assertThat(pool.load().full()).isTrue();

            long t0 = System.nanoTime();
            assertThatThrownBy(() -> pool.run(stop, 1, () -> 2L))
                    .isInstanceOf(CpuPool.Busy.class)
                    .hasMessageContaining("retry");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            stop.cancel();
            assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(Stopped.class);
            assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(Stopped.class);
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
                    pool.run(stop, 1, () -> spin(stop, blocks, started));
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
            assertThat(pool.run(StopToken.none(), 1, () -> blocks.get())).isEqualTo(after); // no block ran since
        }
    }

    @Test
    void workOverItsCpuBudgetStopsWithAMessageNamingTheOption() throws Exception {
        try (CpuPool pool = new CpuPool(1, 1)) {
            StopToken call = StopToken.none();
            AtomicLong blocks = new AtomicLong();
            assertThatThrownBy(() -> pool.run(call, 1, () -> {
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

    /** Runs {@code task} on the pool from a virtual thread, as a tool call does. */
    private static <T> CompletableFuture<T> submit(
            CpuPool pool, StopToken stop, long size, CpuPool.Task<T, RuntimeException> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(pool.run(stop, size, task));
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Checks the token between blocks until {@code done} is set; returns the blocks. */
    private static long spinUntil(StopToken stop, AtomicBoolean done, CountDownLatch started) {
        started.countDown();
        long blocks = 0;
        while (!done.get()) {
            stop.check();
            blocks++;
        }
        return blocks;
    }

    /** Counts its blocks in {@code mine} until it and {@code other}'s task have both worked 1,000. */
    private static long spinUntilOther(StopToken stop, AtomicLong mine, AtomicLong other) {
        while (mine.get() < 1_000 || other.get() < 1_000) {
            stop.check();
            mine.incrementAndGet();
        }
        return mine.get();
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
