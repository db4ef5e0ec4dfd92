package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceListTest {
    private static final SummaryStats STATS = new SummaryStats("p", "m", "parallel", 1, 1, 0, 1, 1, Duration.ZERO);

    @Test
    void theListIsNumberedMarkdownLinksWithBracketsInTitlesEscaped() {
        String list = SourceList.render(List.of(
                new Summary.SourceRef(1, "A [draft] page", "https://e.org/a b"),
                new Summary.SourceRef(2, "B", "https://e.org/(b)")));
        assertThat(list)
                .isEqualTo("\n**Sources**\n\n1. [A \\[draft\\] page](https://e.org/a%20b)\n"
                        + "2. [B](https://e.org/(b%29)\n");
    }

    @Test
    void theBodyIsWhatComesBeforeTheSummarysOwnList() {
        List<Summary.SourceRef> refs = List.of(new Summary.SourceRef(1, "A", "https://e.org/a"));
        String body = "Text [1]. **Sources** are named inline too.\n";
        Summary summary = new Summary(body + SourceList.render(refs), refs, STATS, List.of());
        assertThat(SourceList.body(summary)).contains(body);
    }

    @Test
    void aSummaryNotEndingWithItsListHasNoBody() {
        List<Summary.SourceRef> refs = List.of(new Summary.SourceRef(1, "A", "https://e.org/a"));
        List<Summary.SourceRef> other = List.of(new Summary.SourceRef(1, "A", "https://e.org/other"));
        Summary summary = new Summary("Text [1].\n" + SourceList.render(other), refs, STATS, List.of());
        assertThat(SourceList.body(summary)).isEmpty();
    }
}
