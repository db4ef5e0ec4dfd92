package dev.mcpweb.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.ChunkerConfig;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ChunkerProperties {
    /** A generated document and the fenced code blocks in it. */
    record Doc(String markdown, List<String> codeBlocks) {}

    @Provide
    Arbitrary<Doc> documents() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("naïve", "日本語のテキスト", "🙂", "x".repeat(300), "3.14", "`code`", "**bold**"));
        Arbitrary<String> sentence = word.list().ofMinSize(1).ofMaxSize(40).map(ws -> String.join(" ", ws) + ".");
        Arbitrary<String> paragraph = sentence.list().ofMinSize(1).ofMaxSize(12).map(ss -> String.join(" ", ss));
        Arbitrary<String> heading = Combinators.combine(Arbitraries.integers().between(1, 4), word)
                .as((level, w) -> "#".repeat(level) + " " + w);
        Arbitrary<String> code = word.list()
                .ofMinSize(1)
                .ofMaxSize(8)
                .list()
                .ofMinSize(1)
                .ofMaxSize(30)
                .map(lines -> {
                    StringBuilder sb = new StringBuilder("```\n");
                    for (int i = 0; i < lines.size(); i++) {
                        sb.append(String.join(" ", lines.get(i))).append('\n');
                        if (i % 5 == 4) {
                            sb.append('\n');
                        }
                    }
                    return sb.append("```").toString();
                });
        Arbitrary<String> table = word.list()
                .ofSize(3)
                .list()
                .ofMinSize(1)
                .ofMaxSize(20)
                .map(rows -> {
                    StringBuilder sb = new StringBuilder();
                    for (List<String> row : rows) {
                        sb.append("| ").append(String.join(" | ", row)).append(" |\n");
                    }
                    return sb.toString().strip();
                });
        Arbitrary<String> list =
                sentence.list().ofMinSize(1).ofMaxSize(8).map(items -> "- " + String.join("\n- ", items));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, paragraph),
                        net.jqwik.api.Tuple.of(2, heading),
                        net.jqwik.api.Tuple.of(2, code),
                        net.jqwik.api.Tuple.of(1, table),
                        net.jqwik.api.Tuple.of(1, list))
                .list()
                .ofMinSize(1)
                .ofMaxSize(30)
                .map(blocks -> new Doc(
                        String.join("\n\n", blocks),
                        blocks.stream().filter(b -> b.startsWith("```")).toList()));
    }

    private static List<Chunk> chunk(Doc doc, String strategy, int budget, int overlap) {
        return new Chunker(new ChunkerConfig(strategy, 0, overlap), TestTokens.COUNT)
                .chunk(doc.markdown(), 1, 0, budget);
    }

    @Property(tries = 150)
    void noChunkIsOverBudgetAndEachCountIsExact(
            @ForAll("documents") Doc doc,
            @ForAll("strategies") String strategy,
            @ForAll @IntRange(min = 8, max = 400) int budget,
            @ForAll @IntRange(min = 0, max = 80) int overlap) {
        for (Chunk c : chunk(doc, strategy, budget, overlap)) {
            assertThat(c.tokens()).isLessThanOrEqualTo(budget);
            assertThat(c.tokens()).isEqualTo(TestTokens.COUNT.applyAsInt(c.text()));
            assertThat(c.text()).isEqualTo(doc.markdown().substring(c.start(), c.end()));
        }
    }

    @Property(tries = 150)
    void noTextIsLostOrDuplicatedExceptTheOverlap(
            @ForAll("documents") Doc doc,
            @ForAll("strategies") String strategy,
            @ForAll @IntRange(min = 8, max = 400) int budget,
            @ForAll @IntRange(min = 0, max = 80) int overlap) {
        String md = doc.markdown();
        List<Chunk> chunks = chunk(doc, strategy, budget, overlap);
        int covered = 0; // everything before this offset is in some chunk (or whitespace between chunks)
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            if (c.start() < covered) {
                assertThat(i).as("only a later chunk may overlap").isPositive();
                String repeated = md.substring(c.start(), covered);
                assertThat(chunks.get(i - 1).text()).endsWith(repeated);
                assertThat(TestTokens.COUNT.applyAsInt(repeated)).isLessThanOrEqualTo(Math.min(overlap, budget / 4));
            } else {
                assertThat(md.substring(covered, c.start()))
                        .as("gap before chunk %d", i)
                        .isBlank();
            }
            assertThat(c.end()).isGreaterThan(covered);
            covered = c.end();
        }
        assertThat(md.substring(covered)).isBlank();
    }

    @Property(tries = 150)
    void codeBlocksThatFitStayWholeInOneChunk(
            @ForAll("documents") Doc doc,
            @ForAll @IntRange(min = 8, max = 400) int budget,
            @ForAll @IntRange(min = 0, max = 80) int overlap) {
        List<Chunk> chunks = chunk(doc, "hierarchical", budget, overlap);
        int room = budget - Math.min(overlap, budget / 4);
        for (String code : doc.codeBlocks()) {
            if (TestTokens.COUNT.applyAsInt(code) <= room) {
                assertThat(chunks).anySatisfy(c -> assertThat(c.text()).contains(code));
            }
        }
    }

    @Provide
    Arbitrary<String> strategies() {
        return Arbitraries.of("hierarchical", "fixed", "adaptive");
    }
}
