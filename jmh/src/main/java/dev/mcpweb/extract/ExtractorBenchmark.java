package dev.mcpweb.extract;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.fetch.FetchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time per page of the extract stage's own parts and of the whole stage, over 200 pages spread evenly
 * over the WCXB dev set ({@code ../shared/data/wcxb/dev/html}, or {@code -Dwcxb=DIR}; the set is
 * ordered by page type, so its first pages would be nearly all articles). Run with
 * {@code bin/jmh ExtractorBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExtractorBenchmark {
    private static final int PAGES = 200;

    private final List<byte[]> pages = new ArrayList<>();
    private final List<org.jsoup.nodes.Document> parsed = new ArrayList<>();
    private final Extractor extractor = new Extractor(Config.defaults().extractor());
    private final MetadataExtractor metadata = new MetadataExtractor();
    private int next;

    @Setup
    public void load() throws IOException {
        Path dir = Path.of(System.getProperty("wcxb", "../shared/data/wcxb/dev/html"));
        if (!Files.isDirectory(dir)) {
            dir = Path.of("/work/shared/data/wcxb/dev/html");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.sorted().toList();
            int step = Math.max(1, all.size() / PAGES);
            for (int i = 0; i < all.size() && pages.size() < PAGES; i += step) {
                Path file = all.get(i);
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    byte[] page = in.readAllBytes();
                    pages.add(page);
                    parsed.add(Parser.htmlParser()
                            .parseInput(
                                    TextDecoder.decode(page, Optional.empty(), true)
                                            .text(),
                                    "https://example.com/"));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private int nextIndex() {
        next = (next + 1) % pages.size();
        return next;
    }

    /** Charset choice (BOM, meta prescan, detection) for one undeclared page. */
    @Benchmark
    public Charset chooseCharset() {
        return TextDecoder.choose(pages.get(nextIndex()), Optional.empty(), true);
    }

    /** Metadata of one already parsed page. */
    @Benchmark
    public Metadata metadata() {
        return metadata.extract(parsed.get(nextIndex()));
    }

    /** Every link of one already parsed page, each element given to the collector as the metadata's walk does. */
    @Benchmark
    public List<Document.Link> pageLinks() {
        PageLinks.Collector links = new PageLinks.Collector();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof Element e) {
                        links.accept(e);
                    }
                },
                parsed.get(nextIndex()));
        return links.links();
    }

    /** The whole stage for one page: decode, parse, metadata, main content, links, Markdown and text. */
    @Benchmark
    public void extract(Blackhole hole) throws ExtractionException {
        hole.consume(extractor.extract(
                FetchResult.ofBytes(URI.create("https://example.com/page"), "text/html", pages.get(nextIndex()))));
    }
}
