package dev.mcpweb.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.cache.CacheKey;
import dev.mcpweb.cache.Namespace;
import dev.mcpweb.cache.TieredCache;
import dev.mcpweb.cli.ExitCode;
import dev.mcpweb.config.CacheConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-web bench cache}: fills a throw-away cache with N entries (a tenth of them written a second
 * earlier than the rest) and times {@code stats} and {@code prune} over them: prune with nothing
 * expired (the usual case), prune with the older tenth expired, then prune with everything left expired.
 */
@Command(name = "cache", description = "Time cache stats and prune over many entries (in a temporary directory).")
final class CacheBenchCommand implements Callable<Integer> {
    private static final Duration GAP = Duration.ofMillis(1_200);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--entries",
            defaultValue = "100000",
            description = "Entries to fill the cache with (${DEFAULT-VALUE}).")
    int entries;

    @Option(names = "--value-size", defaultValue = "1024", description = "Bytes per entry (${DEFAULT-VALUE}).")
    int valueSize;

    @Option(
            names = "--runs",
            defaultValue = "7",
            description = "Timed runs of stats and of the no-op prune (${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    /** One timed operation: wall and CPU milliseconds, and what it returned. */
    private record Timed(double millis, double cpuMillis, long result) {}

    private static Timed time(LongSupplier operation) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long result = operation.getAsLong();
        return new Timed((System.nanoTime() - start) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6, result);
    }

    @Override
    public Integer call() throws Exception {
        if (entries < 10 || valueSize < 0 || runs < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--entries must be at least 10, --runs at least 1, --value-size not negative");
        }
        Path dir = Files.createTempDirectory("mcp-web-bench-cache");
        try {
            return run(dir);
        } finally {
            deleteTree(dir);
        }
    }

    private int run(Path dir) throws Exception {
        Timed fill;
        Instant older = Instant.now();
        double[] stats = new double[runs];
        double[] pruneNothing = new double[runs];
        try (TieredCache cache = TieredCache.open(config(dir, Duration.ofDays(7)))) {
            if (cache.file().isEmpty()) {
                spec.commandLine().getErr().println("mcp-web: could not open a cache in " + dir);
                return ExitCode.FAILED;
            }
            List<Namespace> namespaces = List.of(Namespace.EXTRACT, Namespace.MAP, Namespace.SUMMARY);
            SplittableRandom random = new SplittableRandom(1);
            byte[] value = new byte[valueSize];
            long start = System.nanoTime();
            for (int i = 0; i < entries; i++) {
                if (i == entries / 10) {
                    Thread.sleep(GAP); // a gap in write times, so a lifetime can expire exactly the older tenth
                    older = Instant.now().minus(GAP.dividedBy(2));
                }
                random.nextBytes(value);
                cache.put(namespaces.get(i % namespaces.size()), CacheKey.of(i), value);
            }
            cache.flush(); // puts return before their writes: the fill ends when all are in the store
            fill = new Timed((System.nanoTime() - start) / 1e6 - GAP.toMillis(), 0, entries);
            for (int r = 0; r < runs; r++) {
                Timed t = time(() -> cache.stats().namespaces().values().stream()
                        .mapToLong(n -> n.entries())
                        .sum());
                if (t.result() != entries) {
                    throw new IllegalStateException("stats counted " + t.result() + " entries, not " + entries);
                }
                stats[r] = t.millis();
                pruneNothing[r] = time(() -> cache.prune(Optional.empty())).millis();
            }
        }
        Timed pruneTenth;
        // Entries written more than (now - older) ago are those before the gap; the margin is GAP / 2.
        try (TieredCache cache = TieredCache.open(config(dir, Duration.between(older, Instant.now())))) {
            pruneTenth = time(() -> cache.prune(Optional.empty()));
        }
        Timed pruneRest;
        try (TieredCache cache = TieredCache.open(config(dir, Duration.ZERO))) {
            pruneRest = time(() -> cache.prune(Optional.empty()));
        }
        report(fill, stats, pruneNothing, pruneTenth, pruneRest);
        return ExitCode.OK;
    }

    private static CacheConfig config(Path dir, Duration ttl) {
        return new CacheConfig(true, dir, ttl, ttl, ttl, Long.MAX_VALUE, 0);
    }

    private void report(Timed fill, double[] stats, double[] pruneNothing, Timed pruneTenth, Timed pruneRest)
            throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        double putsPerSecond = entries / (fill.millis() / 1000);
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("entries", entries).put("value_size", valueSize).put("runs", runs);
            root.put("fill_ms", fill.millis()).put("puts_per_second", putsPerSecond);
            root.putObject("stats_ms").put("median", Stats.median(stats)).put("max", max(stats));
            root.putObject("prune_nothing_expired_ms")
                    .put("median", Stats.median(pruneNothing))
                    .put("max", max(pruneNothing));
            for (var e : List.of(
                    java.util.Map.entry("prune_tenth_expired", pruneTenth),
                    java.util.Map.entry("prune_rest_expired", pruneRest))) {
                root.putObject(e.getKey())
                        .put("ms", e.getValue().millis())
                        .put("cpu_ms", e.getValue().cpuMillis())
                        .put("removed", e.getValue().result());
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.printf(
                    Locale.ROOT, "cache with %,d entries of %,d bytes (SQLite, memory tier off)%n", entries, valueSize);
            out.printf(
                    Locale.ROOT,
                    "  fill, one put per transaction  %9.0f ms  (%,.0f puts/s)%n",
                    fill.millis(),
                    putsPerSecond);
            out.printf(
                    Locale.ROOT,
                    "  stats                 median %9.2f ms  max %8.2f ms  (%d runs)%n",
                    Stats.median(stats),
                    max(stats),
                    runs);
            out.printf(
                    Locale.ROOT,
                    "  prune, none expired   median %9.2f ms  max %8.2f ms  (%d runs)%n",
                    Stats.median(pruneNothing),
                    max(pruneNothing),
                    runs);
            for (var e : List.of(
                    java.util.Map.entry("prune, a tenth expired", pruneTenth),
                    java.util.Map.entry("prune, the rest expired", pruneRest))) {
                out.printf(
                        Locale.ROOT,
                        "  %-28s %9.2f ms  (CPU %.0f ms; removed %,d)%n",
                        e.getKey(),
                        e.getValue().millis(),
                        e.getValue().cpuMillis(),
                        e.getValue().result());
            }
        }
        out.flush();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
