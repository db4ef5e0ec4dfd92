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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Tag;

/**
 * Every text transformation of fetched content takes time linear in its input, on inputs made to
 * trip backtracking: a short random unit of Markdown-significant characters repeated. Doubling the
 * input may at most about double the time (2.5x allowed for noise; medians of several runs, inputs
 * large enough to take tens of milliseconds, shorter times counted as 10 ms).
 */
@Tag("slow")
class LinearTimeProperties {
    private static final int RUNS = 5;
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

    @Property(tries = 12)
    void extractingTextIsLinear(@ForAll("unit") String unit) {
        assertLinear(unit, 400_000, s -> extract("text/plain", s));
    }

    @Property(tries = 12)
    void extractingMarkdownIsLinear(@ForAll("unit") String unit) {
        assertLinear(unit, 400_000, s -> extract("text/markdown", s));
    }

    @Property(tries = 8)
    void extractingHtmlIsLinear(@ForAll("unit") String unit) {
        assertLinear(
                unit,
                200_000,
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
                50_000,
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
            assertLinear(unit, 100_000, s -> chunker.chunk(List.of(extract("text/markdown", s)), 512));
        }
    }

    @Property(tries = 12)
    void whiteSpaceAndEmphasisScansAreLinear(@ForAll("unit") String unit) {
        assertLinear(unit, 1_000_000, s -> {
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
        transformation.accept(small); // warm up
        // times under 10 ms are noise on a busy machine: they count as 10 ms
        double ratio = Math.max(1e7, median(large, transformation)) / Math.max(1e7, median(small, transformation));
        assertThat(ratio).as("time(2n) / time(n) for %s repeated", escape(unit)).isLessThanOrEqualTo(MAX_RATIO);
    }

    private static double median(String input, Consumer<String> transformation) {
        long[] times = new long[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            transformation.accept(input);
            times[r] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private static String escape(String s) {
        return s.replace("\n", "\\n").replace("\t", "\\t").replace("\u2028", "\\u2028");
    }
}
