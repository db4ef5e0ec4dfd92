package dev.mcpweb.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.Await;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SingleFlight} on its own: sharing, failures, callers that leave, and many threads at once. */
class SingleFlightTest {
    /** The computations' threads, so that a test can wait for one to end. */
    private final List<Thread> workers = new CopyOnWriteArrayList<>();

    private final SingleFlight<String, String> flights = new SingleFlight<>(r -> {
        Thread t = Thread.ofVirtual().unstarted(r);
        workers.add(t);
        return t;
    });
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<Thread> callerThreads = new CopyOnWriteArrayList<>();
    private final List<String> kept = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private Future<String> call(String key, java.util.concurrent.Callable<String> compute) {
        return callers.submit(() -> {
            callerThreads.add(Thread.currentThread());
            return flights.run(key, compute, kept::add);
        });
    }

    private void awaitWaiting(int n) throws TimeoutException {
        Await.until(() -> callerThreads.stream()
                        .filter(t -> t.getState() == Thread.State.WAITING)
                        .count()
                >= n);
    }

    @Test
    void callersOfOneKeyShareOneComputationAndItsValueIsKeptOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computations = new AtomicInteger();
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(call("k", () -> {
                computations.incrementAndGet();
                release.await();
                return "value";
            }));
        }
        awaitWaiting(8);
        release.countDown();

        for (Future<String> r : results) {
            assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo("value");
        }
        assertThat(computations).hasValue(1);
        assertThat(kept).containsExactly("value");
        assertThat(flights.inFlight()).isZero();
    }

    @Test
    void aFailureReachesEveryCallerKeepsNothingAndTheNextCallerComputesAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(call("k", () -> {
                release.await();
                throw new IOException("the model timed out");
            }));
        }
        awaitWaiting(4);
        release.countDown();

        for (Future<String> r : results) {
            assertThatThrownBy(() -> r.get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(IOException.class)
                    .hasMessage("the model timed out");
        }
        assertThat(kept).isEmpty();
        assertThat(flights.run("k", () -> "second try", kept::add)).isEqualTo("second try");
        assertThat(kept).containsExactly("second try");
    }

    @Test
    void aCallerThatLeavesDoesNotStopTheComputationForTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch left = new CountDownLatch(1);
        Future<String> leaving = callers.submit(() -> {
            callerThreads.add(Thread.currentThread());
            try {
                return flights.run(
                        "k",
                        () -> {
                            release.await(); // an interrupt here would fail the computation for all
                            return "value";
                        },
                        kept::add);
            } catch (InterruptedException e) {
                left.countDown();
                throw e;
            }
        });
        awaitWaiting(1);
        Future<String> staying = call("k", () -> "another computation");
        awaitWaiting(2);

        leaving.cancel(true);
        assertThat(left.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();

        assertThat(staying.get(10, TimeUnit.SECONDS)).isEqualTo("value");
        assertThat(kept).containsExactly("value");
    }

    @Test
    void whenTheLastCallerLeavesTheComputationIsInterruptedKeepsNothingAndTheKeyIsFreeAtOnce() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch windDown = new CountDownLatch(1);
        Future<String> only = call("k", () -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                windDown.await(); // still winding down when the next caller comes
                return "partial"; // what a cancelled summarizer may return
            }
            return "never";
        });
        awaitWaiting(1);

        only.cancel(true);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(flights.run("k", () -> "fresh", kept::add)).isEqualTo("fresh");
        windDown.countDown();
        workers.getFirst().join(10_000);

        assertThat(workers.getFirst().isAlive()).isFalse();
        assertThat(kept).containsExactly("fresh");
    }

    /** One call of a hammering test; true when the caller got what it should. */
    private interface Round {
        boolean run() throws Exception;
    }

    /** Runs {@code round} {@code rounds} times on each of {@code threads} threads started together. */
    private void hammer(int threads, int rounds, Round round) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(callers.submit(() -> {
                start.await();
                int good = 0;
                for (int r = 0; r < rounds; r++) {
                    if (round.run()) {
                        good++;
                    }
                }
                return good;
            }));
        }
        for (Future<Integer> d : done) {
            assertThat(d.get(60, TimeUnit.SECONDS)).isEqualTo(rounds);
        }
    }

    @Test
    void manyThreadsOnFewKeysNeverRunTwoComputationsOfOneKeyAtOnceAndEveryCallerGetsAValue() throws Exception {
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger computations = new AtomicInteger();
        hammer(16, 300, () -> {
            String key = "k" + ThreadLocalRandom.current().nextInt(4);
            String value = flights.run(
                    key,
                    () -> {
                        AtomicInteger now = running.computeIfAbsent(key, k -> new AtomicInteger());
                        if (now.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        computations.incrementAndGet();
                        Thread.yield();
                        now.decrementAndGet();
                        return key;
                    },
                    v -> {});
            return value.equals(key);
        });
        assertThat(overlaps).hasValue(0);
        assertThat(computations.get()).isBetween(1, 16 * 300);
        assertThat(flights.inFlight()).isZero();
    }

    @Test
    void callersThatLeaveAtRandomLeaveNoFlightBehindAndTheOthersGetTheirValue() throws Exception {
        hammer(16, 200, () -> {
            String key = "k" + ThreadLocalRandom.current().nextInt(3);
            if (ThreadLocalRandom.current().nextInt(4) == 0) {
                Thread.currentThread().interrupt(); // leaves as soon as it waits
            }
            try {
                return flights.run(key, () -> key, v -> {}).equals(key);
            } catch (InterruptedException e) {
                return true; // left: nothing to check but that it returned
            } finally {
                Thread.interrupted();
            }
        });
        Await.until(() -> flights.inFlight() == 0);
    }
}
