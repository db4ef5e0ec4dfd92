package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import dev.mcpweb.chunk.Chunker;
import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import dev.mcpweb.summarize.extractive.ExtractiveSummarizer;
import dev.mcpweb.text.Emphasis;
import dev.mcpweb.text.Whitespace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * Every text transformation of fetched content takes time linear in its input, on inputs made to
 * trip backtracking: a short random unit of Markdown-significant characters repeated. Doubling the
 * input may at most about double the time (2.5x allowed for noise): the least of several interleaved
 * runs of this thread's CPU time after both sizes were warmed up, inputs large enough to take tens of
 * milliseconds, shorter times counted as 10 ms, judged against plain linear work on the same inputs
 * measured in the same run.
 */
@Tag("slow") // jqwik's own tag: the JUnit one does not reach the jqwik engine, and -Dquick must skip this
class LinearTimeProperties {
    private static final int RUNS = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final double MAX_RATIO = 2.5;
    private static final Extractor EXTRACTOR = new Extractor(Config.defaults().extractor());
    private static final ToIntFunction<String> TOKENS =
            Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE)::countTokens;

    @Provide
    Arbitrary<String> unit() {
        return Arbitraries.strings()
                .withChars("*_~`[]()!<>#|:- \t\n\u2028aZ1\\.")
                .ofMinLength(1)
                .ofMaxLength(6);
    }

    @Property(tries = 8)
    void extractingTextIsLinear(@ForAll("unit") String unit) {
        assertLinear(unit, 800_000, s -> extract("text/plain", s));
    }

    @Property(tries = 8)
    void extractingMarkdownIsLinear(@ForAll("unit") String unit) {
        assertLinear(unit, 800_000, s -> extract("text/markdown", s));
    }

    @Example
    void extractingMarkdownTableRowsIsLinear() { // "|_\n" took 2.61x once, by medians of CPU times
        assertLinear("|_\n", 800_000, s -> extract("text/markdown", s));
    }

    @Property(tries = 6)
    void extractingHtmlIsLinear(@ForAll("unit") String unit) {
        assertLinear(
                unit,
                400_000,
                s -> extract(
                        "text/html",
                        "<html><body><article><p>" + s + "</p><table><tr><td><pre>" + s
                                + "</pre></td></tr></table></article></body></html>"));
    }

    @Property(tries = 4)
    void summarizingIsLinear(@ForAll("unit") String unit) {
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
        assertLinear(
                unit,
                100_000,
                s -> summarizer.summarize(
                        new SummaryRequest(List.of(extract("text/markdown", s)), Optional.of("what is it"), 150),
                        SummaryListener.NONE));
    }

    @Property(tries = 4)
    void chunkingIsLinear(@ForAll("unit") String unit) {
        for (String strategy : List.of("hierarchical", "fixed")) {
            Chunker chunker = new Chunker(
                    Config.defaults()
                            .with(java.util.Map.of("chunker.strategy", strategy))
                            .chunker(),
                    TOKENS);
            assertLinear(unit, 200_000, s -> chunker.chunk(List.of(extract("text/markdown", s)), 512));
        }
    }

    @Property(tries = 8)
    void whiteSpaceAndEmphasisScansAreLinear(@ForAll("unit") String unit) {
        assertLinear(unit, 2_000_000, s -> {
            Whitespace.joinLines(s);
            Whitespace.paragraphBreaks(s);
            Whitespace.trimLineEnds(s);
            Emphasis.strong().strip(s);
        });
    }

    private static Document extract(String type, String body) {
        try {
            return EXTRACTOR.extract(FetchResult.ofBytes(
                    URI.create("https://example.com/page"), type, body.getBytes(StandardCharsets.UTF_8)));
        } catch (ExtractionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertLinear(String unit, int size, Consumer<String> transformation) {
        String small = unit.repeat(size / unit.length());
        String large = unit.repeat(2 * (size / unit.length()));
        transformation.accept(small); // the JIT, and a heap grown to hold the large input
        transformation.accept(large);
        double ratio = ratio(small, large, transformation);
        // The same machine's scaling of plain linear work over the same inputs (memory and caches grow
        // with the input too): a ratio above 2 there excuses the same excess here, a quadratic 4 never.
        double baseline = ratio(small, large, LinearTimeProperties::linearWork);
        assertThat(ratio * 2 / Math.max(2, baseline))
                .as(
                        "time(2n) / time(n) for %s repeated (raw %.2f, linear baseline %.2f)",
                        escape(unit), ratio, baseline)
                .isLessThanOrEqualTo(MAX_RATIO);
    }

    /**
     * Least CPU time of the large input over that of the small, runs interleaved so that a change in
     * the machine's load falls on both. CPU time of this thread, not wall time: on a loaded machine
     * waiting for a core is most of the wall time. The least, not the median: the work is the same in
     * every run, and what differs (another process evicting the caches, the collector's safepoints, page
     * faults) only ever adds; at idle the Markdown of "|_\n" repeated took 2.61x by medians and 2.0-2.3x
     * by least times, which stay within 2.3x at 3.2 million characters. Times under 10 ms are noise: they
     * count as 10 ms.
     */
    private static double ratio(String small, String large, Consumer<String> transformation) {
        long[] smallTimes = new long[RUNS];
        long[] largeTimes = new long[RUNS];
        for (int r = 0; r < RUNS; r++) {
            smallTimes[r] = cpuTime(small, transformation);
            largeTimes[r] = cpuTime(large, transformation);
        }
        return Math.max(1e7, least(largeTimes)) / Math.max(1e7, least(smallTimes));
    }

    private static long cpuTime(String input, Consumer<String> transformation) {
        long start = THREADS.getCurrentThreadCpuTime();
        transformation.accept(input);
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    private static double least(long[] times) {
        return Arrays.stream(times).min().orElseThrow();
    }

    /** Linear work of about the same kind as the transformations: a pass over the text building a copy. */
    private static void linearWork(String s) {
        for (int pass = 0; pass < 8; pass++) { // enough passes to take tens of milliseconds
            StringBuilder copy = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                copy.append(Character.isWhitespace(c) ? ' ' : Character.toLowerCase(c));
            }
            if (copy.toString().split(" ").length < 0) {
                throw new AssertionError(); // keeps the work from being optimised away
            }
        }
    }

    private static String escape(String s) {
        return s.replace("\n", "\\n").replace("\t", "\\t").replace("\u2028", "\\u2028");
    }
}
