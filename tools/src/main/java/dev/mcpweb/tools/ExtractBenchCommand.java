package dev.mcpweb.tools;

import dev.mcpweb.cli.ExitCode;
import dev.mcpweb.config.Config;
import dev.mcpweb.extract.ExtractionException;
import dev.mcpweb.extract.Extractor;
import dev.mcpweb.fetch.FetchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-web bench extract}: the extract stage (decoding, parsing, metadata, page links, main
 * content) over a directory of saved pages, round after round in one JVM, timed in the CPU time of the
 * one thread doing it, which is the fair figure on a machine shared with other work. The first rounds
 * warm the JIT up and are not counted.
 */
@Command(
        name = "extract",
        description = "Time the extract stage over saved pages (.html or .html.gz): pages per CPU second.")
final class ExtractBenchCommand implements Callable<Integer> {
    private static final URI PAGE_URI = URI.create("https://example.com/page");

    @Spec
    CommandSpec spec;

    @Option(names = "--pages-dir", description = "Directory of pages (default: the WCXB corpus's, ${DEFAULT-VALUE}).")
    Path dir = BenchCorpus.DEFAULT_DIR.resolve("html");

    @Option(
            names = "--pages",
            defaultValue = "0",
            description = "Pages to take, spread evenly over the directory; 0 for all (${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--warmup", defaultValue = "2", description = "Rounds not counted (${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "5", description = "Counted rounds (${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws IOException {
        if (rounds < 1 || warmup < 0 || limit < 0) {
            throw new ParameterException(
                    spec.commandLine(), "--rounds must be at least 1, --warmup and --pages not negative");
        }
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "--pages-dir " + dir + " is not a directory");
        }
        List<byte[]> pages = load();
        if (pages.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no .html or .html.gz pages in " + dir);
        }
        Extractor extractor = new Extractor(Config.defaults().extractor());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] cpuRates = new double[rounds];
        double[] wallRates = new double[rounds];
        int failed = 0;
        for (int r = -warmup; r < rounds; r++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            failed = 0;
            for (byte[] page : pages) {
                try {
                    extractor.extract(FetchResult.ofBytes(PAGE_URI, "text/html", page));
                } catch (ExtractionException e) {
                    failed++; // a page with no text (a script shell) is timed all the same
                }
            }
            if (r >= 0) {
                cpuRates[r] = pages.size() / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
                wallRates[r] = pages.size() / ((System.nanoTime() - start) / 1e9);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "extract stage over %,d pages of %s (%d without text), %d rounds after %d warm-up%n",
                pages.size(),
                dir,
                failed,
                rounds,
                warmup);
        out.printf(
                Locale.ROOT,
                "  pages per CPU second  median %7.1f  min %7.1f  max %7.1f%n",
                Stats.median(cpuRates),
                Arrays.stream(cpuRates).min().orElse(0),
                Arrays.stream(cpuRates).max().orElse(0));
        out.printf(Locale.ROOT, "  pages per second      median %7.1f  (wall clock)%n", Stats.median(wallRates));
        out.flush();
        return ExitCode.OK;
    }

    private List<byte[]> load() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".html") || name.endsWith(".html.gz");
                    })
                    .sorted()
                    .toList();
        }
        int step = limit == 0 ? 1 : Math.max(1, files.size() / limit);
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < files.size() && (limit == 0 || pages.size() < limit); i += step) {
            Path file = files.get(i);
            try (InputStream in = file.toString().endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(file))
                    : Files.newInputStream(file)) {
                pages.add(in.readAllBytes());
            }
        }
        return pages;
    }
}
