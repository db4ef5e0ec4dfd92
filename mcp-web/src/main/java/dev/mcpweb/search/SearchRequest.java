package dev.mcpweb.search;

import dev.mcpweb.config.MapMode;
import dev.mcpweb.config.RenderConfig;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A web search asked for by a user: the query, how many results (the configured {@code
 * search.max_results} when empty), an optional language code, and whether to read the results and
 * answer the query from them, with the summary's length, map mode and render mode.
 */
public record SearchRequest(
        String query,
        OptionalInt maxResults,
        Optional<String> language,
        boolean summarize,
        OptionalInt maxLengthWords,
        Optional<MapMode> mode,
        Optional<RenderConfig.Mode> render) {

    /** A search for {@code query} with the configured number of results and no summary. */
    public static SearchRequest of(String query) {
        return new SearchRequest(
                query,
                OptionalInt.empty(),
                Optional.empty(),
                false,
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** This request, reading the results and answering from them. */
    public SearchRequest summarized() {
        return new SearchRequest(query, maxResults, language, true, maxLengthWords, mode, render);
    }
}
