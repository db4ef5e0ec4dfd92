package dev.mcpweb.pipeline;

import dev.mcpweb.summarize.Summary;
import java.util.List;

/**
 * A summary of the sources that could be read, how each was read (rendered or not, and what the reader
 * must know), and what happened to those that could not.
 */
public record PipelineResult(Summary summary, List<SourceFailure> failures, List<SourceRead> reads) {
    public PipelineResult {
        failures = List.copyOf(failures);
        reads = List.copyOf(reads);
    }
}
