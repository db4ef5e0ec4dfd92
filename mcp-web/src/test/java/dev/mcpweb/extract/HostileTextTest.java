package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.hostile.HostilePages;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Pages built to make a regular expression backtrack: each took seconds to minutes before its pattern
 * became a linear scan; each must now be read well within the bound (generous, for a busy machine).
 */
class HostileTextTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final int SIZE = 200_000;
    private final Extractor extractor = new Extractor(Config.defaults().extractor());

    private Document read(String contentType, String body) {
        return assertTimeoutPreemptively(
                BOUND,
                () -> extractor.extract(FetchResult.ofBytes(
                        URI.create("https://example.com/page"), contentType, body.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aTextLineOfSpacesIsReadAtOnce() {
        Document d = read("text/plain", HostilePages.spacesLine(SIZE) + "next  \nline");
        assertThat(d.text()).endsWith("end\nnext\nline");
    }

    @Test
    void unclosedEmphasisMarksInMarkdownAreReadAtOnce() {
        Document d = read("text/markdown", HostilePages.openEmphasis(SIZE) + "\n\nand *c* end");
        assertThat(d.text()).endsWith("and c end");
    }

    @Test
    void unclosedStrongMarksInMarkdownAreReadAtOnce() {
        Document d = read("text/markdown", "**a ".repeat(SIZE / 4) + "__x__");
        assertThat(d.text()).endsWith("a x");
    }

    @Test
    void unclosedLinkAndImageBracketsInMarkdownAreReadAtOnce() {
        Document d = read(
                "text/markdown", "![".repeat(SIZE / 2) + "\n\n" + "[".repeat(SIZE) + "[see](https://example.org/)");
        assertThat(d.contentLinks()).extracting(l -> l.url().toString()).containsExactly("https://example.org/");
    }

    @Test
    void unclosedAutolinksInMarkdownAreReadAtOnce() {
        read("text/markdown", "<http://".repeat(SIZE / 8));
    }

    @Test
    void aMarkdownHeadingWithALongRunOfSpacesIsReadAtOnce() {
        Document d = read("text/markdown", "# Title" + " ".repeat(SIZE) + "goes on ##\n\nBody.");
        assertThat(d.text()).startsWith("Title").endsWith("goes on\n\nBody.");
    }

    @Test
    void sourceCodeOfBlankLinesIsReadAtOnce() {
        Document d = read("text/x-python", "x = 1" + "\n".repeat(SIZE) + "y = 2");
        assertThat(d.markdown()).startsWith("```python\n");
    }

    @Test
    void aTableCellWithAPreformattedRunOfSpacesIsReadAtOnce() {
        String cell = "<pre>" + " ".repeat(SIZE) + "x\ny</pre>";
        Document d = read(
                "text/html",
                "<html><body><article><h1>T</h1><p>Some prose to keep.</p><table><tr><td>" + cell
                        + "</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></article></body></html>");
        assertThat(d.text()).contains("Some prose to keep.");
    }
}
