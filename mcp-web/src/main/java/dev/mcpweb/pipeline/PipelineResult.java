package dev.mcpweb.pipeline;

import dev.mcpweb.summarize.Summary;
import java.util.List;

/** A summary of the sources that could be read, and what happened to those that could not. */
public record PipelineResult(Summary summary, List<SourceFailure> failures) {
    public PipelineResult {
        failures = List.copyOf(failures);
    }
}
