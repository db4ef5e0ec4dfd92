package dev.mcpweb.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRecoveryTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(SqliteStore.FILE_NAME);
    }

    private void fill() {
        try (TieredCache cache = TieredCache.open(TestClock.config(dir))) {
            for (int i = 0; i < 200; i++) {
                cache.put(Namespace.EXTRACT, "k" + i, ("value " + i).repeat(50).getBytes(UTF_8));
            }
        }
    }

    private List<String> movedAside() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(SqliteStore.FILE_NAME + ".corrupt-"))
                    .toList();
        }
    }

    private static void overwrite(Path file, long from) throws IOException {
        byte[] garbage = new byte[(int) (Files.size(file) - from)];
        new Random(7).nextBytes(garbage);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(from);
            f.write(garbage);
        }
    }

    private static void assertWorks(TieredCache cache) {
        assertThat(cache.stats().enabled()).isTrue();
        cache.put(Namespace.SUMMARY, "new", "fresh start".getBytes(UTF_8));
        assertThat(cache.get(Namespace.SUMMARY, "new"))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo("fresh start".getBytes(UTF_8)));
    }

    @Test
    void aFileOfGarbageIsMovedAsideAndAFreshCacheCreated() throws Exception {
        fill();
        overwrite(file(), 0);

        try (TieredCache cache = TieredCache.open(TestClock.config(dir))) {
            assertThat(cache.get(Namespace.EXTRACT, "k1")).isEmpty();
            assertWorks(cache);
        }
        assertThat(movedAside()).hasSize(1);
    }

    @Test
    void pagesCorruptedBehindAValidHeaderAreDetectedWhenReadAndTheStoreReplaced() throws Exception {
        fill();
        overwrite(file(), 4096); // keep the header and schema page, trash every table and index page

        try (TieredCache cache = TieredCache.open(TestClock.config(dir))) {
            for (int i = 0; i < 200; i++) {
                int k = i;
                // Whatever SQLite still returns must not be garbage passed off as a value.
                cache.get(Namespace.EXTRACT, "k" + i)
                        .ifPresent(v -> assertThat(new String(v, UTF_8)).isEqualTo(("value " + k).repeat(50)));
            }
            assertWorks(cache);
        }
        assertThat(movedAside()).isNotEmpty();
    }

    @Test
    void corruptionFoundWhileRunningReplacesTheStoreAndTheCacheCarriesOn() throws Exception {
        fill();
        overwrite(file(), Files.size(file()) / 2); // the schema and counters pages survive, entry pages do not

        try (TieredCache cache = TieredCache.open(TestClock.config(dir, 1L << 30, 0))) {
            assertThat(movedAside()).isEmpty();
            for (int i = 0; i < 200; i++) {
                int k = i;
                cache.get(Namespace.EXTRACT, "k" + i)
                        .ifPresent(v -> assertThat(new String(v, UTF_8)).isEqualTo(("value " + k).repeat(50)));
            }
            assertThat(cache.storageErrors()).isPositive();
            assertThat(movedAside()).hasSize(1);
            assertWorks(cache);
        }
    }

    @Test
    void aCacheDirectoryThatCannotBeCreatedGivesADisabledCacheThatStillComputes() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        try (TieredCache cache = TieredCache.open(TestClock.config(notADirectory.resolve("cache")))) {
            assertThat(cache.stats().enabled()).isFalse();
            cache.put(Namespace.SUMMARY, "k", new byte[] {1});
            assertThat(cache.get(Namespace.SUMMARY, "k")).isEmpty();
            assertThat(cache.getOrCompute(Namespace.SUMMARY, "k", TieredCache.Codec.BYTES, () -> new byte[] {2})
                            .value())
                    .containsExactly(2);
            assertThat(cache.prune(java.util.Optional.empty())).isZero();
        }
    }

    @Test
    void aStoreFromANewerVersionIsMovedAsideRatherThanMisread() throws Exception {
        fill();
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file());
                var s = db.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        try (TieredCache cache = TieredCache.open(TestClock.config(dir))) {
            assertWorks(cache);
        }
        assertThat(movedAside()).hasSize(1);
    }
}
