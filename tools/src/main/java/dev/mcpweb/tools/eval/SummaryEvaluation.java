package dev.mcpweb.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.extract.html.MainContent;
import dev.mcpweb.extract.html.MainContentExtractor;
import dev.mcpweb.summarize.Summarizer;
import dev.mcpweb.summarize.SummaryException;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import dev.mcpweb.summarize.extractive.ExtractiveSummarizer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Scores query-focused summaries against a QA file (one JSON object a line: {@code id}, {@code
 * file}, {@code query}, {@code answer[]}, {@code distractor}) over a WCXB-style data set ({@code
 * DIR/html/<file>.html.gz}). For each item the page is extracted once, summarized for the query,
 * and checked: does the summary contain every answer phrase, and does it leave the distractor out
 * (both case-insensitive, white space collapsed, Markdown code marks ignored). Times are the CPU
 * time of the summarizing thread for the summary alone (extraction excluded), after one untimed
 * warm-up pass, so that other work on the machine does not inflate them.
 */
public final class SummaryEvaluation {
    /** What to evaluate: the extractive summarizer, or one of the two baselines. */
    public enum System {
        EXTRACTIVE,
        LEAD,
        BM25
    }

    /** One question of the QA file. */
    public record Item(String id, String file, String query, List<String> answers, String distractor) {}

    /** How one item went. */
    public record ItemResult(
            String id, boolean answerFound, boolean distractorLeftOut, double millis, String summary) {}

    /**
     * The figures: shares over all items and over each half of the file (in file order), the
     * median and 95th percentile time, and for the extractive summarizer the share of mismatched
     * questions (each page asked another page's question) that it reports as unanswered.
     */
    public record Report(
            String system,
            String extractor,
            int maxLength,
            int items,
            double answerInPage,
            double answerFound,
            double distractorLeftOut,
            double answerFoundFirstHalf,
            double answerFoundSecondHalf,
            double medianMillis,
            double p95Millis,
            Optional<Double> mismatchedQueriesUnanswered,
            List<ItemResult> results) {}

    /** Where the page text comes from. */
    public enum Source {
        /** The page's HTML, through the extractor. */
        HTML,
        /** The data set's ground-truth main content (plain text): the summarizer alone, without extraction errors. */
        GROUND_TRUTH
    }

    static final String EXTRACTOR = "extract.html.MainContentExtractor";

    private final Path dataset;
    private final Source source;
    private final Map<String, Document> pages = new HashMap<>();
    private final MainContentExtractor extractor = new MainContentExtractor();

    public SummaryEvaluation(Path dataset, Source source) {
        this.dataset = dataset;
        this.source = source;
    }

