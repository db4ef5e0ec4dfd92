package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpweb.pipeline.FailureKind;
import dev.mcpweb.pipeline.PipelineResult;
import dev.mcpweb.pipeline.RenderNote;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** A summary of several sources: the {@code summarize_urls} tool and {@code mcp-web summarize --json}. */
public record SummaryResult(
        @JsonPropertyDescription("The summary in Markdown, citing its sources as [n].")
        String summary,

        @JsonPropertyDescription("The numbered sources the summary cites.")
        List<Source> sources,

        @JsonPropertyDescription("URLs of the sources found by following links out of the given pages (follow_links);"
                + " they are cited like the others, after them.")
        List<String> followed,

        @JsonPropertyDescription("Sources left out as copies of a cited source (same page after URL normalization, or"
                + " near-identical text): status says which.")
        List<Duplicate> duplicates,

        @JsonPropertyDescription("Sources that could not be read, and why; the summary covers the others.")
        List<Failure> failures,

        @JsonPropertyDescription("Every source given or followed, in one list with what became of it: read (cited as"
                + " number), duplicate of n, refused by robots, refused: why, failed: why.")
        List<SourceStatus> sourceStatus,

        @JsonPropertyDescription("What the reader must know: sections missing, input cut, suspected prompt injection,"
                + " a page written by JavaScript that could not be rendered.")
        List<String> warnings,

        @JsonPropertyDescription("Sources read through headless Chromium, or marked as written by JavaScript, and why.")
        List<Rendered> rendered,

        Stats stats) {

    public SummaryResult {
        sources = List.copyOf(sources);
        followed = List.copyOf(followed);
        duplicates = List.copyOf(duplicates);
        failures = List.copyOf(failures);
        sourceStatus = List.copyOf(sourceStatus);
        warnings = List.copyOf(warnings);
        rendered = List.copyOf(rendered);
    }

    public static SummaryResult of(PipelineResult result) {
        Summary summary = result.summary();
        SummaryStats s = summary.stats();
        return new SummaryResult(
                summary.markdown(),
                summary.sources().stream()
                        .map(r -> new Source(r.number(), r.title(), r.url()))
                        .toList(),
                result.followed(),
                duplicates(summary),
                result.failures().stream()
                        .map(f -> new Failure(f.source(), f.kind(), f.message()))
                        .toList(),
                sourceStatus(result),
                Stream.concat(result.reads().stream().flatMap(r -> r.warnings().stream()), summary.warnings().stream())
                        .toList(),
                result.reads().stream()
                        .filter(r ->
                                r.render().rendered() || r.render().signal().isPresent())
                        .map(r -> new Rendered(r.document().url().toString(), r.render()))
                        .toList(),
                stats(s));
    }

    /** Each source's fate, cited ones first in citation order, then copies, then those not read. */
    static List<SourceStatus> sourceStatus(PipelineResult result) {
        Summary summary = result.summary();
        Set<String> followed = Set.copyOf(result.followed());
        List<SourceStatus> all = new ArrayList<>();
        summary.sources()
                .forEach(r -> all.add(new SourceStatus(
                        r.url(), Optional.of(r.title()), "read", Optional.of(r.number()), followed.contains(r.url()))));
        summary.duplicates()
                .forEach(d -> all.add(new SourceStatus(
                        d.url(), Optional.of(d.title()), d.status(), Optional.empty(), followed.contains(d.url()))));
        result.failures()
                .forEach(f -> all.add(new SourceStatus(
                        f.source(),
                        Optional.empty(),
                        f.kind() == FailureKind.REFUSED && f.message().contains("robots.txt")
                                ? "refused by robots"
                                : (f.kind() == FailureKind.REFUSED ? "refused: " : "failed: ") + f.message(),
                        Optional.empty(),
                        f.message().startsWith("followed link: "))));
        return all;
    }

    /** The sources {@code summary} left out as copies. */
    static List<Duplicate> duplicates(Summary summary) {
        return summary.duplicates().stream()
                .map(d -> new Duplicate(d.title(), d.url(), d.status(), d.of()))
                .toList();
    }

    /** How {@code s} was made, as the results report it. */
    static Stats stats(SummaryStats s) {
        return new Stats(
                s.provider(),
                s.model(),
                s.mode(),
                s.chunks(),
                s.llmCalls(),
                s.retries(),
                s.inputTokens(),
                s.outputTokens(),
                s.elapsed().toMillis());
    }

    /** One source given or followed, and what became of it. */
    public record SourceStatus(
            String url,
            Optional<String> title,

            @JsonPropertyDescription("read; duplicate of n; refused by robots; refused: why; failed: why.")
            String status,

            @JsonPropertyDescription("Its number in the sources when the summary cites it.")
            Optional<Integer> source,

            @JsonPropertyDescription("Whether it was found by following a link out of a given page (follow_links).")
            boolean followed) {}

    /** A source and how it was rendered. */
    public record Rendered(String url, RenderNote render) {}

    /** Entry {@code number} of the numbered source list. */
    public record Source(int number, String title, String url) {}

    /** A source read but left out of the summary as a copy of source {@code of}. */
    public record Duplicate(
            String title,
            String url,

            @JsonPropertyDescription("\"duplicate of n\": source n is the copy the summary cites.")
            String status,

            int of) {}

    /** A source that could not be read. */
    public record Failure(
            String source,

            @JsonPropertyDescription("refused (policy), failed (network, HTTP) or unreadable (extraction).")
            FailureKind kind,

            String message) {}

    /** How the summary was made. */
    public record Stats(
            @JsonPropertyDescription("Who summarized: an LLM provider, sampling (the client's model) or extractive.")
            String provider,

            String model,

            @JsonPropertyDescription("single (one call), parallel, streaming or sequential map-reduce, or extractive.")
            String mode,

            int chunks,
            int llmCalls,
            int retries,
            long inputTokens,
            long outputTokens,
            long elapsedMs) {}
}
