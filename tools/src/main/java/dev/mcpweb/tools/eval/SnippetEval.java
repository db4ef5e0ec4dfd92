package dev.mcpweb.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.document.Document;
import dev.mcpweb.extract.ExtractionException;
import dev.mcpweb.extract.Extractor;
import dev.mcpweb.fetch.FetchResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Scores an extractor on a data set in Trafilatura's evaluation format ({@code evaldata.json} keyed by URL,
 * each entry naming its page in {@code html/FILE.gz} with {@code with} and {@code without} segments), the
 * way Trafilatura scores itself: white space collapsed on both sides, each segment a case-sensitive
 * substring test of the plain text; counts summed over all pages (micro average). A page that fails to
 * extract misses all its {@code with} segments.
 */
public final class SnippetEval {
    /** The name of the file that marks a data set in this format. */
    public static final String INDEX = "evaldata.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Extractor extractor;
    private final IntPredicate pageFilter;

    public SnippetEval(Extractor extractor, IntPredicate pageFilter) {
        this.extractor = extractor;
        this.pageFilter = pageFilter;
    }

    /** True when {@code dataset} is in this format. */
    public static boolean recognises(Path dataset) {
        return Files.isRegularFile(dataset.resolve(INDEX));
    }

    public SnippetReport run(Path dataset) throws IOException {
        JsonNode index = JSON.readTree(dataset.resolve(INDEX).toFile());
        // Pages in the order of their file names, so that --pages even|odd splits the same way every time.
        Map<String, Map.Entry<String, JsonNode>> byFile = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            byFile.put(entry.getValue().path("file").asText(entry.getKey()), entry);
        }
        List<SnippetReport.Page> pages = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuNanos = 0;
        int position = 0;
        for (Map.Entry<String, Map.Entry<String, JsonNode>> page : byFile.entrySet()) {
            if (!pageFilter.test(position++)) {
                continue;
            }
            String url = page.getValue().getKey();
            JsonNode labels = page.getValue().getValue();
            Path html = dataset.resolve("html").resolve(page.getKey() + ".gz");
            long cpuStart = threads.getCurrentThreadCpuTime();
            Extracted extracted = Files.exists(html) ? extract(ExtractionEval.gunzip(html), url) : Extracted.FAILED;
            cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
            pages.add(score(page.getKey(), url, extracted, labels));
        }
        return report(pages, cpuNanos);
    }

    private record Extracted(String text, String language) {
        static final Extracted FAILED = new Extracted("", "unknown");
    }

    private Extracted extract(byte[] html, String url) {
        try {
            Document doc = extractor.extract(FetchResult.ofBytes(ExtractionEval.pageUri(url), "text/html", html));
            String language = doc.metadata()
                    .language()
                    .map(tag -> tag.toLowerCase(Locale.ROOT).split("[-_]")[0])
                    .filter(tag -> !tag.isBlank())
                    .orElse("unknown");
            return new Extracted(doc.text(), language);
        } catch (ExtractionException e) {
            return Extracted.FAILED;
        }
    }

    private static SnippetReport.Page score(String file, String url, Extracted extracted, JsonNode labels) {
        String text = collapse(extracted.text());
        int withFound = 0;
        List<String> missed = new ArrayList<>();
        List<String> leaked = new ArrayList<>();
        for (JsonNode segment : labels.path("with")) {
            String wanted = collapse(segment.asText());
            if (text.contains(wanted)) {
                withFound++;
            } else {
                missed.add(wanted);
            }
        }
        int withoutExcluded = 0;
        for (JsonNode segment : labels.path("without")) {
            String wanted = collapse(segment.asText());
            if (text.contains(wanted)) {
                leaked.add(wanted);
            } else {
                withoutExcluded++;
            }
        }
        SnippetReport.Counts counts =
                new SnippetReport.Counts(1, withFound, missed.size(), leaked.size(), withoutExcluded);
        return new SnippetReport.Page(file, url, extracted.language(), counts, leaked, missed);
    }

    private static SnippetReport report(List<SnippetReport.Page> pages, long cpuNanos) {
        SnippetReport.Counts overall = SnippetReport.Counts.ZERO;
        Map<String, SnippetReport.Counts> byLanguage = new TreeMap<>();
        for (SnippetReport.Page page : pages) {
            overall = overall.plus(page.counts());
            byLanguage.merge(page.language(), page.counts(), SnippetReport.Counts::plus);
        }
        List<SnippetReport.Page> worst = pages.stream()
                .filter(p -> p.counts().falsePositives() > 0)
                .sorted(Comparator.comparingInt(
                                (SnippetReport.Page p) -> p.counts().falsePositives())
                        .reversed()
                        .thenComparing(SnippetReport.Page::file))
                .limit(10)
                .toList();
        double cpuSeconds = cpuNanos / 1e9;
        return new SnippetReport(overall, byLanguage, worst, pages, cpuSeconds <= 0 ? 0 : pages.size() / cpuSeconds);
    }

    /** Runs of white space to one space, ends trimmed. */
    static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
