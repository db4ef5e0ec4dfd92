package dev.mcpweb.extract;

import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.text.Whitespace;
import dev.mcpweb.work.StopToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
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
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Text of a PDF in reading order (PDFBox, sorted by position), as paragraphs: lines of a paragraph
 * are joined and words hyphenated across lines put back together. Metadata comes from the document
 * information dictionary and the catalog's language; the title falls back to the first line.
 *
 * <p>A PDF is a program: one small compressed content stream can decode to hundreds of megabytes and
 * be drawn on every page. Pages are read one at a time within three budgets (pages, bytes of page
 * content decoded, time, checked between pages); the text read so far is kept, and a last paragraph
 * says where reading stopped and which option raises the bound.
 */
final class PdfExtractor {
    /** Paragraph boundaries from PDFBox are marked with a character that cannot occur in extracted text. */
    private static final String PARAGRAPH = "\u0000";

    private static final Pattern HYPHENATED = Pattern.compile("(\\p{L})-\\n(\\p{Ll})");
    private static final int MAX_TITLE_CHARS = 200;

    private final int maxPages;
    private final long maxDecoded;
    private final Duration timeout;

    PdfExtractor(int maxPages, long maxDecoded, Duration timeout) {
        this.maxPages = maxPages;
        this.maxDecoded = maxDecoded;
        this.timeout = timeout;
    }

    /** The PDF's text; {@code stop} is checked at every operator of the pages' content, so it ends a page midway. */
    Document extract(URI url, byte[] body, StopToken stop) throws ExtractionException {
        // PDFBox's own buffers stay in memory and within the decoded-size budget.
        try (PDDocument pdf =
                Loader.loadPDF(body, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(maxDecoded).streamCache)) {
            PDFTextStripper stripper = new CheckedStripper(stop);
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            stripper.setParagraphStart(PARAGRAPH);
            stripper.setPageEnd(PARAGRAPH);
            StringBuilder raw = new StringBuilder();
            String stoppedAt = read(pdf, stripper, raw, stop);
            List<String> paragraphs = paragraphs(raw.toString());
            Metadata metadata = metadata(pdf, paragraphs);
            List<String> shown = new ArrayList<>(paragraphs);
            if (!stoppedAt.isEmpty()) {
                shown.add("_" + stoppedAt + "_");
            }
            String text = String.join("\n\n", shown);
            return new Document(url, metadata, text, text, List.of(), List.of(), List.of());
        } catch (InvalidPasswordException e) {
            throw new ExtractionException("the PDF is password-protected; mcp-web cannot read encrypted PDFs", e);
        } catch (IOException e) {
            throw new ExtractionException("not a readable PDF: " + e.getMessage(), e);
        }
    }

    /** Appends the text of the pages within the budgets to {@code out}; why it stopped early, or "". */
    private String read(PDDocument pdf, PDFTextStripper stripper, StringBuilder out, StopToken stop)
            throws IOException {
        int pages = pdf.getNumberOfPages();
        long deadline = System.nanoTime() + timeout.toNanos();
        long decoded = 0;
        for (int page = 1; page <= pages; page++) {
            String stopped = "mcp-web stopped reading this PDF after page " + (page - 1) + " of " + pages + ": ";
            if (page > maxPages) {
                return stopped + "it reads at most " + maxPages + " pages (extractor.pdf_max_pages).";
            }
            if (page > 1 && System.nanoTime() > deadline) {
                return stopped + "reading took longer than " + timeout.toMillis() / 1000.0
                        + " s (extractor.pdf_timeout).";
            }
            decoded += contentSize(pdf.getPage(page - 1), maxDecoded - decoded, stop);
            if (decoded > maxDecoded) {
                return stopped + "its pages decode to more than " + maxDecoded / (1 << 20)
                        + " MB (extractor.pdf_max_decoded_size).";
            }
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            out.append(stripper.getText(pdf));
        }
        return "";
    }

    /** The decoded size of a page's content streams, read no further than {@code room} + 1 bytes. */
    private static long contentSize(PDPage page, long room, StopToken stop) throws IOException {
        if (!page.hasContents()) {
            return 0;
        }
        try (InputStream in = page.getContents()) {
            byte[] buffer = new byte[64 * 1024];
            long n = 0;
            for (int r; n <= room && (r = in.read(buffer)) > 0; ) {
                stop.check();
                n += r;
            }
            return n;
        }
    }

    /** PDFBox's text stripper, checking {@code stop} before every operator of a content stream. */
    private static final class CheckedStripper extends PDFTextStripper {
        private final StopToken stop;

        CheckedStripper(StopToken stop) {
            this.stop = stop;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            stop.check();
            super.processOperator(operator, operands);
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
                Optional.empty(),
                List.of());
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
