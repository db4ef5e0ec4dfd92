package dev.mcpweb.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.document.Document;
import dev.mcpweb.summarize.Summarizer;
import dev.mcpweb.summarize.SummaryException;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import dev.mcpweb.summarize.extractive.ExtractiveSummarizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scores query-focused summaries against a QA file (one JSON object a line: {@code id}, {@code
 * file}, {@code query}, {@code answer[]}, {@code distractor}, and optionally {@code dataset}, the data
 * set the page is in, and {@code split}, the part of the file it belongs to) over one or more data
 * sets (see {@link EvalPages}). For each item the page is extracted once, summarized for the query,
 * and checked: does the summary contain every answer phrase, and does it leave the distractor out
 * (both case-insensitive, white space collapsed, Markdown code marks ignored). Figures are given for
 * all items and for each split (or, without splits, each half of the file). Times are the CPU time of
 * the summarizing thread for the summary alone (extraction excluded), after one untimed warm-up pass,
 * so that other work on the machine does not inflate them.
 */
public final class SummaryEvaluation {
    /** What to evaluate: the extractive summarizer, or one of the two baselines. */
    public enum System {
        EXTRACTIVE,
        LEAD,
        BM25
    }

    /** One question of the QA file. */
    public record Item(
            String id,
            Optional<String> dataset,
            String file,
            Optional<String> split,
            String query,
            List<String> answers,
            String distractor) {}

    /** How one item went. */
    public record ItemResult(
            String id,
            String part,
            boolean answerInPage,
            boolean distractorInPage,
            boolean answerFound,
            boolean distractorLeftOut,
            double millis,
            String summary) {}

    /** The shares over one part of the items: a split of the file, or all of it. */
    public record Part(String name, int items, double answerFound, double distractorLeftOut) {}

    /**
     * The figures: shares over all items and over each part, the share of items whose page holds every
     * answer phrase and the distractor, the median, 95th and 99th percentile time, and for the
     * extractive summarizer the share of mismatched questions (each page asked another page's question)
     * that it reports as unanswered.
     */
    public record Report(
            String system,
            String extractor,
            int maxLength,
            Part overall,
            List<Part> parts,
            double answerInPage,
            double distractorInPage,
            double medianMillis,
            double p95Millis,
            double p99Millis,
            Optional<Double> mismatchedQueriesUnanswered,
            List<ItemResult> results) {}

    /** Where the page text comes from. */
    public enum Source {
        /** The page's HTML, through the extractor. */
        HTML,
        /** The data set's ground-truth main content (plain text): the summarizer alone, without extraction errors. */
        GROUND_TRUTH
    }

    static final String EXTRACTOR = "extract.Extractor";

    private final EvalPages pages;
    private final Source source;

    public SummaryEvaluation(List<Path> datasets, Source source) {
        this.pages = new EvalPages(datasets, source == Source.GROUND_TRUTH);
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
                    optional(node, "dataset"),
                    node.path("file").asText(),
                    optional(node, "split"),
                    node.path("query").asText(),
                    answers,
                    node.path("distractor").asText()));
        }
        return items;
    }

    private static Optional<String> optional(JsonNode node, String field) {
        return Optional.of(node.path(field).asText("")).filter(s -> !s.isBlank());
    }

    public Report run(List<Item> items, System system, int maxLength) throws IOException, SummaryException {
        Summarizer summarizer =
                system == System.BM25 ? ExtractiveSummarizer.bm25Baseline() : new ExtractiveSummarizer();
        for (Item item : items) { // extraction first, and a warm-up pass, both untimed
            summarize(summarizer, system, page(item), item.query(), maxLength);
        }
        List<String> partOf = partNames(items);
        List<ItemResult> results = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int inPage = 0;
        int distractorInPage = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Document page = page(item);
            long start = threads.getCurrentThreadCpuTime();
            String summary = summarize(summarizer, system, page, item.query(), maxLength);
            double millis = (threads.getCurrentThreadCpuTime() - start) / 1e6;
            String text = normalize(page.text());
            boolean answerThere = containsAll(text, item.answers());
            boolean distractorThere = text.contains(normalize(item.distractor()));
            inPage += answerThere ? 1 : 0;
            distractorInPage += distractorThere ? 1 : 0;
            String seen = normalize(summary);
            results.add(new ItemResult(
                    item.id(),
                    partOf.get(i),
                    answerThere,
                    distractorThere,
                    containsAll(seen, item.answers()),
                    !seen.contains(normalize(item.distractor())),
                    millis,
                    summary));
        }
        Map<String, List<ItemResult>> byPart = new LinkedHashMap<>();
        for (ItemResult r : results) {
            byPart.computeIfAbsent(r.part(), k -> new ArrayList<>()).add(r);
        }
        double[] times =
                results.stream().mapToDouble(ItemResult::millis).sorted().toArray();
        Optional<Double> unanswered =
                system == System.EXTRACTIVE ? Optional.of(mismatchedUnanswered(items, maxLength)) : Optional.empty();
        int n = Math.max(1, items.size());
        return new Report(
                system.name().toLowerCase(Locale.ROOT),
                source == Source.HTML ? EXTRACTOR : "none: ground-truth main content",
                maxLength,
                part("all", results),
                byPart.entrySet().stream()
                        .map(e -> part(e.getKey(), e.getValue()))
                        .toList(),
                (double) inPage / n,
                (double) distractorInPage / n,
                percentile(times, 0.5),
                percentile(times, 0.95),
                percentile(times, 0.99),
                unanswered,
                results);
    }

    /** Each item's part: its split, or without splits the half of the file it is in. */
    private static List<String> partNames(List<Item> items) {
        boolean split = items.stream().anyMatch(i -> i.split().isPresent());
        List<String> names = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            names.add(
                    split
                            ? items.get(i).split().orElse("none")
                            : (i < items.size() / 2 ? "first half" : "second half"));
        }
        return names;
    }

    private Document page(Item item) throws IOException {
        return pages.page(item.dataset(), item.file());
    }

    private static boolean containsAll(String normalized, List<String> phrases) {
        return phrases.stream().allMatch(a -> normalized.contains(normalize(a)));
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
                    new SummaryRequest(List.of(page(page)), Optional.of(other.query()), maxLength),
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

    /** Lower case, code marks removed, white space collapsed: what a reader compares. */
    static String normalize(String s) {
        return s.replace("`", "")
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT)
                .strip();
    }

    private static Part part(String name, List<ItemResult> results) {
        int n = Math.max(1, results.size());
        return new Part(
                name,
                results.size(),
                (double) results.stream().filter(ItemResult::answerFound).count() / n,
                (double) results.stream().filter(ItemResult::distractorLeftOut).count() / n);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
