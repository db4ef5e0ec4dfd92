package dev.mcpweb.crawl;

import dev.mcpweb.config.MapMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A crawl asked for: the start URL, the query it should answer, per-call budgets (each defaults to its
 * {@code crawl.*} option and is held under the configured cap), the scope, and the summary's length, map
 * mode and LLM-call budget (held under {@code summarizer.max_llm_calls}).
 */
public record CrawlRequest(
        String url,
        String query,
        OptionalInt maxPages,
        OptionalInt maxDepth,
        Optional<Duration> maxTime,
        OptionalLong maxBytes,
        Scope.Kind scope,
        List<String> include,
        List<String> exclude,
        OptionalInt maxLengthWords,
        Optional<MapMode> mode,
        OptionalInt maxLlmCalls) {
    public CrawlRequest {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** A crawl of {@code url} for {@code query} with every default. */
    public static CrawlRequest of(String url, String query) {
        return new CrawlRequest(
                url,
                query,
                OptionalInt.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                Scope.Kind.DOMAIN,
                List.of(),
                List.of(),
                OptionalInt.empty(),
                Optional.empty(),
                OptionalInt.empty());
    }
}
