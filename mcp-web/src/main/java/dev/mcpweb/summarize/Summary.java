package dev.mcpweb.summarize;

import java.util.List;

/**
 * A finished summary: Markdown citing {@code [n]} against {@code sources}, statistics, and warnings
 * the user must see (missing sections, suspected prompt injection, cut input).
 */
public record Summary(
        String markdown,
        List<SourceRef> sources,
        SummaryStats stats,
        List<String> warnings,
        List<Duplicate> duplicates) {
    public Summary {
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
        duplicates = List.copyOf(duplicates);
    }

    /** A summary whose sources had no duplicates. */
    public Summary(String markdown, List<SourceRef> sources, SummaryStats stats, List<String> warnings) {
        this(markdown, sources, stats, warnings, List.of());
    }

    /** This summary with {@code copies} listed, in the Markdown after the source list too. */
    public Summary withDuplicates(List<Duplicate> copies) {
        if (copies.isEmpty()) {
            return this;
        }
        StringBuilder note = new StringBuilder("\n**Duplicates left out**\n\n");
        for (Duplicate c : copies) {
            note.append("- ").append(c.url()).append(" (").append(c.status()).append(")\n");
        }
        return new Summary(markdown + note, sources, stats, warnings, copies);
    }

    /** Entry {@code number} of the numbered source list. */
    public record SourceRef(int number, String title, String url) {}

    /** A source left out as a copy of source {@code of}, which the summary cites instead. */
    public record Duplicate(String title, String url, int of) {
        public String status() {
            return "duplicate of " + of;
        }
    }
}
