package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.chunk.Chunker;
import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.llm.TokenBudget;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import dev.mcpweb.summarize.extractive.ExtractiveSummarizer;
import dev.mcpweb.text.Emphasis;
import dev.mcpweb.text.Whitespace;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * trip backtracking: a short random unit of Markdown-significant characters repeated. Eight times the
 * input may take at most 2.5x per doubling (15.6x; a quadratic takes 64x), measured by {@link
 * LinearTime} in CPU time so that it holds on a loaded machine; the check itself is shown to reject a
 * quadratic transformation.
 */
@Tag("slow") // jqwik's own tag: the JUnit one does not reach the jqwik engine, and -Dquick must skip this
class LinearTimeProperties {
    private static final Extractor EXTRACTOR = new Extractor(Config.defaults().extractor());
    /** The product's own counter: what the chunker is given when it serves a summary. */
    private static final ToIntFunction<String> TOKENS = TokenBudget.forModel("openai", "gpt-4", 0)::count;

    @Provide
    Arbitrary<String> unit() {
        return Arbitraries.strings()
                .withChars("*_~`[]()!<>#|:- \t\n\u2028aZ1\\.")
                .ofMinLength(1)
                .ofMaxLength(6);
    }

    @Property(tries = 8)
    void extractingTextIsLinear(@ForAll("unit") String unit) {
        LinearTime.assertLinear(unit, 100_000, s -> extract("text/plain", s));
    }

    @Property(tries = 8)
    void extractingMarkdownIsLinear(@ForAll("unit") String unit) {
        LinearTime.assertLinear(unit, 100_000, s -> extract("text/markdown", s));
    }

    @Example
    void theCheckRejectsAQuadraticTransformation() {
        // The backtracking pattern issue 12 found in TextFormats.normalise, on a line of spaces.
        Consumer<String> quadratic = s -> s.replaceAll("[ \t]+\n", "\n");
        LinearTime.Measurement measurement = LinearTime.measure(" ", 1_500, quadratic);
        assertThat(measurement.linear()).as(measurement.toString()).isFalse();
        assertThat(measurement.growth()).as(measurement.toString()).isGreaterThan(32);
    }

    @Example
    void extractingMarkdownTableRowsIsLinear() { // "|_\n" took 2.61x once per doubling, by medians of CPU times
        LinearTime.assertLinear("|_\n", 100_000, s -> extract("text/markdown", s));
    }

    @Example
    void extractingOneLongTagNameIsLinear() { // "Z|<" took 57x for 8x the input: the parser's tag names
        LinearTime.assertLinear("Z|<", 50_000, s -> extract("text/html", "<html><body><p>" + s + "</p></body></html>"));
    }

    @Property(tries = 6)
    void extractingHtmlIsLinear(@ForAll("unit") String unit) {
        LinearTime.assertLinear(
                unit,
                50_000,
                s -> extract(
                        "text/html",
                        "<html><body><article><p>" + s + "</p><table><tr><td><pre>" + s
                                + "</pre></td></tr></table></article></body></html>"));
    }

    @Property(tries = 4)
    void summarizingIsLinear(@ForAll("unit") String unit) {
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
        LinearTime.assertLinear(
                unit,
                25_000,
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
            LinearTime.assertLinear(unit, 25_000, s -> chunker.chunk(List.of(extract("text/markdown", s)), 512));
        }
    }

    @Example
    void chunkingARunOfOneSymbolIsLinear() { // '*' and '.' took 17.6-19.2x: counted whole, then again in parts
        for (String unit : List.of("*", ".")) {
            chunkingIsLinear(unit);
        }
    }

    @Example
    void chunkingLinksThatNeverCloseIsLinear() { // "(.>" took 64.5x: 1.2 s -> 77 s
        chunkingIsLinear("(.>");
    }

    @Property(tries = 8)
    void whiteSpaceAndEmphasisScansAreLinear(@ForAll("unit") String unit) {
        LinearTime.assertLinear(unit, 250_000, s -> {
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
}
