package dev.mcpweb.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.config.Config;
import dev.mcpweb.extract.ExtractionException;
import dev.mcpweb.extract.Extractor;
import dev.mcpweb.fetch.FetchResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Scores the extract stage ({@link Extractor}, as the rest of the program runs it: charset decoding,
 * parsing, main content; comments excluded) on a WCXB-format directory ({@code html/NNNN.html.gz} and
 * {@code ground-truth/NNNN.json}) exactly as the benchmark's authors do: per page, word-level P/R/F1
 * over lower-cased Unicode {@code \w+} token multisets; then means overall and per page type, and
 * the share of {@code with} snippets present and {@code without} snippets absent after collapsing
 * white space, case-insensitively (and, as the ceiling, the share of {@code with} snippets present
 * anywhere in the page's text). Only parsing, extraction and rendering are timed, both in
 * wall-clock time and in the CPU time of the one thread doing it (the fair figure on a busy machine);
 * the heap the whole run needs is watched by {@link HeapWatch}.
 */
public final class ExtractionEval {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String HTML = "text/html";

    private final Extractor extractor;
    private final IntPredicate pageFilter;

    /** Scores every page. */
    public ExtractionEval(Extractor extractor) {
        this(extractor, n -> true);
    }

    /** Scores the pages whose file number passes {@code pageFilter} (e.g. even numbers only). */
    public ExtractionEval(Extractor extractor, IntPredicate pageFilter) {
        this.extractor = extractor;
        this.pageFilter = pageFilter;
    }

    /** Runs the evaluation over {@code dataset}; throws if it is not a WCXB-format directory. */
    public ExtractionReport run(Path dataset) throws IOException {
        Path htmlDir = dataset.resolve("html");
        Path truthDir = dataset.resolve("ground-truth");
        if (!Files.isDirectory(htmlDir) || !Files.isDirectory(truthDir)) {
            throw new IOException(dataset + " is not a WCXB data set: it needs html/ and ground-truth/ directories");
        }
        List<Path> truths;
        try (Stream<Path> s = Files.list(truthDir)) {
            truths = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        try (HeapWatch heap = new HeapWatch()) {
            return run(truths, htmlDir, heap);
        }
    }

    private ExtractionReport run(List<Path> truths, Path htmlDir, HeapWatch heap) throws IOException {
        List<ExtractionReport.PageScore> pages = new ArrayList<>();
        int withTotal = 0;
        int withFound = 0;
        int withFoundFolded = 0;
        int withInPage = 0;
        int withoutTotal = 0;
        int withoutExcluded = 0;
        long nanos = 0;
        long cpuNanos = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Path truthFile : truths) {
            String id = truthFile.getFileName().toString().replace(".json", "");
            if (!pageFilter.test(number(id))) {
                continue;
            }
            Path htmlFile = htmlDir.resolve(id + ".html.gz");
            if (!Files.exists(htmlFile)) {
                continue;
            }
            JsonNode truth = JSON.readTree(truthFile.toFile());
            JsonNode gt = truth.path("ground_truth");
            String url = truth.path("url").asText("");
            String type =
                    truth.path("_internal").path("page_type").path("primary").asText("unknown");
            byte[] html = gunzip(htmlFile);
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            String predicted = extractText(html, url);
            nanos += System.nanoTime() - start;
            cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
            WordOverlap score =
                    WordOverlap.score(predicted, gt.path("main_content").asText(""));
            pages.add(new ExtractionReport.PageScore(id, type, url, score.precision(), score.recall(), score.f1()));
            String normalized = WordOverlap.normalize(predicted);
            String folded = WordOverlap.fold(predicted);
            String wholePage = gt.path("with").isEmpty() ? "" : WordOverlap.normalize(pageText(html, url));
            for (JsonNode snippet : gt.path("with")) {
                withTotal++;
                String wanted = WordOverlap.normalize(snippet.asText());
                boolean found = normalized.contains(wanted);
                if (found) {
                    withFound++;
                }
                if (found || wholePage.contains(wanted)) {
                    withInPage++; // found counts too: text declared in JSON-LD is not in the body
                }
                if (folded.contains(WordOverlap.fold(snippet.asText()))) {
                    withFoundFolded++;
                }
            }
            for (JsonNode snippet : gt.path("without")) {
                withoutTotal++;
                if (!normalized.contains(WordOverlap.normalize(snippet.asText()))) {
                    withoutExcluded++;
                }
            }
        }
        Map<String, List<ExtractionReport.PageScore>> grouped = new TreeMap<>();
        for (ExtractionReport.PageScore p : pages) {
            grouped.computeIfAbsent(p.type(), t -> new ArrayList<>()).add(p);
        }
        Map<String, ExtractionReport.Scores> byType = new TreeMap<>();
        grouped.forEach((type, list) -> byType.put(type, mean(list)));
        List<ExtractionReport.PageScore> worst = pages.stream()
                .sorted(Comparator.comparingDouble(ExtractionReport.PageScore::f1)
                        .thenComparing(ExtractionReport.PageScore::file))
                .limit(10)
                .toList();
        double seconds = nanos / 1e9;
        return new ExtractionReport(
                mean(pages),
                byType,
                withTotal == 0 ? 1 : (double) withFound / withTotal,
                withTotal == 0 ? 1 : (double) withFoundFolded / withTotal,
                withTotal == 0 ? 1 : (double) withInPage / withTotal,
                withoutTotal == 0 ? 1 : (double) withoutExcluded / withoutTotal,
                withTotal,
                withoutTotal,
                seconds == 0 ? 0 : pages.size() / seconds,
                cpuNanos <= 0 ? 0 : pages.size() / (cpuNanos / 1e9),
                new ExtractionReport.Heap(heap.peakLive(), heap.peakUsed(), HeapWatch.limit()),
                worst,
                pages);
    }

    /** The page's text as the extract stage gives it; a page it cannot read scores as empty. */
    private String extractText(byte[] html, String url) {
        try {
            return extractor
                    .extract(FetchResult.ofBytes(pageUri(url), HTML, html))
                    .text();
        } catch (ExtractionException e) {
            return "";
        }
    }

    /**
     * All the text of the page's body, hidden parts included (not timed): a {@code with} snippet
     * missing even from this is one no extractor can return word for word (the labels fold
     * typography on some pages, and some pages render their text with a script).
     */
    private static String pageText(byte[] html, String url) {
        try {
            Element body = Jsoup.parse(
                            new ByteArrayInputStream(html), null, pageUri(url).toString())
                    .body();
            return body == null ? "" : body.text();
        } catch (IOException e) {
            return "";
        }
    }

    /** The page's URL as a URI; a placeholder when the data set gives none usable. */
    static URI pageUri(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() ? uri : URI.create("https://example.invalid/");
        } catch (URISyntaxException e) {
            return URI.create("https://example.invalid/");
        }
    }

    /** The extractor the eval measures by default: the extract stage with comments excluded. */
    public static Extractor defaultExtractor() {
        return new Extractor(Config.defaults().extractor());
    }

    private static ExtractionReport.Scores mean(List<ExtractionReport.PageScore> pages) {
        double p = 0;
        double r = 0;
        double f = 0;
        for (ExtractionReport.PageScore s : pages) {
            p += s.precision();
            r += s.recall();
            f += s.f1();
        }
        int n = Math.max(1, pages.size());
        return new ExtractionReport.Scores(pages.size(), p / n, r / n, f / n);
    }

    private static int number(String id) {
        try {
            return Integer.parseInt(id.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
