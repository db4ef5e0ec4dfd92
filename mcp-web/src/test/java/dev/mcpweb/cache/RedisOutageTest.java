package dev.mcpweb.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.Await;
import dev.mcpweb.RedisServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis away, at start or in the middle of a run: every call still succeeds (served from the memory tier
 * or computed), the cache says it is degraded, no value is ever torn, and once Redis is back the cache
 * uses it again by itself.
 */
class RedisOutageTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private final TestClock clock = new TestClock();

    @BeforeEach
    void emptyRedis() throws IOException {
        redis.flushAll();
    }

    @AfterEach
    void redisUp() throws IOException {
        redis.start();
    }

    private TieredCache open() {
        return TieredCache.open(TestClock.redisConfig(redis.url(), 1L << 30, 64L << 20), clock);
    }

    /** A value of 10 KB that tells its key, so that a mix of two values or a cut one shows. */
    private static byte[] valueOf(String key) {
        return (key + ";").repeat(10_000 / (key.length() + 1)).getBytes(UTF_8);
    }

    @Test
    void aCacheOpenedWhileRedisIsDownWorksFromMemoryAndUsesRedisOnceItAnswers() throws Exception {
        redis.stop();
        try (TieredCache cache = open()) {
            assertThat(cache.degraded()).isTrue();
            TieredCache.Cached<byte[]> first =
                    cache.getOrCompute(Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> valueOf("k"));
            assertThat(first.origin()).isEqualTo(TieredCache.Origin.COMPUTED);
            assertThat(cache.get(Namespace.SUMMARY, "k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(valueOf("k")));
            assertThat(cache.stats().enabled()).isFalse(); // the shared figures cannot be read now

            redis.start();
            Await.until(() -> !cache.degraded());
            cache.put(Namespace.SUMMARY, "later", valueOf("later"));
            cache.flush();
            try (TieredCache otherReplica = open()) {
                assertThat(otherReplica.get(Namespace.SUMMARY, "later"))
                        .hasValueSatisfying(v -> assertThat(v).isEqualTo(valueOf("later")));
            }
        }
    }

    @Test
    void redisLostMidRunFailsNoCallTearsNoValueAndWritesResumeWhenItReturns() throws Exception {
        try (TieredCache cache = open();
                TieredCache otherReplica = open();
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            cache.put(Namespace.SUMMARY, "before", valueOf("before"));
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong calls = new AtomicLong();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int caller = t;
                loops.add(callers.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        String key = "k" + ((i * 7 + caller) % 50);
                        byte[] value = cache.getOrCompute(
                                        Namespace.MAP, key, TieredCache.Codec.BYTES, () -> valueOf(key))
                                .value();
                        if (!java.util.Arrays.equals(value, valueOf(key))) {
                            wrong.add(key);
                        }
                        calls.incrementAndGet();
                    }
                    return null;
                }));
            }
            Await.until(() -> calls.get() > 200);
            redis.stop();
            Await.until(cache::degraded);
            long atLoss = calls.get();
            Await.until(() -> calls.get() > atLoss + 200);
            assertThat(cache.get(Namespace.SUMMARY, "before"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(valueOf("before")));

            redis.start(); // empty: it persisted nothing
            Await.until(() -> !cache.degraded());
            long atReturn = calls.get();
            Await.until(() -> calls.get() > atReturn + 200);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(); // a call that failed would throw here
            }
            assertThat(wrong).isEmpty();

            cache.put(Namespace.SUMMARY, "after", valueOf("after"));
            cache.flush();
            assertThat(otherReplica.get(Namespace.SUMMARY, "after"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(valueOf("after")));
            assertThat(otherReplica.degraded()).isFalse();
        }
    }

    @Test
    void redisLostWhileReplicasHoldAndWaitForLeasesFailsNoCallAndSingleFlightResumesWhenItReturns() throws Exception {
        try (TieredCache one = open();
                TieredCache two = open();
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong calls = new AtomicLong();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                TieredCache replica = t % 2 == 0 ? one : two;
                int caller = t;
                loops.add(callers.submit(() -> {
                    // Both replicas ask for the same fresh keys at about the same time: leases held and waited on.
                    for (int i = 0; running.get(); i++) {
                        String key = "k" + (i + caller % 2);
                        byte[] value = replica.getOrCompute(
                                        Namespace.SUMMARY, key, TieredCache.Codec.BYTES, () -> valueOf(key))
                                .value();
                        if (!java.util.Arrays.equals(value, valueOf(key))) {
                            wrong.add(key);
                        }
                        calls.incrementAndGet();
                    }
                    return null;
                }));
            }
            Await.until(() -> calls.get() > 300);
            redis.stop();
            Await.until(() -> one.degraded() && two.degraded());
            long atLoss = calls.get();
            Await.until(() -> calls.get() > atLoss + 300);
            redis.start();
            Await.until(() -> !one.degraded() && !two.degraded());
            long atReturn = calls.get();
            Await.until(() -> calls.get() > atReturn + 300);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(); // a call that failed would throw here
            }
            assertThat(wrong).isEmpty();

            AtomicLong computations = new AtomicLong();
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Future<byte[]> first =
                    callers.submit(() -> one.getOrCompute(Namespace.SUMMARY, "after", TieredCache.Codec.BYTES, () -> {
                                computations.incrementAndGet();
                                release.await();
                                return valueOf("after");
                            })
                            .value());
            Await.until(() -> computations.get() == 1);
            Future<byte[]> second =
                    callers.submit(() -> two.getOrCompute(Namespace.SUMMARY, "after", TieredCache.Codec.BYTES, () -> {
                                computations.incrementAndGet();
                                return valueOf("after");
                            })
                            .value());
            release.countDown();
            assertThat(first.get()).isEqualTo(valueOf("after"));
            assertThat(second.get()).isEqualTo(valueOf("after"));
            assertThat(computations.get())
                    .as("computed once across the replicas again")
                    .isEqualTo(1);
        }
    }
}
