package dev.mcpweb.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.Await;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TieredCache#getOrCompute}: values computed once for concurrent callers, stored only when whole. */
class TieredCacheSingleFlightTest {
    private static final int CALLERS = 16;

    @TempDir
    Path dir;

    private TieredCache cache;
    private final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    private final List<Thread> callerThreads = new ArrayList<>();

    @BeforeEach
    void open() {
        cache = TieredCache.open(TestClock.config(dir), new TestClock());
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        cache.close();
    }

    private Future<byte[]> call(String key, java.util.concurrent.Callable<byte[]> compute) {
        return pool.submit(() -> {
            synchronized (callerThreads) {
                callerThreads.add(Thread.currentThread());
            }
            return cache.getOrCompute(Namespace.SUMMARY, key, TieredCache.Codec.BYTES, compute::call)
                    .value();
        });
    }

    /** Waits (without sleeping) until {@code n} callers are parked, i.e. waiting on the computation. */
    private void awaitParked(int n) throws TimeoutException {
        Await.until(() -> {
            synchronized (callerThreads) {
                return callerThreads.stream()
                                .filter(t -> t.getState() == Thread.State.WAITING)
                                .count()
                        >= n;
            }
        });
    }

    @Test
    void concurrentCallersForOneMissingKeyComputeItOnceAndAllGetTheValue() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            results.add(call("k", () -> {
                computations.incrementAndGet();
                release.await();
                return "the summary".getBytes(UTF_8);
            }));
        }
        // The one computing waits on the latch, the other callers on its result: all are parked.
        awaitParked(CALLERS);
        release.countDown();

        for (Future<byte[]> r : results) {
            assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo("the summary".getBytes(UTF_8));
        }
        assertThat(computations).hasValue(1);
        assertThat(cache.get(Namespace.SUMMARY, "k")).isPresent();
        NamespaceStats stats = cache.stats().namespaces().get(Namespace.SUMMARY.wireName());
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hits()).isEqualTo(CALLERS); // CALLERS - 1 waiters and the get above
    }

    @Test
    void aComputationThatThrowsIsNotCachedAndItsErrorReachesEveryWaiter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computations = new AtomicInteger();
        List<Future<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(call("k", () -> {
                computations.incrementAndGet();
                release.await();
                throw new IOException("the model timed out");
            }));
        }
        awaitParked(4);
        release.countDown();
        for (Future<byte[]> r : results) {
            assertThatThrownBy(() -> r.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(IOException.class)
                    .hasMessage("the model timed out");
        }
        assertThat(computations).hasValue(1);
        assertThat(cache.get(Namespace.SUMMARY, "k")).isEmpty();
        assertThat(cache.getOrCompute(
                                Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> "second try".getBytes(UTF_8))
                        .value())
                .isEqualTo("second try".getBytes(UTF_8));
        assertThat(cache.get(Namespace.SUMMARY, "k"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo("second try".getBytes(UTF_8)));
    }

    @Test
    void aCancelledCallerLeavesTheComputationToTheCallersStillWaiting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computations = new AtomicInteger();
        Future<byte[]> cancelled = call("k", () -> {
            computations.incrementAndGet();
            release.await();
            return "complete summary".getBytes(UTF_8);
        });
        awaitParked(1);
        Future<byte[]> waiter = call("k", () -> {
            computations.incrementAndGet();
            return "a second summary".getBytes(UTF_8);
        });
        awaitParked(2);

        cancelled.cancel(true); // interrupts the first caller, as a cancelled MCP request does
        release.countDown();

        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("complete summary".getBytes(UTF_8));
        assertThat(computations).hasValue(1);
        assertThat(cache.get(Namespace.SUMMARY, "k"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo("complete summary".getBytes(UTF_8)));
    }

    @Test
    void whenTheLastCallerLeavesTheComputationIsInterruptedAndStoresNothing() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Future<byte[]> only = call("k", () -> {
            try {
                new CountDownLatch(1).await(); // a long summary, until cancelled
            } catch (InterruptedException e) {
                interrupted.countDown();
                // A summarizer may return what it has when cancelled: it must not be kept.
                return "partial".getBytes(UTF_8);
            }
            return "never".getBytes(UTF_8);
        });
        awaitParked(1);

        only.cancel(true);

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cache.get(Namespace.SUMMARY, "k")).isEmpty();
        assertThat(cache.getOrCompute(Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> "again".getBytes(UTF_8))
                        .value())
                .isEqualTo("again".getBytes(UTF_8));
    }

    @Test
    void aValueTheCodecDoesNotEncodeIsSharedButNotStored() throws Exception {
        TieredCache.Codec<String> unstored =
                TieredCache.Codec.of(b -> Optional.of(new String(b, UTF_8)), v -> Optional.empty());
        TieredCache.Cached<String> first = cache.getOrCompute(Namespace.SUMMARY, "k", unstored, () -> "with warnings");
        assertThat(first.origin()).isEqualTo(TieredCache.Origin.COMPUTED);
        assertThat(cache.get(Namespace.SUMMARY, "k")).isEmpty();
    }

    @Test
    void anInterruptedWaiterStopsWaitingWhileTheComputationCarriesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<byte[]> leader = call("k", () -> {
            release.await();
            return "value".getBytes(UTF_8);
        });
        Await.until(() -> callerThreads.size() == 1 && callerThreads.get(0).getState() == Thread.State.WAITING);
        CountDownLatch waiterInterrupted = new CountDownLatch(1);
        Future<byte[]> waiter = pool.submit(() -> {
            synchronized (callerThreads) {
                callerThreads.add(Thread.currentThread());
            }
            try {
                return cache.getOrCompute(Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> {
                            throw new AssertionError("the waiter must not compute");
                        })
                        .value();
            } catch (InterruptedException e) {
                waiterInterrupted.countDown();
                throw e;
            }
        });
        awaitParked(2);

        waiter.cancel(true);
        assertThat(waiterInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(leader).isNotDone();
        release.countDown();

        assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo("value".getBytes(UTF_8));
        assertThat(cache.get(Namespace.SUMMARY, "k")).isPresent();
    }

    @Test
    void differentKeysComputeIndependently() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        List<Future<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String key = "k" + (i % 4);
            results.add(call(key, () -> {
                computations.incrementAndGet();
                return key.getBytes(UTF_8);
            }));
        }
        for (int i = 0; i < CALLERS; i++) {
            assertThat(new String(results.get(i).get(10, TimeUnit.SECONDS), UTF_8))
                    .isEqualTo("k" + (i % 4));
        }
        assertThat(computations.get()).isBetween(4, CALLERS);
        cache.flush();
        assertThat(cache.stats().namespaces().get(Namespace.SUMMARY.wireName()).entries())
                .isEqualTo(4);
    }

    @Test
    void aHitNeverComputes() throws Exception {
        cache.put(Namespace.SUMMARY, "k", "stored".getBytes(UTF_8));
        TieredCache.Cached<byte[]> hit = cache.getOrCompute(Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> {
            throw new AssertionError("must not compute");
        });
        assertThat(hit.value()).isEqualTo("stored".getBytes(UTF_8));
        assertThat(hit.origin()).isEqualTo(TieredCache.Origin.STORED);
    }
}
