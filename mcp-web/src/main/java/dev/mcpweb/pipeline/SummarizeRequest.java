package dev.mcpweb.pipeline;

import dev.mcpweb.config.MapMode;
import dev.mcpweb.config.RenderConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A summary asked for by a user: sources (URLs or allowed file paths), an optional query, and
 * optional overrides of the configured length (words), map mode, render mode and LLM-call budget
 * (which may only be lower than {@code summarizer.max_llm_calls}).
 */
public record SummarizeRequest(
        List<String> sources,
        Optional<String> query,
        OptionalInt maxLengthWords,
        Optional<MapMode> mode,
        Optional<RenderConfig.Mode> render,
        OptionalInt maxLlmCalls) {
    public SummarizeRequest {
        sources = List.copyOf(sources);
    }

    /** A request within the configured LLM-call budget. */
    public SummarizeRequest(
            List<String> sources,
            Optional<String> query,
            OptionalInt maxLengthWords,
            Optional<MapMode> mode,
            Optional<RenderConfig.Mode> render) {
        this(sources, query, maxLengthWords, mode, render, OptionalInt.empty());
    }

    /** A request that renders as {@code render.mode} says. */
    public SummarizeRequest(
            List<String> sources, Optional<String> query, OptionalInt maxLengthWords, Optional<MapMode> mode) {
        this(sources, query, maxLengthWords, mode, Optional.empty());
    }
}
