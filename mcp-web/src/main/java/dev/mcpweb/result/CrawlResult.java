package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpweb.crawl.CrawlReport;
import dev.mcpweb.crawl.Visit;
import dev.mcpweb.summarize.Summary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A crawl for a query: the {@code crawl_site} tool and {@code mcp-web crawl --json}. */
public record CrawlResult(
        @JsonPropertyDescription(
                "The answer in Markdown, citing its sources as [n]; absent when no page read answers the query.")
        Optional<String> summary,

        @JsonPropertyDescription("The numbered sources the summary cites.")
        List<SummaryResult.Source> sources,

        @JsonPropertyDescription("Every URL the crawl met, in the order met, with what happened to it.")
        List<Page> pages,

        @JsonPropertyDescription("What the summary's reader must know: suspected prompt injection, input cut.")
        List<String> warnings,

        Budget budget,

        @JsonPropertyDescription("Why the crawl stopped: a budget spent, or no more links in scope.")
        String stoppedBecause,

        @JsonPropertyDescription("How the summary was made; absent without a summary.")
        Optional<SummaryResult.Stats> stats) {

    public CrawlResult {
        sources = List.copyOf(sources);
        pages = List.copyOf(pages);
        warnings = List.copyOf(warnings);
    }

    public static CrawlResult of(CrawlReport report) {
        Optional<Summary> summary = report.summary();
        List<SummaryResult.Source> sources = summary.map(s -> s.sources().stream()
                        .map(r -> new SummaryResult.Source(r.number(), r.title(), r.url()))
                        .toList())
                .orElse(List.of());
        Map<String, Integer> cited = sources.stream()
                .collect(Collectors.toMap(SummaryResult.Source::url, SummaryResult.Source::number, (a, b) -> a));
        CrawlReport.Spent spent = report.spent();
        return new CrawlResult(
                summary.map(Summary::markdown),
                sources,
                report.visits().stream().map(v -> Page.of(v, cited::get)).toList(),
                summary.map(Summary::warnings).orElse(List.of()),
                new Budget(
                        spent.pagesRead(),
                        spent.maxPages(),
                        spent.deepest(),
                        spent.maxDepth(),
                        spent.bytes(),
                        spent.maxBytes(),
                        spent.elapsed().toMillis(),
                        spent.maxTime().toMillis()),
                report.stoppedBecause(),
                summary.map(s -> SummaryResult.stats(s.stats())));
    }

    /** One URL the crawl met. */
    public record Page(
            String url,

            @JsonPropertyDescription("Links followed from the start page to reach it.")
            int depth,

            @JsonPropertyDescription(
                    "read; summarized (read and a source of the summary); duplicate (read, left out as a copy of a source: reason says which); refused_by_robots; failed (reason says why); out_of_scope.")
            Visit.Status status,

            Optional<String> reason,
            Optional<String> title,

            @JsonPropertyDescription("When it was fetched: 1 for the first page fetched; absent when not fetched.")
            Optional<Integer> fetchOrder,

            @JsonPropertyDescription("Its number in the sources when the summary cites it.")
            Optional<Integer> source,

            long bytes,

            @JsonPropertyDescription(
                    "BM25 of the query against the link's anchor and surrounding text, and its target's title when"
                            + " one was known before reading it, when it was chosen.")
            double linkScore,

            @JsonPropertyDescription(
                    "BM25 of the query against the page's text among the pages read; 0 when it shares no term.")
            double answerScore) {

        static Page of(Visit v, Function<String, Integer> cited) {
            return new Page(
                    v.url(),
                    v.depth(),
                    v.status(),
                    v.reason(),
                    v.title(),
                    v.order() > 0 ? Optional.of(v.order()) : Optional.empty(),
                    Optional.ofNullable(cited.apply(v.url())),
                    v.bytes(),
                    v.linkScore(),
                    v.answerScore());
        }
    }

    /** What the crawl spent of each budget, beside the budget. */
    public record Budget(
            int pagesRead,
            int maxPages,
            int deepest,
            int maxDepth,
            long bytes,
            long maxBytes,
            long elapsedMs,
            long maxTimeMs) {}
}
