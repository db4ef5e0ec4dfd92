package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallPoolTest {
    @Test
    void atMostTheConfiguredNumberOfCallsRunAtOnce() throws Exception {
        try (CallPool pool = new CallPool(2)) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            CountDownLatch twoIn = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(pool.submit(() -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    twoIn.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    running.decrementAndGet();
                    return 1;
                }));
            }
            assertThat(twoIn.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(running.get()).isEqualTo(2);
            release.countDown();
            for (Future<Integer> f : calls) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(peak.get()).isEqualTo(2);
        }
    }

    @Test
    void aCallWaitingForASlotWhenTheSummaryIsCancelledIsNeverMade() throws Exception {
        CallPool pool = new CallPool(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger made = new AtomicInteger();
        pool.submitUnlimited(pool.limited(() -> {
            holding.countDown();
            release.await(10, TimeUnit.SECONDS);
            return 0;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Integer> waiting = pool.<Integer>completionService().submit(pool.limited(made::incrementAndGet));

        SummaryException e = pool.cancelled(List.of());

        assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
        assertThat(e).hasMessage("the summary was cancelled");
        release.countDown();
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
                .isInstanceOfAny(ExecutionException.class, java.util.concurrent.CancellationException.class);
        assertThat(made.get()).isZero();
    }

    @Test
    void timeLeftIsNeverNegative() {
        assertThat(CallPool.nanosLeft(System.nanoTime() - 1_000)).isZero();
        assertThat(CallPool.nanosLeft(System.nanoTime() + 1_000_000_000L)).isPositive();
    }
}
