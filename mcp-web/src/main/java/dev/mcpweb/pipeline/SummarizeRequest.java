package dev.mcpweb.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A summary asked for by a user: sources (URLs or allowed file paths), an optional query, and
 * optional overrides of the configured length (words) and map mode.
 */
public record SummarizeRequest(
        List<String> sources, Optional<String> query, OptionalInt maxLengthWords, Optional<String> mode) {
    public SummarizeRequest {
        sources = List.copyOf(sources);
    }
}
