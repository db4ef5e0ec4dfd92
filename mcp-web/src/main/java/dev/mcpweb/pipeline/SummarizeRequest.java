package dev.mcpweb.pipeline;

import dev.mcpweb.config.MapMode;
import dev.mcpweb.config.RenderConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A summary asked for by a user: sources (URLs or allowed file paths), an optional query, and
 * optional overrides of the configured length (words), map mode and render mode.
 */
public record SummarizeRequest(
        List<String> sources,
        Optional<String> query,
        OptionalInt maxLengthWords,
        Optional<MapMode> mode,
        Optional<RenderConfig.Mode> render) {
    public SummarizeRequest {
        sources = List.copyOf(sources);
    }

    /** A request that renders as {@code render.mode} says. */
    public SummarizeRequest(
            List<String> sources, Optional<String> query, OptionalInt maxLengthWords, Optional<MapMode> mode) {
        this(sources, query, maxLengthWords, mode, Optional.empty());
    }
}
