package dev.mcpweb.search;

import dev.mcpweb.pipeline.PipelineResult;
import java.util.List;
import java.util.Optional;

/**
 * What a search came to: the provider's results after URL normalization (numbered, duplicates and
 * non-web URLs set aside in {@link #skipped()}), warnings for titles and snippets that address an AI
 * (the provider's text is as hostile as a page's), and, when a summary was asked for, the pipeline's
 * answer from them or why there is none.
 */
public record SearchReport(
        String query,
        String provider,
        List<Result> results,
        List<Skipped> skipped,
        List<String> warnings,
        Optional<PipelineResult> answer,
        Optional<String> answerFailure) {

    public SearchReport {
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /**
     * Result {@code number} (1-based, in the provider's order), its normalized URL, and, when it was read
     * for a summary, what happened to it: {@code summarized} as {@code source} n, {@code duplicate}, or
     * why it could not be read ({@code refused}, {@code failed}, {@code unreadable}, with the reason).
     */
    public record Result(
            int number,
            String title,
            String url,
            String snippet,
            int providerRank,
            Optional<String> status,
            Optional<String> reason,
            Optional<Integer> source) {

        Result read(String status, Optional<String> reason, Optional<Integer> source) {
            return new Result(number, title, url, snippet, providerRank, Optional.of(status), reason, source);
        }
    }

    /** A result left out: not an http(s) URL, or the same page as an earlier result once normalized. */
    public record Skipped(String url, int providerRank, String reason) {}
}
