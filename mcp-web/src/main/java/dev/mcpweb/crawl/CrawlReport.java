package dev.mcpweb.crawl;

import dev.mcpweb.summarize.Summary;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A crawl's answer: the cited summary of the pages that answer the query (none when no page read does),
 * every URL it met with what happened to it, what it spent against each budget, and why it stopped.
 */
public record CrawlReport(Optional<Summary> summary, List<Visit> visits, Spent spent, String stoppedBecause) {
    public CrawlReport {
        visits = List.copyOf(visits);
    }

    /** What a crawl used of its budgets, and the budgets themselves. */
    public record Spent(
            int pagesRead,
            int maxPages,
            int deepest,
            int maxDepth,
            long bytes,
            long maxBytes,
            Duration elapsed,
            Duration maxTime) {}
}