    public static List<Item> readItems(Path qaFile) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        for (String line : Files.readAllLines(qaFile)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            List<String> answers = new ArrayList<>();
            node.path("answer").forEach(a -> answers.add(a.asText()));
            items.add(new Item(
                    node.path("id").asText(),
                    node.path("file").asText(),
                    node.path("query").asText(),
                    answers,
                    node.path("distractor").asText()));
        }
        return items;
    }

    public Report run(List<Item> items, System system, int maxLength) throws IOException, SummaryException {
        Summarizer summarizer =
                system == System.BM25 ? ExtractiveSummarizer.bm25Baseline() : new ExtractiveSummarizer();
        for (Item item : items) {
            page(item.file());
        }
        for (Item item : items) { // warm-up, untimed
            summarize(summarizer, system, page(item.file()), item.query(), maxLength);
        }
        List<ItemResult> results = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Item item : items) {
            long start = threads.getCurrentThreadCpuTime();
            String summary = summarize(summarizer, system, page(item.file()), item.query(), maxLength);
            double millis = (threads.getCurrentThreadCpuTime() - start) / 1e6;
            String seen = normalize(summary);
            boolean found = item.answers().stream().allMatch(a -> seen.contains(normalize(a)));
            boolean leftOut = !seen.contains(normalize(item.distractor()));
            results.add(new ItemResult(item.id(), found, leftOut, millis, summary));
        }
        int half = results.size() / 2;
        double[] times =
                results.stream().mapToDouble(ItemResult::millis).sorted().toArray();
        Optional<Double> unanswered =
                system == System.EXTRACTIVE ? Optional.of(mismatchedUnanswered(items, maxLength)) : Optional.empty();
        return new Report(
                system.name().toLowerCase(Locale.ROOT),
                source == Source.HTML ? EXTRACTOR : "none: ground-truth main content",
                maxLength,
                results.size(),
                (double) items.stream().filter(this::answerInPage).count() / Math.max(1, items.size()),
                share(results),
                results.isEmpty()
                        ? 0
                        : (double) results.stream()
                                        .filter(ItemResult::distractorLeftOut)
                                        .count()
                                / results.size(),
                share(results.subList(0, half)),
                share(results.subList(half, results.size())),
                percentile(times, 0.5),
                percentile(times, 0.95),
                unanswered,
                results);
    }

    private boolean answerInPage(Item item) {
        try {
            Document page = page(item.file());
            String seen = normalize(page.text());
            return item.answers().stream().allMatch(a -> seen.contains(normalize(a)));
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks each page the question of an item about another page; the share reported as unanswered. */
    private double mismatchedUnanswered(List<Item> items, int maxLength) throws IOException {
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
        int asked = 0;
        int unanswered = 0;
        int n = items.size();
        for (int i = 0; i < n; i++) {
            Item page = items.get(i);
            Item other = items.get((i + n / 2) % n);
            if (other.file().equals(page.file())) {
                continue;
            }
            asked++;
            var summary = summarizer.summarize(
                    new SummaryRequest(List.of(page(page.file())), Optional.of(other.query()), maxLength),
                    SummaryListener.NONE);
            if (summary.warnings().stream().anyMatch(w -> w.contains("do not appear to answer"))) {
                unanswered++;
            }
        }
        return asked == 0 ? 0 : (double) unanswered / asked;
    }

    private static String summarize(Summarizer summarizer, System system, Document page, String query, int maxLength)
            throws SummaryException {
        if (system == System.LEAD) {
            String[] words = page.text().strip().split("\\s+");
            return String.join(" ", Arrays.asList(words).subList(0, Math.min(maxLength, words.length)));
        }
        return summarizer
                .summarize(new SummaryRequest(List.of(page), Optional.of(query), maxLength), SummaryListener.NONE)
                .markdown();
    }

    private Document page(String file) throws IOException {
        Document cached = pages.get(file);
        if (cached != null) {
            return cached;
        }
        Path html = dataset.resolve("html").resolve(file + ".html.gz");
        URI url = pageUrl(file).orElse(html.toUri());
        if (source == Source.GROUND_TRUTH) {
            JsonNode truth = new ObjectMapper()
                    .readTree(dataset.resolve("ground-truth")
                            .resolve(file + ".json")
                            .toFile())
                    .path("ground_truth");
            String text = truth.path("main_content").asText("");
            Optional<String> title = Optional.of(truth.path("title").asText("")).filter(t -> !t.isBlank());
            Document doc = new Document(url, metadata(title), text, text, List.of(), List.of(), List.of());
            pages.put(file, doc);
            return doc;
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(html))) {
            org.jsoup.nodes.Document parsed = Jsoup.parse(in, null, url.toString());
            MainContent content = extractor.extract(parsed, false);
            Optional<String> title = Optional.of(parsed.title().strip()).filter(t -> !t.isEmpty());
            Document doc = new Document(
                    url,
                    metadata(title),
                    content.markdown(),
                    content.text(),
                    content.contentLinks(),
                    List.of(),
                    content.codeBlocks());
            pages.put(file, doc);
            return doc;
        }
    }

    private static Metadata metadata(Optional<String> title) {
        return new Metadata(
                title,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private Optional<URI> pageUrl(String file) {
        Path truth = dataset.resolve("ground-truth").resolve(file + ".json");
        if (!Files.isRegularFile(truth)) {
            return Optional.empty();
        }
        try {
            String url = new ObjectMapper().readTree(truth.toFile()).path("url").asText("");
            return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Lower case, code marks removed, white space collapsed: what a reader compares. */
    static String normalize(String s) {
        return s.replace("`", "")
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT)
                .strip();
    }

    private static double share(List<ItemResult> results) {
        if (results.isEmpty()) {
            return 0;
        }
        return (double) results.stream().filter(ItemResult::answerFound).count() / results.size();
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
