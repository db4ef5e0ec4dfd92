package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.fetch.FetchResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** PDFs built to cost far more to read than their size: each is cut off by a budget the text names. */
class HostilePdfTest {
    private static Document read(Map<String, String> settings, byte[] pdf) {
        Extractor extractor = new Extractor(Config.defaults().with(settings).extractor());
        return assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> extractor.extract(
                        FetchResult.ofBytes(URI.create("https://example.com/hostile.pdf"), "application/pdf", pdf)));
    }

    /** One page of text, then {@code pages} pages that all draw the same small stream of {@code megabytes} MB decoded. */
    private static byte[] amplifying(int pages, int megabytes) throws IOException {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            addTextPage(doc, "The opening page is read.");
            byte[] operators = "q Q\n".repeat((megabytes << 20) / 4).getBytes(StandardCharsets.US_ASCII);
            PDStream bomb = new PDStream(doc, new ByteArrayInputStream(operators), COSName.FLATE_DECODE);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                page.setContents(bomb);
                doc.addPage(page);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] textPages(int pages) throws IOException {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= pages; i++) {
                addTextPage(doc, "This is page number " + i + ".");
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void addTextPage(PDDocument doc, String text) throws IOException {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(72, 700);
            content.showText(text);
            content.endText();
        }
    }

    @Test
    void aSmallStreamDrawnOnEveryPageStopsAtTheDecodedSizeBudget() throws IOException {
        byte[] pdf = amplifying(400, 16);
        assertThat(pdf.length).isLessThan(200_000);

        // No time budget in the way: this is about the decoded bytes, whatever the machine's load.
        Document d = read(Map.of("extractor.pdf_timeout", "10m"), pdf);

        assertThat(d.text())
                .startsWith("The opening page is read.")
                .contains("mcp-web stopped reading this PDF after page")
                .contains("of 401")
                .contains("extractor.pdf_max_decoded_size");
    }

    @Test
    void pagesBeyondTheLimitAreNotReadAndTheTextSaysSo() throws IOException {
        Document d = read(Map.of("extractor.pdf_max_pages", "2"), textPages(5));

        assertThat(d.text())
                .contains("This is page number 2.")
                .doesNotContain("page number 3")
                .contains("after page 2 of 5")
                .contains("extractor.pdf_max_pages");
    }

    @Test
    void readingStopsBetweenPagesWhenTheTimeBudgetIsSpent() throws IOException {
        Document d = read(Map.of("extractor.pdf_timeout", "1ms"), amplifying(50, 4));

        assertThat(d.text()).startsWith("The opening page is read.").contains("extractor.pdf_timeout");
    }

    @Test
    void anOrdinaryPdfIsReadWhole() throws IOException {
        Document d = read(Map.of(), textPages(3));
        assertThat(d.text()).contains("page number 1.", "page number 3.").doesNotContain("stopped reading");
    }
}
