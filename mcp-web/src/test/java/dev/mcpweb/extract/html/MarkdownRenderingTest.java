package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.document.Document;
import dev.mcpweb.work.StopToken;
import java.net.URI;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MarkdownRenderingTest {
    private static MainContent render(String body) {
        return Renderer.render(
                Jsoup.parse(
                                "<html><body><article>" + body + "</article></body></html>",
                                "https://example.org/docs/guide/")
                        .body(),
                StopToken.none());
    }

    @Test
    void headingsAndParagraphsBecomeAtxHeadingsSeparatedByBlankLines() {
        MainContent c = render("<h1>Title</h1><p>First paragraph.</p><h2>Part</h2><p>Second paragraph.</p>");

        assertThat(c.markdown()).isEqualTo("# Title\n\nFirst paragraph.\n\n## Part\n\nSecond paragraph.");
        assertThat(c.text()).isEqualTo("Title\n\nFirst paragraph.\n\nPart\n\nSecond paragraph.");
    }

    @Test
    void rubyAnnotationsAreLeftOutOfTheLineTheyAnnotate() {
        MainContent c = render("<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby></p>");

        assertThat(c.text()).isEqualTo("子どもへの虐待");
        assertThat(c.markdown()).isEqualTo("子どもへの虐待");
    }

    @Test
    void textIsInComposedFormHoweverThePageEncodedItsLetters() {
        // U+09DC (a Bengali letter NFC keeps decomposed) and "e" with a combining acute accent
        MainContent c = render("<p>\u09b8\u09be\u09dc\u09c7 caf\u0065\u0301</p>");

        assertThat(c.text()).isEqualTo("\u09b8\u09be\u09a1\u09bc\u09c7 caf\u00e9");
    }

    @Test
    void nestedListsAreIndentedAndOrderedListsNumbered() {
        MainContent c = render("<ul><li>Fruit<ul><li>Apple</li><li>Pear</li></ul></li><li>Bread</li></ul>"
                + "<ol start=\"3\"><li>Third</li><li>Fourth</li></ol>");

        assertThat(c.markdown()).isEqualTo("- Fruit\n  - Apple\n  - Pear\n- Bread\n\n3. Third\n4. Fourth");
    }

    @Test
    void dataTablesBecomePipeTablesWithSpansPadded() {
        MainContent c = render("<table><thead><tr><th>Name</th><th>Size</th><th>Note</th></tr></thead>"
                + "<tbody><tr><td>a|b</td><td>1</td><td>x</td></tr><tr><td colspan=\"2\">wide</td><td>y</td></tr>"
                + "</tbody></table>");

        assertThat(c.markdown())
                .isEqualTo("| Name | Size | Note |\n| --- | --- | --- |\n| a\\|b | 1 | x |\n| wide |  | y |");
    }

    @Test
    void layoutTablesAreRenderedAsBlocks() {
        MainContent c = render("<table><tr><td><p>Left column paragraph.</p><ul><li>item</li></ul></td>"
                + "<td><p>Right column paragraph.</p></td></tr></table>");

        assertThat(c.markdown())
                .doesNotContain("|")
                .contains("Left column paragraph.")
                .contains("- item");
    }

    @Test
    void codeBlocksAreFencedWithTheirLanguage() {
        MainContent c = render("<pre data-lang=\"rust\">fn main() {\n    println!(\"hi\");\n}</pre>"
                + "<div class=\"highlight-go\"><pre>package main</pre></div><p>Use <code>cargo run</code>.</p>");

        assertThat(c.markdown())
                .contains("```rust\nfn main() {\n    println!(\"hi\");\n}\n```")
                .contains("```go\npackage main\n```")
                .contains("Use `cargo run`.");
        assertThat(c.codeBlocks()).extracting(Document.CodeBlock::language).containsExactly("rust", "go");
    }

    @Test
    void blockQuotesEmphasisLinksAndImages() {
        MainContent c = render("<blockquote><p>Quoted line.</p><p>Second line.</p></blockquote>"
                + "<p>Some <strong>bold</strong> and <em>soft</em> text with <a href=\"../ref\">a link</a>.</p>"
                + "<p><img src=\"/img/cat.png\" alt=\"A sleeping cat\"></p>");

        assertThat(c.markdown())
                .contains("> Quoted line.\n>\n> Second line.")
                .contains("Some **bold** and *soft* text with [a link](https://example.org/docs/ref).")
                .contains("![A sleeping cat](https://example.org/img/cat.png)");
        assertThat(c.text()).contains("Some bold and soft text with a link.").doesNotContain("cat.png");
        assertThat(c.contentLinks())
                .containsExactly(new Document.Link(URI.create("https://example.org/docs/ref"), "a link"));
    }

    @Test
    void markdownSpecialCharactersInTextAreEscaped() {
        MainContent c = render("<p>Use snake_case and 2*3 [not a link].</p>");

        assertThat(c.markdown()).isEqualTo("Use snake\\_case and 2\\*3 \\[not a link\\].");
        assertThat(c.text()).isEqualTo("Use snake_case and 2*3 [not a link].");
    }

    @Test
    void aLineBreakInsideAListItemContinuesThatItem() {
        MainContent c = render("<ul><li>Simple apps:<br>$5,000 – $10,000</li>"
                + "<li>Mid-level apps (custom UI, APIs):<br>$20,000 – $50,000</li></ul>"
                + "<ol><li>Step one<br>then wait</li></ol>");

        assertThat(c.markdown())
                .isEqualTo("- Simple apps:\n  $5,000 – $10,000\n- Mid-level apps (custom UI, APIs):\n"
                        + "  $20,000 – $50,000\n\n1. Step one\n   then wait");
        assertThat(c.text()).contains("- Simple apps:\n  $5,000 – $10,000");
    }

    @Test
    void aLineBreakOutsideListsStartsALineWithoutIndentation() {
        MainContent c = render("<ul><li>Item</li></ul><p>Line one<br>line two</p>");

        assertThat(c.markdown()).isEqualTo("- Item\n\nLine one\nline two");
    }

    @Test
    void twoLineBreaksInARowSetParagraphsApart() {
        MainContent c = render("<div>First paragraph.<br>\n<br>Second paragraph.<br>its last line</div>"
                + "<ul><li>Item<br><br>still the item</li></ul>");

        assertThat(c.markdown())
                .isEqualTo("First paragraph.\n\nSecond paragraph.\nits last line\n\n- Item\n  still the item");
    }

    @Test
    void aListItemWithoutTextLeavesNoBulletOnTheTextAfterIt() {
        MainContent c = render("<ul><li><a href=\"#\"><i></i></a></li></ul><div>The story begins.</div>");

        assertThat(c.text()).isEqualTo("The story begins.");
        assertThat(c.markdown()).isEqualTo("The story begins.");
    }

    @Test
    void aLanguageLabelInsideThePreTagsTheFenceAndIsNotCode() {
        MainContent c = render("<pre class=\"shiki\"><div class=\"language-id\">ts</div>"
                + "<code><span class=\"line\">interface Foo {</span>\n<span class=\"line\">}</span></code></pre>");

        assertThat(c.markdown()).isEqualTo("```ts\ninterface Foo {\n}\n```");
        assertThat(c.codeBlocks()).singleElement().satisfies(b -> {
            assertThat(b.language()).isEqualTo("ts");
            assertThat(b.code()).isEqualTo("interface Foo {\n}");
        });
    }

    @Test
    void codeWhoseFirstLineIsOneWordStaysCode() {
        MainContent c = render("<pre><code>make\nmake install</code></pre>");

        assertThat(c.markdown()).isEqualTo("```\nmake\nmake install\n```");
    }
}
