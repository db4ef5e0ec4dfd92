package dev.mcpweb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheConcurrencyTest {
    private static final int THREADS = 8;
    private static final int OPERATIONS = 200;
    private static final int KEYS = 60;

    @TempDir
    Path dir;

    @Test
    void manyThreadsPuttingReadingEvictingAndPruningKeepValuesWholeAndTotalsExact() throws Exception {
        long maxSize = 400_000; // about a third of what the threads write, so eviction runs all the time
        try (TieredCache cache = TieredCache.open(TestClock.config(dir, maxSize, 100_000));
                ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<Long>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int writer = t;
                workers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    long bad = 0;
                    for (int i = 0; i < OPERATIONS; i++) {
                        int key = random.nextInt(KEYS);
                        int round = i;
                        switch (random.nextInt(10)) {
                            case 0, 1, 2 -> cache.put(Namespace.MAP, "k" + key, CacheChild.sharedValue(key, writer, i));
                            case 3, 4, 5 ->
                                bad += cache.get(Namespace.MAP, "k" + key)
                                                .filter(v -> !CacheChild.isIntact(v, key))
                                                .isPresent()
                                        ? 1
                                        : 0;
                            case 6, 7, 8 ->
                                bad += CacheChild.isIntact(
                                                cache.getOrCompute(
                                                                Namespace.MAP,
                                                                "k" + key,
                                                                TieredCache.Codec.BYTES,
                                                                () -> CacheChild.sharedValue(key, writer, round))
                                                        .value(),
                                                key)
                                        ? 0
                                        : 1;
                            default -> {
                                if (random.nextInt(10) == 0) {
                                    cache.prune(Optional.empty());
                                } else {
                                    cache.stats();
                                }
                            }
                        }
                    }
                    return bad;
                }));
            }
            for (Future<Long> w : workers) {
                assertThat(w.get(60, TimeUnit.SECONDS))
                        .as("values that failed their checksum")
                        .isZero();
            }
            assertThat(cache.storageErrors()).isZero();
            cache.flush();
            NamespaceStats stats = cache.stats().namespaces().get(Namespace.MAP.wireName());
            assertThat(stats.evictions()).isPositive();
            assertThat(stats.bytes()).isLessThanOrEqualTo(maxSize);

            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
                    Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*), total(size), total(length(value)) FROM entries")) {
                rs.next();
                assertThat(stats.entries()).isEqualTo(rs.getLong(1));
                assertThat(stats.bytes()).isEqualTo(rs.getLong(2)).isEqualTo(rs.getLong(3));
            }
        }
    }
}
