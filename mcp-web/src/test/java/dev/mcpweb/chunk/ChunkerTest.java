package dev.mcpweb.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.ChunkerConfig;
import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private static Chunker chunker(String strategy, int overlap) {
        return new Chunker(new ChunkerConfig(strategy, 0, overlap), TestTokens.COUNT);
    }

    private static String words(String word, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(word).append(i).append(i % 12 == 11 ? ". " : " ");
        }
        return sb.toString().strip() + ".";
    }

    private static Document doc(String markdown) {
        return new Document(
                URI.create("https://example.com/a"),
                Metadata.empty(),
                markdown,
                markdown,
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void aShortDocumentIsOneChunkWithItsHeadingInTheText() {
        String md = "# Title\n\nFirst paragraph.\n\n## Part\n\nSecond paragraph.";
        List<Chunk> chunks = chunker("hierarchical", 0).chunk(List.of(doc(md)), 500);
        assertThat(chunks).hasSize(1);
        assertThat(chunks.getFirst().text()).isEqualTo(md);
        assertThat(chunks.getFirst().headingPath()).containsExactly("Title");
        assertThat(chunks.getFirst().source()).isEqualTo(1);
    }

    @Test
    void sectionsStartNewChunksAndCarryTheirHeadingPath() {
        String md = "# Guide\n\n" + words("intro", 60) + "\n\n## Install\n\n" + words("install", 60)
                + "\n\n### Linux\n\n" + words("linux", 40) + "\n\n## Use\n\n" + words("use", 60);
        List<Chunk> chunks = chunker("hierarchical", 0).chunk(md, 1, 0, 200);
        assertThat(chunks)
                .extracting(Chunk::tokens)
                .allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(200));
        assertThat(chunks).anySatisfy(c -> {
            assertThat(c.text()).startsWith("## Install");
            assertThat(c.headingPath()).containsExactly("Guide", "Install");
        });
        assertThat(chunks).anySatisfy(c -> {
            assertThat(c.text()).startsWith("## Use");
            assertThat(c.section()).isEqualTo("Guide > Use");
        });
    }

    @Test
    void aCodeBlockWithBlankLinesStaysInOneChunk() {
        String code = "```java\nclass A {\n\n    void f() {}\n\n    void g() {}\n}\n```";
        String md = words("before", 100) + "\n\n" + code + "\n\n" + words("after", 100);
        List<Chunk> chunks = chunker("hierarchical", 0).chunk(md, 1, 0, 120);
        assertThat(chunks)
                .filteredOn(c -> c.text().contains("class A"))
                .singleElement()
                .satisfies(c -> assertThat(c.text()).contains(code));
    }

    @Test
    void anOverBudgetCodeBlockIsSplitAtLineBoundaries() {
        StringBuilder code = new StringBuilder("```\n");
        for (int i = 0; i < 200; i++) {
            code.append("line_").append(i).append(" = compute(").append(i).append(")\n");
        }
        code.append("```");
        List<Chunk> chunks = chunker("hierarchical", 0).chunk(code.toString(), 1, 0, 100);
        assertThat(chunks).hasSizeGreaterThan(5);
        for (Chunk c : chunks) {
            assertThat(c.tokens()).isLessThanOrEqualTo(100);
            assertThat(c.text()).doesNotStartWith("_").matches("(?s)(```|line_\\d+ = ).*");
        }
    }

    @Test
    void anOverBudgetSentenceIsCutIntoTokenWindows() {
        String sentence = "a".repeat(0) + "word ".repeat(1000).strip();
        List<Chunk> chunks = chunker("hierarchical", 0).chunk(sentence, 1, 0, 64);
        assertThat(chunks)
                .hasSizeGreaterThan(10)
                .allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(64));
        assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).isEqualTo(sentence);
    }

    @Test
    void aRunOfOneSymbolIsCountedOnceInPiecesOfBoundedLength() {
        // cl100k_base makes a run of punctuation one pre-token, on which byte-pair merging is slower than
        // linear: the chunker must neither count it whole nor count it both whole and in parts.
        String run = "*".repeat(200_000);
        List<Integer> counted = new ArrayList<>();
        Chunker chunker = new Chunker(new ChunkerConfig("hierarchical", 0, 0), text -> {
            counted.add(text.length());
            return TestTokens.COUNT.applyAsInt(text);
        });
        List<Chunk> chunks = chunker.chunk(run, 1, 0, 512);
        assertThat(chunks)
                .hasSizeGreaterThan(5)
                .allSatisfy(c -> assertThat(c.tokens())
                        .isLessThanOrEqualTo(512)
                        .isEqualTo(TestTokens.COUNT.applyAsInt(c.text())));
        assertThat(String.join("", chunks.stream().map(Chunk::text).toList())).isEqualTo(run);
        long total = counted.stream().mapToLong(Integer::longValue).sum();
        assertThat(total).as("characters counted").isLessThanOrEqualTo(5L * run.length() / 2);
        assertThat(counted).as("lengths counted").allSatisfy(n -> assertThat(n).isLessThan(run.length() / 4));
    }

    @Test
    void overlapComesFromTheEndOfThePreviousChunk() {
        String md = words("alpha", 400);
        List<Chunk> chunks = chunker("hierarchical", 20).chunk(md, 1, 0, 100);
        assertThat(chunks).hasSizeGreaterThan(3);
        for (int i = 1; i < chunks.size(); i++) {
            Chunk prev = chunks.get(i - 1);
            Chunk cur = chunks.get(i);
            assertThat(cur.start()).isLessThan(prev.end()).isGreaterThan(prev.start());
            String shared = md.substring(cur.start(), prev.end());
            assertThat(prev.text()).endsWith(shared);
            assertThat(TestTokens.COUNT.applyAsInt(shared)).isBetween(5, 20);
        }
    }

    @Test
    void fixedWindowsAreNearTheBudget() {
        String md = "# T\n\n" + words("beta", 2000);
        List<Chunk> chunks = chunker("fixed", 0).chunk(md, 1, 0, 256);
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(c -> assertThat(c.tokens()).isBetween(200, 256));
    }

    @Test
    void adaptiveChunksCodeHeavyDocumentsSmaller() {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            md.append("Step ")
                    .append(i)
                    .append(" explains the call.\n\n```python\nvalue_")
                    .append(i)
                    .append(" = client.fetch(url, timeout=")
                    .append(i)
                    .append(")\nprint(value_")
                    .append(i)
                    .append(")\n```\n\n");
        }
        int hierarchical =
                chunker("hierarchical", 0).chunk(md.toString(), 1, 0, 400).size();
        int adaptive = chunker("adaptive", 0).chunk(md.toString(), 1, 0, 400).size();
        assertThat(adaptive).isGreaterThan(hierarchical);
    }

    @Test
    void chunksOfSeveralDocumentsAreNumberedBySourceAndIndexedAcrossThem() {
        List<Chunk> chunks =
                chunker("hierarchical", 0).chunk(List.of(doc(words("one", 300)), doc(words("two", 300))), 100);
        assertThat(chunks)
                .extracting(Chunk::index)
                .containsExactly(java.util.stream.IntStream.range(0, chunks.size())
                        .boxed()
                        .toArray(Integer[]::new));
        assertThat(chunks.getFirst().source()).isEqualTo(1);
        assertThat(chunks.getLast().source()).isEqualTo(2);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text()).doesNotContain(c.source() == 1 ? "two" : "one"));
    }

    @Test
    void theConfiguredChunkSizeWinsButNeverExceedsTheModelsBudget() {
        assertThat(new Chunker(new ChunkerConfig("hierarchical", 512, 0), TestTokens.COUNT).chunkSize(3000, 1024))
                .isEqualTo(512);
        assertThat(new Chunker(new ChunkerConfig("hierarchical", 0, 0), TestTokens.COUNT).chunkSize(3000, 1024))
                .isEqualTo(1024);
        assertThat(new Chunker(new ChunkerConfig("hierarchical", 0, 0), TestTokens.COUNT).chunkSize(700, 1024))
                .isEqualTo(700);
    }
}
