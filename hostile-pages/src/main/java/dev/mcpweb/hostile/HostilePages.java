package dev.mcpweb.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Pages that cost far more to read than their size, each one a defect mcp-web once had: a line of
 * spaces (quadratic whitespace regex), {@code "*a "} repeated (quadratic emphasis regex), megabytes of
 * natural text (LexRank's quadratic memory), deep nesting, and a PDF whose one small stream every page
 * draws. The hostile-input tests and {@code bench hostile} share them.
 */
public final class HostilePages {
    private HostilePages() {}

    /** One line of {@code spaces} spaces between two words, then a newline. */
    public static String spacesLine(int spaces) {
        return "start" + " ".repeat(spaces) + "end\n";
    }

    /** {@code "*a "} repeated to about {@code bytes}: emphasis that opens and never closes. */
    public static String openEmphasis(int bytes) {
        return "*a ".repeat(bytes / 3);
    }

    /** Natural-looking text: Zipf-distributed words, sentences of 8 to 30 words, lines of a few sentences. */
    public static String naturalText(int bytes, long seed) {
        Random random = new Random(seed);
        String[] vocabulary = new String[5000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = 2 + random.nextInt(8); k > 0; k--) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary[i] = w.toString();
        }
        StringBuilder out = new StringBuilder(bytes + 200);
        while (out.length() < bytes) {
            int words = 8 + random.nextInt(22);
            for (int k = 0; k < words; k++) {
                int rank = (int) Math.pow(vocabulary.length, random.nextDouble()) - 1;
                String w = vocabulary[Math.max(0, Math.min(vocabulary.length - 1, rank))];
                out.append(k == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w)
                        .append(k == words - 1 ? ". " : " ");
            }
            if (random.nextInt(4) == 0) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** An HTML page of {@code depth} nested {@code <div>} elements around one sentence. */
    public static String nestedHtml(int depth) {
        return "<html><head><title>Nested</title></head><body>" + "<div>".repeat(depth)
                + "<p>The innermost sentence of a deeply nested page.</p>" + "</div>".repeat(depth) + "</body></html>";
    }

    /** One page of text, then {@code pages} pages that all draw the same small stream of {@code megabytes} MB decoded. */
    public static byte[] amplifyingPdf(int pages, int megabytes) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of {@code pages} pages, each saying "This is page number N." */
    public static byte[] textPdf(int pages) {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= pages; i++) {
                addTextPage(doc, "This is page number " + i + ".");
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
