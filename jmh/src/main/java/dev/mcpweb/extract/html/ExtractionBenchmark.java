package dev.mcpweb.extract.html;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Pages per second of parse + extract + render (Markdown and text) on one thread, over the WCXB
 * development pages (the first {@code pages} of them, held decompressed in memory). Run with
 * {@code bin/jmh ExtractionBenchmark -f 1 -wi 3 -i 5}; the score is in operations (pages) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractionBenchmark {
    @Param({"300"})
    int pages;

    private final List<byte[]> html = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final MainContentExtractor extractor = new MainContentExtractor();
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path dir = Stream.of(Path.of("../shared/data/wcxb/dev/html"), Path.of("/work/shared/data/wcxb/dev/html"))
                .filter(Files::isDirectory)
                .findFirst()
                .orElseThrow(() -> new IOException("the WCXB dev corpus is needed: ../shared/data/wcxb/dev"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().limit(pages).toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                    html.add(in.readAllBytes());
                    urls.add("https://example.org/" + p.getFileName());
                }
            }
        }
    }

    @Benchmark
    public void parseExtractRender(Blackhole bh) throws IOException {
        int i = next++ % html.size();
        try (InputStream in = new ByteArrayInputStream(html.get(i))) {
            MainContent c = extractor.extract(Jsoup.parse(in, null, urls.get(i)), false);
            bh.consume(c.markdown());
            bh.consume(c.text());
        }
    }
}
