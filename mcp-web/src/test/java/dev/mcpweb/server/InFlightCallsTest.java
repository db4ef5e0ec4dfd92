package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightCallsTest {
    @Test
    void aCancelInterruptsTheRunningCallAndItEndsAsCancelled() throws Exception {
        InFlightCalls calls = new InFlightCalls(4);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                calls.run("c#1", () -> {
                    started.countDown();
                    new CountDownLatch(1).await(); // blocks until interrupted
                    return "never";
                });
                outcome.complete(null);
            } catch (Exception e) {
                outcome.complete(e);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        calls.cancel("c#1");
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InFlightCalls.Cancelled.class);
        assertThat(calls.active()).isZero();
    }

    @Test
    void aCancelThatArrivesFirstStopsTheCallBeforeItStarts() {
        InFlightCalls calls = new InFlightCalls(4);
        calls.cancel("c#2");
        assertThatThrownBy(() -> calls.run("c#2", () -> "ran")).isInstanceOf(InFlightCalls.Cancelled.class);
    }

    @Test
    void aCallThatSwallowsTheInterruptStillEndsAsCancelled() throws Exception {
        InFlightCalls calls = new InFlightCalls(1);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                calls.run("c#3", () -> {
                    started.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        return "partial result"; // a stage that turns the interrupt into a result
                    }
                    return "never";
                });
                outcome.complete(null);
            } catch (Exception e) {
                outcome.complete(e);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        calls.cancel("c#3");
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InFlightCalls.Cancelled.class);
    }

    @Test
    void aCallBeyondTheLimitIsAnsweredBusyAtOnceAndAFreedSlotServesTheNext() throws Exception {
        InFlightCalls calls = new InFlightCalls(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> {
            try {
                calls.run("", () -> {
                    started.countDown();
                    release.await();
                    return "done";
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> calls.run("", () -> "second"))
                .isInstanceOf(InFlightCalls.Busy.class)
                .hasMessageContaining("server.max_concurrent_tools")
                .hasMessageContaining("retry");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        release.countDown();
        holder.join(Duration.ofSeconds(5));
        assertThat(calls.run("", () -> "third")).isEqualTo("third");
    }
}
