package dev.mcpweb.cache;

import dev.mcpweb.config.CacheConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Latency of a cached summary hit, as the pipeline sees it: a content key built from the chunk texts and
 * the request, then {@link Cache#get}. {@code memoryTier=false} turns the memory tier off, so every hit
 * reads the SQLite file (the cold-memory case). SampleTime gives percentiles:
 * {@code bin/jmh CacheBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CacheBenchmark {
    private static final int SUMMARIES = 20_000;
    private static final int SUMMARY_BYTES = 2_048;

    @Param({"false", "true"})
    public boolean memoryTier;

    private Path dir;
    private TieredCache cache;
    private List<List<String>> chunks;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        dir = Files.createTempDirectory("mcp-web-cache-bench");
        cache = TieredCache.open(new CacheConfig(
                true,
                dir,
                Duration.ofDays(7),
                Duration.ofHours(1),
                Duration.ofDays(1),
                1L << 30,
                memoryTier ? 64L << 20 : 0));
        SplittableRandom random = new SplittableRandom(42);
        byte[] summary = new byte[SUMMARY_BYTES];
        chunks = Stream.generate(() -> List.of("chunk " + random.nextLong(), "chunk " + random.nextLong()))
                .limit(SUMMARIES)
                .toList();
        for (List<String> texts : chunks) {
            random.nextBytes(summary);
            cache.put(Namespace.SUMMARY, key(texts), summary);
        }
    }

    private static String key(List<String> texts) {
        return CacheKey.of(texts, "what changed?", "openai", "gpt-4o-mini", 3, 200);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        cache.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public byte[] summaryHit() {
        List<String> texts = chunks.get(ThreadLocalRandom.current().nextInt(SUMMARIES));
        return cache.get(Namespace.SUMMARY, key(texts)).orElseThrow();
    }
}
