package dev.mcpweb.pipeline;

import dev.mcpweb.config.MapMode;
import dev.mcpweb.llm.LlmProvider;

/**
 * Which summarizer serves one request, resolved once from the configuration, the request's mode and
 * the MCP client's model. Its {@link #identity()} is part of the summary cache key, so a summary is
 * only served to a request that would have been summarized the same way.
 */
sealed interface SummarizerChoice {
    /** An LLM, configured or the MCP client's, through map-reduce with the map phase in {@code mode}. */
    record Llm(LlmProvider provider, MapMode mode) implements SummarizerChoice {}

    /** The embedded extractive summarizer: no model, no mode. */
    record Extractive() implements SummarizerChoice {}

    /** Who summarizes and how: {@code provider/model/mode}, or {@code extractive}. */
    default String identity() {
        return switch (this) {
            case Llm llm ->
                llm.provider().name() + "/" + llm.provider().model() + "/"
                        + llm.mode().id();
            case Extractive e -> "extractive";
        };
    }
}
