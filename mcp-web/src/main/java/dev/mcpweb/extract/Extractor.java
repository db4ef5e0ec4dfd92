package dev.mcpweb.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.config.ExtractorConfig;
import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.extract.html.MainContent;
import dev.mcpweb.extract.html.MainContentExtractor;
import dev.mcpweb.extract.html.PageMarks;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.work.StopToken;
import dev.mcpweb.work.Stopped;
import java.io.Reader;
import java.net.URI;
import java.nio.CharBuffer;
import java.util.List;
import java.util.Optional;
import org.jsoup.parser.Parser;

/**
 * The extract stage: turns a {@link FetchResult} into a {@link Document}. HTML and XHTML are decoded
 * (declared charset, BOM, {@code <meta>}, then detection), parsed, and reduced to their main content
 * with metadata and every link; PDF, plain text, Markdown, source code and JSON have their own readers;
 * binary data is refused. The same bytes always give the same document. Built once from the
 * configuration and safe to share between threads.
 */
public final class Extractor {
    /**
     * The version of what extraction produces; part of the cache key of extracted documents. Raise it
     * whenever a change to any reader would give a different document for the same bytes.
     */
    public static final String VERSION = "5";

    private final boolean includeComments;
    private final PdfExtractor pdf;
    private final MainContentExtractor content = new MainContentExtractor();
    private final MetadataExtractor metadata = new MetadataExtractor();
    private final ObjectMapper json = JsonLd.lenientMapper();

    public Extractor(ExtractorConfig config) {
        this.includeComments = config.includeComments();
        this.pdf = new PdfExtractor(config.pdfMaxPages(), config.pdfMaxDecodedSize(), config.pdfTimeout());
    }

    /**
     * Extracts the document in {@code result}.
     *
     * @throws ExtractionException when the body is binary or otherwise cannot be read as text, or is a
     *     page rendered by JavaScript that holds no text without it; the message says what it looked like
     */
    public Document extract(FetchResult result) throws ExtractionException {
        return extract(result, StopToken.none());
    }

    /**
     * As {@link #extract(FetchResult)}, checking {@code stop} between blocks of work (buffers of the
     * parse, steps, and every node of the long tree walks).
     *
     * @throws Stopped when {@code stop} says so
     */
    public Document extract(FetchResult result, StopToken stop) throws ExtractionException {
        return read(result, stop).requireText();
    }

    /**
     * As {@link #extract(FetchResult, StopToken)}, but a page written by JavaScript is not an error: its
     * (thin) static document comes with the {@link RenderSignal} that says so, for the caller to render.
     */
    public Extraction read(FetchResult result, StopToken stop) throws ExtractionException {
        URI url = result.finalUri();
        byte[] body = result.body();
        FormatSniffer.Format format = FormatSniffer.sniff(url, result.contentType(), body);
        try {
            return switch (format.kind()) {
                case HTML -> html(result, stop);
                case PDF -> staticText(pdf.extract(url, body, stop));
                case MARKDOWN -> staticText(TextFormats.markdown(url, decode(result)));
                case TEXT -> staticText(TextFormats.plainText(url, decode(result)));
                case SOURCE -> staticText(TextFormats.sourceCode(url, decode(result), format.language()));
                case JSON -> staticText(TextFormats.json(url, decode(result), json));
            };
        } catch (Stopped e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new ExtractionException("could not extract " + url + ": " + e, e);
        }
    }

    private static Extraction staticText(Document d) {
        return new Extraction(d, Optional.empty());
    }

    private Extraction html(FetchResult result, StopToken stop) {
        URI url = result.finalUri();
        CharBuffer html = TextDecoder.decodePage(result.body(), result.charset()); // long tag names cut
        org.jsoup.nodes.Document page = Parser.htmlParser().parseInput(new PageReader(html, stop), url.toString());
        stop.check();
        PageLinks.Collector links = new PageLinks.Collector();
        PageMarks marks = PageMarks.collecting(page);
        Metadata meta = metadata.extract(page, links, marks); // one walk of the page for all three
        List<Document.Link> pageLinks = links.links();
        stop.check();
        MainContent main = content.extract(page, marks, includeComments, stop);
        Document d = new Document(
                url, meta, main.markdown(), main.text(), main.contentLinks(), pageLinks, main.codeBlocks());
        // Extraction works on a copy of the body, so the page is still as parsed for the marks.
        return new Extraction(d, ScriptShell.signal(page, main.text()));
    }

    /**
     * The page's characters as the parser reads them, a buffer of 2,048 at a time, checking {@code stop} at each: one
     * reader instead of a {@link java.io.CharArrayReader} (which locks at every read) inside a filter.
     */
    private static final class PageReader extends Reader {
        private final char[] chars;
        private final int end;
        private final StopToken stop;
        private int next;

        PageReader(CharBuffer html, StopToken stop) {
            this.chars = html.array();
            this.next = html.arrayOffset() + html.position();
            this.end = next + html.remaining();
            this.stop = stop;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            stop.check();
            if (next == end) {
                return -1;
            }
            int count = Math.min(length, end - next);
            System.arraycopy(chars, next, buffer, offset, count);
            next += count;
            return count;
        }

        @Override
        public void close() {}
    }

    private static String decode(FetchResult result) {
        return TextDecoder.decode(result.body(), result.charset(), false).text();
    }
}
