package dev.mcpweb.summarize;

import java.util.List;

/**
 * A finished summary: Markdown citing {@code [n]} against {@code sources}, statistics, and warnings
 * the user must see (missing sections, suspected prompt injection, cut input).
 */
public record Summary(String markdown, List<SourceRef> sources, SummaryStats stats, List<String> warnings) {
    public Summary {
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
    }

    /** Entry {@code number} of the numbered source list. */
    public record SourceRef(int number, String title, String url) {}
}
