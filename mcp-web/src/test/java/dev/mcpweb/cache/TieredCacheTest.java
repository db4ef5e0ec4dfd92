package dev.mcpweb.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two tiers on SQLite, beyond what every backend does ({@link CacheContractTest}): reopening the file,
 * the fetch namespace's lifetimes, mass expiry, and a switched-off cache.
 */
class TieredCacheTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void aStoredValueIsReadBackAfterTheCacheIsReopened() {
        try (TieredCache cache = TieredCache.open(TestClock.config(dir), clock)) {
            cache.put(Namespace.SUMMARY, "k", bytes("a summary"));
            assertThat(cache.get(Namespace.SUMMARY, "k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("a summary")));
        }
        try (TieredCache cache = TieredCache.open(TestClock.config(dir), clock)) {
            assertThat(cache.get(Namespace.SUMMARY, "k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("a summary")));
            assertThat(cache.get(Namespace.EXTRACT, "k")).isEmpty();
        }
    }

    @Test
    void callersCannotChangeAStoredValueThroughTheirArrays() {
        try (TieredCache cache = TieredCache.open(TestClock.config(dir), clock)) {
            byte[] value = bytes("abc");
            cache.put(Namespace.SUMMARY, "k", value);
            value[0] = 'X';
            cache.get(Namespace.SUMMARY, "k").orElseThrow()[1] = 'Y';
            assertThat(cache.get(Namespace.SUMMARY, "k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("abc")));
        }
    }

    @ParameterizedTest(name = "memory tier of {0} bytes")
    @ValueSource(longs = {0, 64L << 20})
    void anEntryExpiresAfterItsNamespaceTtl(long memorySize) {
        try (TieredCache cache = TieredCache.open(TestClock.config(dir, 1L << 30, memorySize), clock)) {
            cache.put(Namespace.SUMMARY, "s", bytes("summary"));
            cache.put(Namespace.ROBOTS, "example.com", bytes("User-agent: *"));
            cache.put(Namespace.FETCH, "https://example.com/", bytes("page"));

            clock.advance(Duration.ofMinutes(59));
            assertThat(cache.get(Namespace.FETCH, "https://example.com/")).isPresent();
            clock.advance(Duration.ofMinutes(1));
            assertThat(cache.get(Namespace.FETCH, "https://example.com/")).isEmpty();

            clock.advance(Duration.ofHours(23));
            assertThat(cache.get(Namespace.ROBOTS, "example.com")).isEmpty();
            assertThat(cache.get(Namespace.SUMMARY, "s")).isPresent();

            clock.advance(Duration.ofDays(6));
            assertThat(cache.get(Namespace.SUMMARY, "s")).isEmpty();
        }
    }

    @Test
    void aMassExpiryLeavesExactlyTheUnexpiredEntriesAndExactTotals() {
        try (TieredCache cache = TieredCache.open(TestClock.config(dir, 1L << 30, 0), clock);
                TieredCache other = TieredCache.open(TestClock.config(dir, 1L << 30, 0), clock)) {
            List<Namespace> namespaces = List.of(Namespace.SUMMARY, Namespace.MAP, Namespace.EXTRACT);
            for (int i = 0; i < 300; i++) {
                cache.put(namespaces.get(i % 3), "old" + i, new byte[i]);
            }
            clock.advance(Duration.ofDays(6));
            cache.put(Namespace.FETCH, "page", new byte[7]); // will be stale but kept for revalidation
            long liveBytes = 0;
            for (int i = 0; i < 30; i++) {
                cache.put(namespaces.get(i % 3), "new" + i, new byte[1000 + i]);
                liveBytes += 1000 + i;
            }
            cache.put(Namespace.SUMMARY, "old0", bytes("rewritten, so young again"));
            clock.advance(Duration.ofDays(2));
            cache.flush();

            assertThat(other.prune(Optional.empty())).isEqualTo(299);

            for (TieredCache reader : List.of(cache, other)) {
                for (int i = 0; i < 30; i++) {
                    int size = 1000 + i;
                    assertThat(reader.get(namespaces.get(i % 3), "new" + i))
                            .hasValueSatisfying(v -> assertThat(v).hasSize(size));
                }
                for (int i = 1; i < 300; i++) {
                    assertThat(reader.get(namespaces.get(i % 3), "old" + i)).isEmpty();
                }
                assertThat(reader.get(Namespace.SUMMARY, "old0")).isPresent();
                assertThat(reader.getKept(Namespace.FETCH, "page")).isPresent();
            }
            var stats = cache.stats().namespaces();
            assertThat(namespaces.stream()
                            .mapToLong(ns -> stats.get(ns.wireName()).entries())
                            .sum())
                    .isEqualTo(31);
            assertThat(namespaces.stream()
                            .mapToLong(ns -> stats.get(ns.wireName()).bytes())
                            .sum())
                    .isEqualTo(liveBytes + bytes("rewritten, so young again").length);
            assertThat(stats.get(Namespace.SUMMARY.wireName()).entries()).isEqualTo(11);
            assertThat(stats.get(Namespace.FETCH.wireName()).entries()).isEqualTo(1);

            // The rebuilt table keeps its keys unique and its totals right.
            cache.put(Namespace.MAP, "new1", new byte[5]);
            cache.flush();
            assertThat(other.get(Namespace.MAP, "new1"))
                    .hasValueSatisfying(v -> assertThat(v).hasSize(5));
            assertThat(other.stats().namespaces().get(Namespace.MAP.wireName()).entries())
                    .isEqualTo(10);
            assertThat(other.prune(Optional.empty())).isZero();
        }
    }

    @Test
    void entriesWrittenByAnotherConnectionDuringAMassExpirySurviveIt() throws Exception {
        try (TieredCache cache = TieredCache.open(TestClock.config(dir, 1L << 30, 0), clock);
                TieredCache other = TieredCache.open(TestClock.config(dir, 1L << 30, 0), clock)) {
            for (int i = 0; i < 500; i++) {
                cache.put(Namespace.MAP, "old" + i, new byte[100]);
            }
            clock.advance(Duration.ofDays(8));
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    other.put(Namespace.MAP, "new" + i, new byte[10]);
                }
            });
            long pruned = cache.prune(Optional.empty());
            writer.join(Duration.ofSeconds(60));
            assertThat(writer.isAlive()).isFalse();
            other.flush();

            assertThat(pruned).isEqualTo(500);
            for (int i = 0; i < 200; i++) {
                assertThat(cache.get(Namespace.MAP, "new" + i)).isPresent();
            }
            assertThat(cache.stats().namespaces().get(Namespace.MAP.wireName()).entries())
                    .isEqualTo(200);
            assertThat(cache.stats().namespaces().get(Namespace.MAP.wireName()).bytes())
                    .isEqualTo(2_000);
            assertThat(cache.storageErrors() + other.storageErrors()).isZero();
        }
    }

    @Test
    void aWriteDoesNotHoldItsCallerWhileTheStoreIsLockedAndLandsOnceItIsFree() throws Exception {
        try (TieredCache cache = TieredCache.open(TestClock.config(dir), clock);
                TieredCache other = TieredCache.open(TestClock.config(dir), clock);
                Connection locker = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
                Statement lock = locker.createStatement()) {
            lock.execute("BEGIN IMMEDIATE"); // another process writing a large entry, say

            long start = System.nanoTime();
            cache.put(Namespace.EXTRACT, "k", bytes("extracted"));
            assertThat(cache.getOrCompute(Namespace.SUMMARY, "s", TieredCache.Codec.BYTES, () -> bytes("summary"))
                            .value())
                    .isEqualTo(bytes("summary"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(cache.get(Namespace.EXTRACT, "k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("extracted")));
            assertThat(cache.getOrCompute(Namespace.SUMMARY, "s", TieredCache.Codec.BYTES, () -> bytes("again"))
                            .hit())
                    .isTrue();
            assertThat(other.get(Namespace.EXTRACT, "k")).isEmpty();

            lock.execute("COMMIT");
            cache.flush();
            assertThat(other.get(Namespace.EXTRACT, "k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("extracted")));
            assertThat(other.get(Namespace.SUMMARY, "s")).isPresent();
            assertThat(cache.storageErrors()).isZero();
        }
    }

    @Test
    void staleFetchEntriesAreKeptForRevalidationUntilTheGeneralTtl() {
        try (TieredCache cache = TieredCache.open(TestClock.config(dir), clock)) {
            assertThat(cache.enabled()).isTrue();
            cache.put(Namespace.FETCH, "u", bytes("page"));
            clock.advance(Duration.ofDays(1));
            assertThat(cache.get(Namespace.FETCH, "u")).isEmpty();
            assertThat(cache.getKept(Namespace.FETCH, "u")).isPresent();
            assertThat(cache.prune(Optional.empty())).isZero();
            clock.advance(Duration.ofDays(6));
            assertThat(cache.prune(Optional.empty())).isEqualTo(1);
            assertThat(cache.getKept(Namespace.FETCH, "u")).isEmpty();
        }
    }

    @Test
    void aSwitchedOffCacheMissesEverythingAndSaysSo() throws Exception {
        var off = new dev.mcpweb.config.CacheConfig(
                false, dir, Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(1), 1L << 20, 0);
        try (TieredCache cache = TieredCache.open(off, clock)) {
            cache.put(Namespace.SUMMARY, "k", bytes("v"));
            assertThat(cache.get(Namespace.SUMMARY, "k")).isEmpty();
            assertThat(cache.getOrCompute(Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> bytes("computed"))
                            .value())
                    .isEqualTo(bytes("computed"));
            assertThat(cache.stats().enabled()).isFalse();
            assertThat(cache.enabled()).isFalse();
            assertThat(cache.file()).isEmpty();
        }
        assertThat(dir).isEmptyDirectory();
    }
}
