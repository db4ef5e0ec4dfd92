package dev.mcpweb.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mcpweb.Await;
import dev.mcpweb.RedisServer;
import dev.mcpweb.cache.EntryStore.EntryKey;
import dev.mcpweb.config.CacheConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Single flight across replicas: two caches on one real Redis stand for two replicas. The one that wins
 * the lease computes, the other waits and reads the value; a failed computation gives the lease up so the
 * waiter computes at once; a lease whose holder died (stopped renewing) is taken over once it expires,
 * and the stalled holder's late write is fenced off.
 */
class ReplicaFlightTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> raw;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(redis.url());
        raw = client.connect();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
        client.shutdown();
    }

    @BeforeEach
    void emptyRedis() throws IOException {
        redis.flushAll();
    }

    private static TieredCache replica(Duration leaseTtl) {
        return TieredCache.open(new CacheConfig(
                true,
                Path.of("unused"),
                Duration.ofDays(7),
                Duration.ofHours(1),
                Duration.ofHours(24),
                1L << 30,
                64L << 20,
                CacheConfig.Backend.REDIS,
                redis.url(),
                leaseTtl));
    }

    /** Processes subscribed to the notifications of landed entries: a replica that waits has subscribed. */
    private static long watchers() {
        return raw.sync().pubsubNumsub("mcp-web:landed").getOrDefault("mcp-web:landed", 0L);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void theSameEntryAskedOfTwoReplicasAtOnceIsComputedOnceAndReadByTheOther() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try (TieredCache first = replica(Duration.ofSeconds(30));
                TieredCache second = replica(Duration.ofSeconds(30));
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<TieredCache.Cached<byte[]>> one =
                    callers.submit(() -> first.getOrCompute(Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> {
                        computations.incrementAndGet();
                        computing.countDown();
                        finish.await();
                        return bytes("made once");
                    }));
            assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
            Future<TieredCache.Cached<byte[]>> two =
                    callers.submit(() -> second.getOrCompute(Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> {
                        computations.incrementAndGet();
                        return bytes("made twice");
                    }));
            try {
                Await.until(() -> watchers() == 2);
            } finally {
                finish.countDown();
            }

            assertThat(one.get(10, TimeUnit.SECONDS).origin()).isEqualTo(TieredCache.Origin.COMPUTED);
            TieredCache.Cached<byte[]> read = two.get(10, TimeUnit.SECONDS);
            assertThat(read.origin()).isEqualTo(TieredCache.Origin.STORED);
            assertThat(read.value()).isEqualTo(bytes("made once"));
            assertThat(computations).hasValue(1);
            assertThat(raw.sync().exists("mcp-web:l:summary:k"))
                    .as("the lease is given up")
                    .isZero();
        }
    }

    @Test
    void aFailedComputationStoresNothingAndTheWaitingReplicaComputesAtOnce() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        // A lease far longer than the test: the waiter can only go on because the lease was given up.
        try (TieredCache first = replica(Duration.ofMinutes(5));
                TieredCache second = replica(Duration.ofMinutes(5));
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<TieredCache.Cached<byte[]>> one =
                    callers.submit(() -> first.getOrCompute(Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> {
                        computing.countDown();
                        fail.await();
                        throw new IllegalStateException("the model failed");
                    }));
            assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
            Future<TieredCache.Cached<byte[]>> two = callers.submit(() ->
                    second.getOrCompute(Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> bytes("second try")));
            try {
                Await.until(() -> watchers() == 2);
            } finally {
                fail.countDown();
            }

            assertThat(catchThrowable(() -> one.get(10, TimeUnit.SECONDS))).hasRootCauseMessage("the model failed");
            TieredCache.Cached<byte[]> taken = two.get(10, TimeUnit.SECONDS);
            assertThat(taken.origin()).isEqualTo(TieredCache.Origin.COMPUTED);
            second.flush(); // its write, behind the call
            assertThat(first.get(Namespace.SUMMARY, "k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("second try")));
        }
    }

    @Test
    void aLeaseWhoseHolderStoppedRenewingIsTakenOverAndItsLateWriteIsFencedOff() throws Exception {
        try (RedisStore store =
                        (RedisStore) RedisStore.backend(redis.url(), Map.of()).open();
                TieredCache survivor = replica(Duration.ofSeconds(30))) {
            // A replica that claimed the lease and then hung (or died): nothing renews it.
            Leases.Claim claim = store.leases().orElseThrow().claim(new EntryKey("summary", "k"), 500);
            assertThat(claim).isInstanceOf(Leases.Claim.Granted.class);
            Leases.Lease stalled = ((Leases.Claim.Granted) claim).lease();

            long start = System.nanoTime();
            TieredCache.Cached<byte[]> taken =
                    survivor.getOrCompute(Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> bytes("survivor"));
            assertThat(taken.origin()).isEqualTo(TieredCache.Origin.COMPUTED);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("it waited for the lease to expire")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(400));

            assertThat(stalled.put(bytes("stalled"), System.currentTimeMillis(), 1L << 30, Map.of()))
                    .as("the late writer is fenced off")
                    .isEmpty();
            survivor.flush();
            try (TieredCache other = replica(Duration.ofSeconds(30))) {
                assertThat(other.get(Namespace.SUMMARY, "k"))
                        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("survivor")));
            }
        }
    }

    @Test
    void laterHoldersGetHigherTokensAndAnOlderTokenNeverOverwritesTheirEntry() throws Exception {
        try (RedisStore store =
                (RedisStore) RedisStore.backend(redis.url(), Map.of()).open()) {
            Leases leases = store.leases().orElseThrow();
            EntryKey key = new EntryKey("summary", "k");
            Leases.Lease first = ((Leases.Claim.Granted) leases.claim(key, 60_000)).lease();
            assertThat(leases.claim(key, 60_000)).isInstanceOf(Leases.Claim.Held.class);
            assertThat(first.put(bytes("v1"), 1, 1L << 30, Map.of())).isPresent();
            Leases.Lease second = ((Leases.Claim.Granted) leases.claim(key, 60_000)).lease();
            assertThat(second.token()).isGreaterThan(first.token());
            assertThat(second.put(bytes("v2"), 2, 1L << 30, Map.of())).isPresent();
            assertThat(first.put(bytes("again"), 3, 1L << 30, Map.of()))
                    .as("an older token never overwrites a later holder's entry")
                    .isEmpty();
        }
    }
}
