package dev.mcpweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.cache.Cache;
import dev.mcpweb.cache.CacheStats;
import dev.mcpweb.config.CacheConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-web bench cache}: fills a throw-away cache with N entries and times {@code stats} and
 * {@code prune} over them: prune with nothing to remove (the common case), then prune removing all.
 */
@Command(name = "cache", description = "Time cache stats and prune over many entries (in a temporary directory).")
final class CacheBenchCommand implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
        if (entries < 1 || valueSize < 0 || runs < 1) {
            throw new ParameterException(spec.commandLine(), "--entries and --runs must be at least 1");
        }
        Path dir = Files.createTempDirectory("mcp-web-bench-cache");
        try {
            CacheConfig keep = new CacheConfig(
                    true, dir, Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(1), Long.MAX_VALUE, 0);
            long fillNanos;
            double[] stats = new double[runs];
            double[] pruneNothing = new double[runs];
            try (Cache cache = Cache.open(keep)) {
                if (cache.file().isEmpty()) {
                    spec.commandLine().getErr().println("mcp-web: could not open a cache in " + dir);
                    return ExitCode.FAILED;
                }
                SplittableRandom random = new SplittableRandom(1);
                List<String> namespaces = List.of(Cache.EXTRACT, Cache.MAP, Cache.SUMMARY);
                byte[] value = new byte[valueSize];
                long start = System.nanoTime();
                for (int i = 0; i < entries; i++) {
                    random.nextBytes(value);
                    cache.put(namespaces.get(i % namespaces.size()), Cache.key(i), value);
                }
                fillNanos = System.nanoTime() - start;
                for (int r = 0; r < runs; r++) {
                    long t = System.nanoTime();
                    CacheStats s = cache.stats();
                    stats[r] = millis(System.nanoTime() - t);
                    long total = s.namespaces().values().stream()
                            .mapToLong(n -> n.entries())
                            .sum();
                    if (total != entries) {
                        throw new IllegalStateException("stats counted " + total + " entries, not " + entries);
                    }
                    t = System.nanoTime();
                    cache.prune(Optional.empty());
                    pruneNothing[r] = millis(System.nanoTime() - t);
                }
            }
            double pruneAll;
            double pruneAllCpu;
            long removed;
            CacheConfig expireAll =
                    new CacheConfig(true, dir, Duration.ZERO, Duration.ZERO, Duration.ZERO, Long.MAX_VALUE, 0);
            try (Cache cache = Cache.open(expireAll)) {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long cpu = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                removed = cache.prune(Optional.empty());
                pruneAll = millis(System.nanoTime() - t);
                pruneAllCpu = millis(threads.getCurrentThreadCpuTime() - cpu);
            }
            report(millis(fillNanos), stats, pruneNothing, pruneAll, pruneAllCpu, removed);
            return ExitCode.OK;
        } finally {
            deleteTree(dir);
        }
    }

    private void report(
            double fillMillis, double[] stats, double[] pruneNothing, double pruneAll, double pruneAllCpu, long removed)
            throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("entries", entries).put("value_size", valueSize).put("runs", runs);
            root.put("fill_ms", fillMillis).put("puts_per_second", entries / (fillMillis / 1000));
            root.putObject("stats_ms").put("median", median(stats)).put("max", max(stats));
            root.putObject("prune_nothing_expired_ms")
                    .put("median", median(pruneNothing))
                    .put("max", max(pruneNothing));
            root.putObject("prune_all_expired")
                    .put("ms", pruneAll)
                    .put("cpu_ms", pruneAllCpu)
                    .put("removed", removed);
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.printf(
                    Locale.ROOT, "cache with %,d entries of %,d bytes (SQLite, memory tier off)%n", entries, valueSize);
            out.printf(
                    Locale.ROOT,
                    "  fill (one put per transaction)   %9.0f ms  (%,.0f puts/s)%n",
                    fillMillis,
                    entries / (fillMillis / 1000));
            out.printf(
                    Locale.ROOT,
                    "  stats                 median %9.2f ms  max %8.2f ms  (%d runs)%n",
                    median(stats),
                    max(stats),
                    runs);
            out.printf(
                    Locale.ROOT,
                    "  prune, none expired   median %9.2f ms  max %8.2f ms  (%d runs)%n",
                    median(pruneNothing),
                    max(pruneNothing),
                    runs);
            out.printf(
                    Locale.ROOT,
                    "  prune, all expired           %9.2f ms  (CPU %.0f ms; removed %,d)%n",
                    pruneAll,
                    pruneAllCpu,
                    removed);
        }
        out.flush();
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
