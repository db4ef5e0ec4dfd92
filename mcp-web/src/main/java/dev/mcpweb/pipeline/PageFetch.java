package dev.mcpweb.pipeline;

import dev.mcpweb.fetch.FetchOutcome;
import java.util.List;

/**
 * One source fetched as a reader would see it: when the page was rendered, {@code outcome} holds the
 * rendered DOM in place of the body the server sent; {@code render} says whether and why.
 */
public record PageFetch(FetchOutcome outcome, RenderNote render, List<String> warnings) {
    public PageFetch {
        warnings = List.copyOf(warnings);
    }
}
