package dev.mcpweb.extract;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Text of a PDF in reading order (PDFBox, sorted by position), as paragraphs: lines of a paragraph
 * are joined and words hyphenated across lines put back together. Metadata comes from the document
 * information dictionary and the catalog's language; the title falls back to the first line.
 */
final class PdfExtractor {
    /** Paragraph boundaries from PDFBox are marked with a character that cannot occur in extracted text. */
    private static final String PARAGRAPH = "\u0000";

    private static final Pattern HYPHENATED = Pattern.compile("(\\p{L})-\\n(\\p{Ll})");
    private static final int MAX_TITLE_CHARS = 200;

    private PdfExtractor() {}

    static Document extract(URI url, byte[] body) throws ExtractionException {
        try (PDDocument pdf = Loader.loadPDF(body)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            stripper.setParagraphStart(PARAGRAPH);
            stripper.setPageEnd(PARAGRAPH);
            List<String> paragraphs = paragraphs(stripper.getText(pdf));
            String text = String.join("\n\n", paragraphs);
            Metadata metadata = metadata(pdf, paragraphs);
            return new Document(url, metadata, text, text, List.of(), List.of(), List.of());
        } catch (InvalidPasswordException e) {
            throw new ExtractionException("the PDF is password-protected; mcp-web cannot read encrypted PDFs", e);
        } catch (IOException e) {
            throw new ExtractionException("not a readable PDF: " + e.getMessage(), e);
        }
    }

    private static List<String> paragraphs(String raw) {
        List<String> out = new ArrayList<>();
        for (String block : raw.split(PARAGRAPH)) {
            String joined = HYPHENATED.matcher(block.strip()).replaceAll("$1$2");
            String paragraph = Whitespace.joinLines(joined)
                    .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                    .strip();
            if (!paragraph.isEmpty()) {
                out.add(paragraph);
            }
        }
        return out;
    }

    private static Metadata metadata(PDDocument pdf, List<String> paragraphs) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        Optional<String> title = nonBlank(info.getTitle())
                .or(() -> paragraphs.stream().findFirst().map(PdfExtractor::firstLine));
        List<String> authors = nonBlank(info.getAuthor()).stream()
                .flatMap(a -> Stream.of(a.split("\\s*(?:;|\\band\\b|&)\\s*")))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .distinct()
                .toList();
        return new Metadata(
                title,
                authors,
                date(info.getCreationDate()),
                date(info.getModificationDate()),
                Optional.empty(),
                nonBlank(info.getSubject()),
                nonBlank(pdf.getDocumentCatalog().getLanguage()).flatMap(MetadataExtractor::languageTag),
                Optional.empty());
    }

    private static String firstLine(String paragraph) {
        return paragraph.length() <= MAX_TITLE_CHARS
                ? paragraph
                : paragraph.substring(0, MAX_TITLE_CHARS).strip() + "…";
    }

    private static Optional<String> date(Calendar calendar) {
        if (calendar == null) {
            return Optional.empty();
        }
        OffsetDateTime time = OffsetDateTime.ofInstant(
                calendar.toInstant(),
                ZoneOffset.ofTotalSeconds(calendar.getTimeZone().getOffset(calendar.getTimeInMillis()) / 1000));
        return Optional.of(time.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
