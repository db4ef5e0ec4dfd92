package dev.mcpweb.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.CacheConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every cache backend must do, run against each of them (one subclass per backend): values,
 * lifetimes, the size bound, statistics shared by every process on the same store, clearing, pruning,
 * large values and concurrent writers from two caches on one store.
 */
abstract class CacheContractTest {
    final TestClock clock = new TestClock();

    /** Settings of a cache on this backend's store, the same store for every call within a test. */
    abstract CacheConfig config(long maxSize, long memorySize);

    private TieredCache open() {
        return open(1L << 30, 64L << 20);
    }

    private TieredCache open(long maxSize, long memorySize) {
        return TieredCache.open(config(maxSize, memorySize), clock);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static NamespaceStats stats(TieredCache cache, Namespace ns) {
        return cache.stats().namespaces().get(ns.wireName());
    }

    @Test
    void aValueStoredByOneCacheIsReadByAnotherOnTheSameStore() {
        try (TieredCache writer = open();
                TieredCache reader = open()) {
            writer.put(Namespace.SUMMARY, "k", bytes("a summary"));
            writer.flush();
            assertThat(reader.get(Namespace.SUMMARY, "k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("a summary")));
            assertThat(reader.get(Namespace.EXTRACT, "k")).isEmpty();
            assertThat(reader.stats().enabled()).isTrue();
            assertThat(reader.degraded()).isFalse();
        }
    }

    @Test
    void putReplacesTheValueAndTheSizeFollows() {
        try (TieredCache cache = open()) {
            cache.put(Namespace.MAP, "k", new byte[100]);
            cache.put(Namespace.MAP, "k", new byte[30]);
            assertThat(cache.get(Namespace.MAP, "k"))
                    .hasValueSatisfying(v -> assertThat(v).hasSize(30));
            cache.flush();
            assertThat(stats(cache, Namespace.MAP).entries()).isEqualTo(1);
            assertThat(stats(cache, Namespace.MAP).bytes()).isEqualTo(30);
        }
    }

    @ParameterizedTest(name = "memory tier of {0} bytes")
    @ValueSource(longs = {0, 64L << 20})
    void anEntryExpiresAfterItsNamespaceTtl(long memorySize) {
        try (TieredCache cache = open(1L << 30, memorySize)) {
            cache.put(Namespace.SUMMARY, "s", bytes("summary"));
            cache.put(Namespace.ROBOTS, "example.com", bytes("User-agent: *"));
            clock.advance(Duration.ofHours(23));
            assertThat(cache.get(Namespace.ROBOTS, "example.com")).isPresent();
            clock.advance(Duration.ofHours(1));
            assertThat(cache.get(Namespace.ROBOTS, "example.com")).isEmpty();
            assertThat(cache.get(Namespace.SUMMARY, "s")).isPresent();
            clock.advance(Duration.ofDays(7));
            assertThat(cache.get(Namespace.SUMMARY, "s")).isEmpty();
        }
    }

    @Test
    void pruneRemovesExpiredEntriesKeepsLiveOnesAndRecountsThem() {
        try (TieredCache cache = open()) {
            cache.put(Namespace.ROBOTS, "old.example", bytes("x"));
            clock.advance(Duration.ofHours(23));
            cache.put(Namespace.ROBOTS, "new.example", bytes("y"));
            cache.put(Namespace.SUMMARY, "s", bytes("z"));
            clock.advance(Duration.ofHours(2));

            assertThat(cache.prune(Optional.of(Namespace.SUMMARY))).isZero();
            assertThat(cache.prune(Optional.empty())).isEqualTo(1);

            assertThat(cache.get(Namespace.ROBOTS, "new.example")).isPresent();
            assertThat(stats(cache, Namespace.ROBOTS).entries()).isEqualTo(1);
            assertThat(stats(cache, Namespace.ROBOTS).bytes()).isEqualTo(1);
            assertThat(stats(cache, Namespace.SUMMARY).entries()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "memory tier of {0} bytes")
    @ValueSource(longs = {0, 64L << 20})
    void theLeastRecentlyUsedEntriesAreEvictedWhenTheStoreIsOverSize(long memorySize) {
        try (TieredCache cache = open(3_000, memorySize)) {
            for (String k : List.of("a", "b", "c")) {
                cache.put(Namespace.EXTRACT, k, new byte[1_000]);
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(cache.get(Namespace.EXTRACT, "a")).isPresent(); // a is now more recent than b and c
            clock.advance(Duration.ofSeconds(1));

            cache.put(Namespace.SUMMARY, "d", new byte[1_500]);
            cache.flush(); // evicting is the writer's part

            assertThat(cache.get(Namespace.EXTRACT, "b")).isEmpty();
            assertThat(cache.get(Namespace.EXTRACT, "c")).isEmpty();
            assertThat(cache.get(Namespace.EXTRACT, "a")).isPresent();
            assertThat(cache.get(Namespace.SUMMARY, "d")).isPresent();
            assertThat(stats(cache, Namespace.EXTRACT).evictions()).isEqualTo(2);
            assertThat(stats(cache, Namespace.EXTRACT).bytes()
                            + stats(cache, Namespace.SUMMARY).bytes())
                    .isEqualTo(2_500);
        }
    }

    @Test
    void aValueLargerThanTheWholeCacheIsNotStoredAndEvictsNothing() {
        try (TieredCache cache = open(2_000, 0)) {
            cache.put(Namespace.EXTRACT, "small", new byte[1_000]);
            cache.put(Namespace.EXTRACT, "huge", new byte[2_001]);
            assertThat(cache.get(Namespace.EXTRACT, "huge")).isEmpty();
            assertThat(cache.get(Namespace.EXTRACT, "small")).isPresent();
        }
    }

    @Test
    void aLargeValueComesBackByteForByte() {
        byte[] large = new byte[8 << 20];
        ThreadLocalRandom.current().nextBytes(large);
        try (TieredCache writer = open(1L << 30, 0);
                TieredCache reader = open(1L << 30, 0)) {
            writer.put(Namespace.EXTRACT, "large", large);
            writer.flush();
            assertThat(reader.get(Namespace.EXTRACT, "large"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(large));
            assertThat(stats(reader, Namespace.EXTRACT).bytes()).isEqualTo(large.length);
        }
    }

    @Test
    void hitsAndMissesOfEveryCacheOnTheStoreAddUp() {
        for (int run = 0; run < 3; run++) {
            try (TieredCache cache = open()) {
                cache.get(Namespace.SUMMARY, "absent");
                cache.put(Namespace.SUMMARY, "present", bytes("v"));
                cache.get(Namespace.SUMMARY, "present");
                cache.get(Namespace.SUMMARY, "present");
            }
        }
        try (TieredCache cache = open()) {
            NamespaceStats summary = stats(cache, Namespace.SUMMARY);
            assertThat(summary.hits()).isEqualTo(6);
            assertThat(summary.misses()).isEqualTo(3);
            assertThat(summary.entries()).isEqualTo(1);
        }
    }

    @Test
    void clearEmptiesOneNamespaceOrAll() {
        try (TieredCache cache = open()) {
            cache.put(Namespace.SUMMARY, "a", bytes("1"));
            cache.put(Namespace.SUMMARY, "b", bytes("2"));
            cache.put(Namespace.MAP, "c", bytes("3"));

            assertThat(cache.clear(Optional.of(Namespace.SUMMARY))).isEqualTo(2);
            assertThat(cache.get(Namespace.SUMMARY, "a")).isEmpty();
            assertThat(cache.get(Namespace.MAP, "c")).isPresent();

            assertThat(cache.clear(Optional.empty())).isEqualTo(1);
            assertThat(cache.get(Namespace.MAP, "c")).isEmpty();
            assertThat(cache.stats().namespaces().values()).allSatisfy(ns -> {
                assertThat(ns.entries()).isZero();
                assertThat(ns.bytes()).isZero();
            });
        }
    }

    @Test
    void concurrentWritersFromTwoCachesLeaveWholeValuesAndExactTotals() throws Exception {
        int writers = 8;
        int keys = 20;
        int rounds = 25;
        try (TieredCache one = open(1L << 30, 0);
                TieredCache two = open(1L << 30, 0);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                TieredCache cache = w % 2 == 0 ? one : two;
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        for (int k = 0; k < keys; k++) {
                            // Every value is one byte repeated, its length telling writer and round apart.
                            byte[] value = new byte[100 + writer * 37 + r];
                            java.util.Arrays.fill(value, (byte) writer);
                            cache.put(Namespace.MAP, "k" + k, value);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            one.flush();
            two.flush();
            long bytes = 0;
            for (int k = 0; k < keys; k++) {
                byte[] value = two.get(Namespace.MAP, "k" + k).orElseThrow();
                byte writer = value[0];
                assertThat(value).containsOnly(writer); // never a mix of two writes
                bytes += value.length;
            }
            assertThat(stats(one, Namespace.MAP).entries()).isEqualTo(keys);
            assertThat(stats(one, Namespace.MAP).bytes()).isEqualTo(bytes);
        }
    }
}
