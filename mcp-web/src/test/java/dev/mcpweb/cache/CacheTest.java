package dev.mcpweb.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void aStoredValueIsReadBackAfterTheCacheIsReopened() {
        try (Cache cache = Cache.open(TestClock.config(dir), clock)) {
            cache.put(Cache.SUMMARY, "k", bytes("a summary"));
            assertThat(cache.get(Cache.SUMMARY, "k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("a summary")));
        }
        try (Cache cache = Cache.open(TestClock.config(dir), clock)) {
            assertThat(cache.get(Cache.SUMMARY, "k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("a summary")));
            assertThat(cache.get(Cache.EXTRACT, "k")).isEmpty();
        }
    }

    @Test
    void putReplacesTheValueAndTheSizeFollows() {
        try (Cache cache = Cache.open(TestClock.config(dir), clock)) {
            cache.put(Cache.MAP, "k", new byte[100]);
            cache.put(Cache.MAP, "k", new byte[30]);
            assertThat(cache.get(Cache.MAP, "k"))
                    .hasValueSatisfying(v -> assertThat(v).hasSize(30));
            assertThat(cache.stats().namespaces().get(Cache.MAP).entries()).isEqualTo(1);
            assertThat(cache.stats().namespaces().get(Cache.MAP).bytes()).isEqualTo(30);
        }
    }

    @Test
    void callersCannotChangeAStoredValueThroughTheirArrays() {
        try (Cache cache = Cache.open(TestClock.config(dir), clock)) {
            byte[] value = bytes("abc");
            cache.put(Cache.SUMMARY, "k", value);
            value[0] = 'X';
            cache.get(Cache.SUMMARY, "k").orElseThrow()[1] = 'Y';
            assertThat(cache.get(Cache.SUMMARY, "k"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("abc")));
        }
    }

    @ParameterizedTest(name = "memory tier of {0} bytes")
    @ValueSource(longs = {0, 64L << 20})
    void anEntryExpiresAfterItsNamespaceTtl(long memorySize) {
        try (Cache cache = Cache.open(TestClock.config(dir, 1L << 30, memorySize), clock)) {
            cache.put(Cache.SUMMARY, "s", bytes("summary"));
            cache.put(Cache.ROBOTS, "example.com", bytes("User-agent: *"));
            cache.put(Cache.FETCH, "https://example.com/", bytes("page"));

            clock.advance(Duration.ofMinutes(59));
            assertThat(cache.get(Cache.FETCH, "https://example.com/")).isPresent();
            clock.advance(Duration.ofMinutes(1));
            assertThat(cache.get(Cache.FETCH, "https://example.com/")).isEmpty();

            clock.advance(Duration.ofHours(23));
            assertThat(cache.get(Cache.ROBOTS, "example.com")).isEmpty();
            assertThat(cache.get(Cache.SUMMARY, "s")).isPresent();

            clock.advance(Duration.ofDays(6));
            assertThat(cache.get(Cache.SUMMARY, "s")).isEmpty();
        }
    }

    @Test
    void pruneRemovesExpiredEntriesAndKeepsLiveOnes() {
        try (Cache cache = Cache.open(TestClock.config(dir), clock)) {
            cache.put(Cache.ROBOTS, "old.example", bytes("x"));
            clock.advance(Duration.ofHours(23));
            cache.put(Cache.ROBOTS, "new.example", bytes("y"));
            cache.put(Cache.SUMMARY, "s", bytes("z"));
            clock.advance(Duration.ofHours(2));

            assertThat(cache.prune(Optional.of(Cache.SUMMARY))).isZero();
            assertThat(cache.prune(Optional.empty())).isEqualTo(1);

            assertThat(cache.get(Cache.ROBOTS, "new.example")).isPresent();
            assertThat(cache.stats().namespaces().get(Cache.ROBOTS).entries()).isEqualTo(1);
            assertThat(cache.stats().namespaces().get(Cache.SUMMARY).entries()).isEqualTo(1);
        }
    }

    @Test
    void aMassExpiryLeavesExactlyTheUnexpiredEntriesAndExactTotals() {
        try (Cache cache = Cache.open(TestClock.config(dir, 1L << 30, 0), clock);
                Cache other = Cache.open(TestClock.config(dir, 1L << 30, 0), clock)) {
            List<String> namespaces = List.of(Cache.SUMMARY, Cache.MAP, Cache.EXTRACT);
            for (int i = 0; i < 300; i++) {
                cache.put(namespaces.get(i % 3), "old" + i, new byte[i]);
            }
            clock.advance(Duration.ofDays(6));
            cache.put(Cache.FETCH, "page", new byte[7]); // will be stale but kept for revalidation
            long liveBytes = 0;
            for (int i = 0; i < 30; i++) {
                cache.put(namespaces.get(i % 3), "new" + i, new byte[1000 + i]);
                liveBytes += 1000 + i;
            }
            cache.put(Cache.SUMMARY, "old0", bytes("rewritten, so young again"));
            clock.advance(Duration.ofDays(2));

            assertThat(other.prune(Optional.empty())).isEqualTo(299);

            for (Cache reader : List.of(cache, other)) {
                for (int i = 0; i < 30; i++) {
                    int size = 1000 + i;
                    assertThat(reader.get(namespaces.get(i % 3), "new" + i))
                            .hasValueSatisfying(v -> assertThat(v).hasSize(size));
                }
                for (int i = 1; i < 300; i++) {
                    assertThat(reader.get(namespaces.get(i % 3), "old" + i)).isEmpty();
                }
                assertThat(reader.get(Cache.SUMMARY, "old0")).isPresent();
                assertThat(reader.getKept(Cache.FETCH, "page")).isPresent();
            }
            var stats = cache.stats().namespaces();
            assertThat(namespaces.stream()
                            .mapToLong(ns -> stats.get(ns).entries())
                            .sum())
                    .isEqualTo(31);
            assertThat(namespaces.stream()
                            .mapToLong(ns -> stats.get(ns).bytes())
                            .sum())
                    .isEqualTo(liveBytes + bytes("rewritten, so young again").length);
            assertThat(stats.get(Cache.SUMMARY).entries()).isEqualTo(11);
            assertThat(stats.get(Cache.FETCH).entries()).isEqualTo(1);

            // The rebuilt table keeps its keys unique and its totals right.
            cache.put(Cache.MAP, "new1", new byte[5]);
            assertThat(other.get(Cache.MAP, "new1"))
                    .hasValueSatisfying(v -> assertThat(v).hasSize(5));
            assertThat(other.stats().namespaces().get(Cache.MAP).entries()).isEqualTo(10);
            assertThat(other.prune(Optional.empty())).isZero();
        }
    }

    @Test
    void entriesWrittenByAnotherConnectionDuringAMassExpirySurviveIt() throws Exception {
        try (Cache cache = Cache.open(TestClock.config(dir, 1L << 30, 0), clock);
                Cache other = Cache.open(TestClock.config(dir, 1L << 30, 0), clock)) {
            for (int i = 0; i < 500; i++) {
                cache.put(Cache.MAP, "old" + i, new byte[100]);
            }
            clock.advance(Duration.ofDays(8));
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    other.put(Cache.MAP, "new" + i, new byte[10]);
                }
            });
            long pruned = cache.prune(Optional.empty());
            writer.join(Duration.ofSeconds(60));
            assertThat(writer.isAlive()).isFalse();

            assertThat(pruned).isEqualTo(500);
            for (int i = 0; i < 200; i++) {
                assertThat(cache.get(Cache.MAP, "new" + i)).isPresent();
            }
            assertThat(cache.stats().namespaces().get(Cache.MAP).entries()).isEqualTo(200);
            assertThat(cache.stats().namespaces().get(Cache.MAP).bytes()).isEqualTo(2_000);
            assertThat(cache.storageErrors() + other.storageErrors()).isZero();
        }
    }

    @Test
    void staleFetchEntriesAreKeptForRevalidationUntilTheGeneralTtl() {
        try (Cache cache = Cache.open(TestClock.config(dir), clock)) {
            cache.put(Cache.FETCH, "u", bytes("page"));
            clock.advance(Duration.ofDays(1));
            assertThat(cache.get(Cache.FETCH, "u")).isEmpty();
            assertThat(cache.getKept(Cache.FETCH, "u")).isPresent();
            assertThat(cache.prune(Optional.empty())).isZero();
            clock.advance(Duration.ofDays(6));
            assertThat(cache.prune(Optional.empty())).isEqualTo(1);
            assertThat(cache.getKept(Cache.FETCH, "u")).isEmpty();
        }
    }

    @ParameterizedTest(name = "memory tier of {0} bytes")
    @ValueSource(longs = {0, 64L << 20})
    void theLeastRecentlyUsedEntriesAreEvictedWhenTheStoreIsOverSize(long memorySize) {
        try (Cache cache = Cache.open(TestClock.config(dir, 3_000, memorySize), clock)) {
            for (String k : List.of("a", "b", "c")) {
                cache.put(Cache.EXTRACT, k, new byte[1_000]);
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(cache.get(Cache.EXTRACT, "a")).isPresent(); // a is now more recent than b and c
            clock.advance(Duration.ofSeconds(1));

            cache.put(Cache.SUMMARY, "d", new byte[1_500]);

            assertThat(cache.get(Cache.EXTRACT, "b")).isEmpty();
            assertThat(cache.get(Cache.EXTRACT, "c")).isEmpty();
            assertThat(cache.get(Cache.EXTRACT, "a")).isPresent();
            assertThat(cache.get(Cache.SUMMARY, "d")).isPresent();
            CacheStats stats = cache.stats();
            assertThat(stats.namespaces().get(Cache.EXTRACT).evictions()).isEqualTo(2);
            assertThat(stats.namespaces().get(Cache.EXTRACT).bytes()
                            + stats.namespaces().get(Cache.SUMMARY).bytes())
                    .isEqualTo(2_500);
        }
    }

    @Test
    void aValueLargerThanTheWholeCacheIsNotStoredAndEvictsNothing() {
        try (Cache cache = Cache.open(TestClock.config(dir, 2_000, 0), clock)) {
            cache.put(Cache.EXTRACT, "small", new byte[1_000]);
            cache.put(Cache.EXTRACT, "huge", new byte[2_001]);
            assertThat(cache.get(Cache.EXTRACT, "huge")).isEmpty();
            assertThat(cache.get(Cache.EXTRACT, "small")).isPresent();
        }
    }

    @Test
    void hitsAndMissesAddUpAcrossSeparateRuns() {
        for (int run = 0; run < 3; run++) {
            try (Cache cache = Cache.open(TestClock.config(dir), clock)) {
                cache.get(Cache.SUMMARY, "absent");
                cache.put(Cache.SUMMARY, "present", bytes("v"));
                cache.get(Cache.SUMMARY, "present");
                cache.get(Cache.SUMMARY, "present");
            }
        }
        try (Cache cache = Cache.open(TestClock.config(dir), clock)) {
            NamespaceStats summary = cache.stats().namespaces().get(Cache.SUMMARY);
            assertThat(summary.hits()).isEqualTo(6);
            assertThat(summary.misses()).isEqualTo(3);
            assertThat(summary.hitRate()).isEqualTo(6.0 / 9);
            assertThat(summary.entries()).isEqualTo(1);
            assertThat(cache.stats().enabled()).isTrue();
        }
    }

    @Test
    void clearEmptiesOneNamespaceOrAll() {
        try (Cache cache = Cache.open(TestClock.config(dir), clock)) {
            cache.put(Cache.SUMMARY, "a", bytes("1"));
            cache.put(Cache.SUMMARY, "b", bytes("2"));
            cache.put(Cache.MAP, "c", bytes("3"));

            assertThat(cache.clear(Optional.of(Cache.SUMMARY))).isEqualTo(2);
            assertThat(cache.get(Cache.SUMMARY, "a")).isEmpty();
            assertThat(cache.get(Cache.MAP, "c")).isPresent();

            assertThat(cache.clear(Optional.empty())).isEqualTo(1);
            assertThat(cache.get(Cache.MAP, "c")).isEmpty();
            assertThat(cache.stats().namespaces().values())
                    .allSatisfy(ns -> assertThat(ns.bytes()).isZero());
        }
    }

    @Test
    void anUnknownNamespaceIsRejectedWithTheAllowedOnes() {
        try (Cache cache = Cache.open(TestClock.config(dir), clock)) {
            assertThatThrownBy(() -> cache.get("pages", "k"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("summary");
        }
    }

    @Test
    void aSwitchedOffCacheMissesEverythingAndSaysSo() throws Exception {
        var off = new dev.mcpweb.config.CacheConfig(
                false, dir, Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(1), 1L << 20, 0);
        try (Cache cache = Cache.open(off, clock)) {
            cache.put(Cache.SUMMARY, "k", bytes("v"));
            assertThat(cache.get(Cache.SUMMARY, "k")).isEmpty();
            assertThat(cache.getOrCompute(Cache.SUMMARY, "k", () -> bytes("computed")))
                    .isEqualTo(bytes("computed"));
            assertThat(cache.stats().enabled()).isFalse();
            assertThat(cache.file()).isEmpty();
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void contentKeysDependOnEveryPartAndItsBoundaries() {
        String key = Cache.key(List.of("chunk one", "chunk two"), "query", "openai", "gpt", 3, 200);
        assertThat(key)
                .hasSize(64)
                .isEqualTo(Cache.key(List.of("chunk one", "chunk two"), "query", "openai", "gpt", 3, 200));
        assertThat(Cache.key(List.of("chunk one", "chunk two!"), "query", "openai", "gpt", 3, 200))
                .isNotEqualTo(key);
        assertThat(Cache.key("ab", "c")).isNotEqualTo(Cache.key("a", "bc"));
        assertThat(Cache.key(List.of("a", "b"), "c")).isNotEqualTo(Cache.key(List.of("a"), "b", "c"));
        assertThat(Cache.key("1")).isNotEqualTo(Cache.key(1));
        assertThat(Cache.key(200)).isEqualTo(Cache.key(200L)).isNotEqualTo(Cache.key(200.0));
        assertThat(Cache.key(Optional.empty())).isNotEqualTo(Cache.key(""));
        assertThatThrownBy(() -> Cache.key(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
