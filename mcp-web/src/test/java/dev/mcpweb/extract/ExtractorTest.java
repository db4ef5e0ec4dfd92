package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.fetch.FetchResult;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class ExtractorTest {
    private final Extractor extractor = new Extractor(Config.defaults().extractor());

    private Document extract(String url, String contentType, String body) throws ExtractionException {
        return extract(url, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private Document extract(String url, String contentType, byte[] body) throws ExtractionException {
        return extractor.extract(FetchResult.ofBytes(URI.create(url), contentType, body));
    }

    @Test
    void anHtmlPageGivesMetadataMainContentAndEveryLinkAbsoluteAndOnce() throws Exception {
        String html = """
                <!DOCTYPE html><html lang="en"><head><title>Gardening tips | Green Pages</title>
                <meta property="og:site_name" content="Green Pages"></head><body>
                <nav><a href="/">Home</a> <a href="/about">About</a></nav>
                <article><h1>Gardening tips</h1>
                <p>Water <a href="/watering#morning">in the morning</a>, not at noon.</p>
                <p>Mulch keeps the soil moist. See <a href="https://other.example.net/mulch">mulch guide</a>.</p>
                <pre><code class="language-python">print("grow")</code></pre>
                </article>
                <footer><a href="/about">About us</a> <a href="javascript:void(0)">x</a>
                <a href="mailto:me@example.com">mail</a> <a href="/watering">Watering</a></footer>
                </body></html>""";
        Document doc = extract("https://green.example.com/tips/garden", "text/html", html);
        assertThat(doc.title()).isEqualTo("Gardening tips");
        assertThat(doc.metadata().siteName()).contains("Green Pages");
        assertThat(doc.metadata().language()).contains("en");
        assertThat(doc.text()).contains("Water in the morning, not at noon.").doesNotContain("Home");
        assertThat(doc.markdown()).contains("[in the morning](https://green.example.com/watering");
        assertThat(doc.codeBlocks()).containsExactly(new Document.CodeBlock("python", "print(\"grow\")"));
        assertThat(doc.pageLinks())
                .extracting(l -> l.url().toString())
                .containsExactly(
                        "https://green.example.com/",
                        "https://green.example.com/about",
                        "https://green.example.com/watering",
                        "https://other.example.net/mulch");
        assertThat(doc.contentLinks())
                .extracting(l -> l.url().toString())
                .contains("https://other.example.net/mulch")
                .noneMatch(u -> u.equals("https://green.example.com/about"));
    }

    @Test
    void aLinksTitleAttributeIsKeptAsItsTargetsTitleInTheContentAndOnThePage() throws Exception {
        String html = """
                <!DOCTYPE html><html lang="en"><head><title>Index</title></head><body>
                <nav><a href="/history" title="A history of the lights">History</a></nav>
                <article><h1>Index</h1>
                <p>Start with <a href="/fog" title="The fog signal at Skerry Point">this page</a>, then
                <a href="/lamps">the lamps</a>, and read the ten articles that follow it one by one.</p>
                </article></body></html>""";
        Document doc = extract("https://coast.example.org/", "text/html", html);
        assertThat(doc.pageLinks())
                .extracting(l -> l.url().toString(), Document.Link::title)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(
                                "https://coast.example.org/history", Optional.of("A history of the lights")),
                        org.assertj.core.api.Assertions.tuple(
                                "https://coast.example.org/fog", Optional.of("The fog signal at Skerry Point")),
                        org.assertj.core.api.Assertions.tuple("https://coast.example.org/lamps", Optional.empty()));
        assertThat(doc.contentLinks())
                .filteredOn(l -> l.url().getPath().equals("/fog"))
                .extracting(Document.Link::title)
                .containsExactly(Optional.of("The fog signal at Skerry Point"));
    }

    @Test
    void aPageRenderedByJavaScriptSaysSoInsteadOfGivingAnEmptyExtract() {
        String appShell = """
                <!doctype html><html><head><title>Dashboard</title>
                <script defer src="/static/js/main.4f2a.js"></script></head>
                <body><div id="root"></div></body></html>""";
        String noscript = """
                <!doctype html><html><head><title>Shop</title></head><body>
                <noscript>You need to enable JavaScript to run this app.</noscript>
                <div id="mount"></div><script src="/bundle.js"></script></body></html>""";
        for (String html : List.of(appShell, noscript)) {
            assertThatThrownBy(() -> extract("https://spa.example.com/", "text/html", html))
                    .isInstanceOf(ExtractionException.class)
                    .hasMessageContaining("rendered by JavaScript")
                    .hasMessageContaining("its scripts were not run");
        }
    }

    @Test
    void aPageWithScriptsAndItsOwnTextIsExtractedAsUsual() throws Exception {
        String html = """
                <html><head><title>News</title><script src="/analytics.js"></script></head><body>
                <noscript>Enable JavaScript for comments.</noscript>
                <div id="root"><article><h1>Tides</h1><p>The moon pulls the sea twice a day, and the
                sun pulls it too, a little less.</p></article></div></body></html>""";
        assertThat(extract("https://news.example.com/tides", "text/html", html).text())
                .contains("The moon pulls");
    }

    @Test
    void theSameBytesAlwaysGiveTheSameDocument() throws Exception {
        String html = "<html><head><script type=application/ld+json>{\"@type\":\"Article\",\"headline\":\"H\"}"
                + "</script></head><body><p>one <a href=/a>a</a></p><p>two</p></body></html>";
        Document first = extract("https://example.com/", "text/html", html);
        for (int i = 0; i < 5; i++) {
            assertThat(new Extractor(Config.defaults().extractor())
                            .extract(FetchResult.ofBytes(
                                    URI.create("https://example.com/"),
                                    "text/html",
                                    html.getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(first);
        }
    }

    @Test
    void aPdfGivesItsTextInReadingOrderWithMetadataAndParagraphs() throws Exception {
        byte[] pdf = pdf();
        Document doc = extract("https://example.com/paper.pdf", "application/pdf", pdf);
        assertThat(doc.metadata().title()).contains("Tidal Energy Notes");
        assertThat(doc.metadata().authors()).containsExactly("Ada Lovelace", "Charles Babbage");
        assertThat(doc.metadata().published()).contains("2021-03-04T05:06:07Z");
        // drawn bottom-first, read top-first
        assertThat(doc.text())
                .isEqualTo("Introduction\n\nTides move water twice a day.\n\nConclusion: the moon matters.");
        assertThat(doc.markdown()).isEqualTo(doc.text());
    }

    @Test
    void pdfBytesAreRecognisedWhateverTheDeclaredType() throws Exception {
        assertThat(extract("file:///tmp/download", "application/octet-stream", pdf())
                        .metadata()
                        .title())
                .contains("Tidal Energy Notes");
    }

    @Test
    void aBrokenPdfIsAnExtractionErrorThatSaysSo() {
        assertThatThrownBy(() -> extract("https://example.com/x.pdf", "application/pdf", "%PDF-1.7\nnonsense"))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("PDF");
    }

    @Test
    void plainTextIsKeptAsTextWithItsFirstLineAsTitle() throws Exception {
        Document doc = extract("file:///notes/todo.txt", "", "\n\n  Shopping list  \r\n- eggs *large*\r\n- milk\n");
        assertThat(doc.title()).isEqualTo("Shopping list");
        assertThat(doc.text()).isEqualTo("  Shopping list\n- eggs *large*\n- milk");
        assertThat(doc.markdown()).isEqualTo(doc.text());
    }

    @Test
    void markdownIsKeptAsMarkdownWithPlainTextLinksAndCodeBlocks() throws Exception {
        String md = """
                ---
                title: Release guide
                author: Jane Doe
                date: 2024-01-15
                ---
                # Releasing

                Run the **full** build, then read [the checklist](checklist.md) and <https://ci.example.org/>.

                ```bash
                ./mvnw verify
                ```

                > Never release on *Friday*.
                """;
        Document doc = extract("https://docs.example.org/guide/release.md", "text/markdown", md);
        assertThat(doc.title()).isEqualTo("Release guide");
        assertThat(doc.metadata().authors()).containsExactly("Jane Doe");
        assertThat(doc.metadata().published()).contains("2024-01-15");
        assertThat(doc.markdown()).startsWith("# Releasing").contains("**full**");
        assertThat(doc.text())
                .isEqualTo("Releasing\n\nRun the full build, then read the checklist and https://ci.example.org/.\n\n"
                        + "./mvnw verify\n\nNever release on Friday.");
        assertThat(doc.contentLinks())
                .extracting(l -> l.url().toString())
                .containsExactly("https://docs.example.org/guide/checklist.md", "https://ci.example.org/");
        assertThat(doc.codeBlocks()).containsExactly(new Document.CodeBlock("bash", "./mvnw verify"));
    }

    @Test
    void markdownWithoutFrontMatterTakesItsFirstHeadingAsTitle() throws Exception {
        Document doc = extract("file:///r/README.md", "", "Intro line\n\nProject Name\n============\n\ntext");
        assertThat(doc.title()).isEqualTo("Project Name");
    }

    @Test
    void sourceCodeBecomesOneFencedBlockInItsLanguage() throws Exception {
        String code = "def main():\n    print(\"\"\"\n```\n\"\"\")\n";
        Document doc = extract("file:///src/tool.py", "text/plain", code);
        assertThat(doc.title()).isEqualTo("tool.py");
        // a fence line inside the code needs a longer fence around it
        assertThat(doc.markdown()).isEqualTo("````python\n" + code.strip() + "\n````");
        assertThat(doc.text()).isEqualTo(code.strip());
        assertThat(doc.codeBlocks()).containsExactly(new Document.CodeBlock("python", doc.text()));
        assertThat(extract("https://example.com/app.js", "application/javascript", "let x = 1;")
                        .markdown())
                .isEqualTo("```javascript\nlet x = 1;\n```");
    }

    @Test
    void jsonIsPrettyPrintedInAJsonBlock() throws Exception {
        Document doc =
                extract("https://api.example.com/item", "application/json", "{\"name\":\"Widget\",\"tags\":[1,2]}");
        assertThat(doc.title()).isEqualTo("Widget");
        assertThat(doc.text()).isEqualTo("{\n  \"name\" : \"Widget\",\n  \"tags\" : [ 1, 2 ]\n}");
        assertThat(doc.markdown()).isEqualTo("```json\n" + doc.text() + "\n```");
    }

    @Test
    void invalidJsonIsKeptAsTheTextItIs() throws Exception {
        Document doc = extract("https://api.example.com/broken.json", "application/json", "{\"a\": ");
        assertThat(doc.text()).isEqualTo("{\"a\":");
    }

    @Test
    void binaryInputIsRefusedWithAClearMessage() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> extract("https://example.com/a.png", "image/png", png))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("PNG image");
        assertThatThrownBy(() -> extract("https://example.com/page", "text/html", png))
                .hasMessageContaining("PNG image")
                .hasMessageContaining("declared as text/html");
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertThatThrownBy(() -> extract("file:///x/archive.txt", "", zip)).hasMessageContaining("ZIP archive");
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> extract("file:///bin/tool", "", elf)).hasMessageContaining("ELF executable");
        byte[] unknown = new byte[4096];
        for (int i = 0; i < unknown.length; i++) {
            unknown[i] = (byte) (i * 31 % 7);
        }
        assertThatThrownBy(() -> extract("file:///x/data.bin", "", unknown))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("binary");
        assertThatThrownBy(() -> extract("https://example.com/v", "video/mp4", "not really"))
                .hasMessageContaining("unsupported content type video/mp4");
    }

    @Test
    void anXhtmlDocumentServedAsXmlIsReadAsHtml() throws Exception {
        String xhtml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<head><title>X</title></head><body><p>Strict pages still count.</p></body></html>";
        assertThat(extract("https://example.com/x", "application/xml", xhtml).text())
                .isEqualTo("Strict pages still count.");
    }

    @Test
    void anUntypedFileThatIsHtmlIsReadAsHtml() throws Exception {
        assertThat(extract("file:///x/saved", "", "<!doctype html><title>Saved</title><p>Body text</p>")
                        .title())
                .isEqualTo("Saved");
    }

    @Test
    void anEmptyBodyIsAnEmptyDocument() throws Exception {
        Document doc = extract("https://example.com/empty", "text/plain", "");
        assertThat(doc.text()).isEmpty();
        assertThat(doc.title()).isEqualTo("https://example.com/empty");
    }

    @Test
    void commentsAreDroppedUnlessAskedFor() throws Exception {
        String html = "<html><body><article><h1>Watering</h1><p>Water the garden early in the morning, before"
                + " the sun is high, so that the roots drink before the heat takes the water away.</p>"
                + "<p>Mulch helps the soil keep its moisture through long dry afternoons in summer.</p></article>"
                + "<section id=comments class=comments><h2>Comments</h2>"
                + "<div class=comment><p>First! I started watering at six and my tomatoes love it.</p></div>"
                + "<div class=comment><p>Mulch changed everything for my beds, thanks for the tip.</p></div>"
                + "</section></body></html>";
        assertThat(extract("https://example.com/p", "text/html", html).text()).doesNotContain("First!");
        Extractor withComments = new Extractor(Config.defaults()
                .with(java.util.Map.of("extractor.include_comments", "true"))
                .extractor());
        assertThat(withComments
                        .extract(FetchResult.ofBytes(
                                URI.create("https://example.com/p"),
                                "text/html",
                                html.getBytes(StandardCharsets.UTF_8)))
                        .text())
                .contains("First!");
    }

    private static byte[] pdf() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                // Drawn out of reading order on purpose: the last paragraph first.
                line(content, font, 72, 500, "Conclusion: the moon matters.");
                line(content, font, 72, 700, "Introduction");
                line(content, font, 72, 660, "Tides move water");
                line(content, font, 72, 646, "twice a day.");
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Tidal Energy Notes");
            info.setAuthor("Ada Lovelace; Charles Babbage");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.clear();
            created.set(2021, Calendar.MARCH, 4, 5, 6, 7);
            info.setCreationDate(created);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void line(PDPageContentStream content, PDType1Font font, float x, float y, String text)
            throws Exception {
        content.beginText();
        content.setFont(font, 12);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
