package dev.mcpweb.pipeline;

import dev.mcpweb.summarize.Summary;
import java.util.List;

/**
 * A summary of the sources that could be read, how each was read (rendered or not, and what the reader
 * must know), what happened to those that could not, and which sources were found by following links
 * (their URLs) rather than given.
 */
public record PipelineResult(
        Summary summary, List<SourceFailure> failures, List<SourceRead> reads, List<String> followed) {
    public PipelineResult {
        failures = List.copyOf(failures);
        reads = List.copyOf(reads);
        followed = List.copyOf(followed);
    }

    /** A result of the given sources alone. */
    public PipelineResult(Summary summary, List<SourceFailure> failures, List<SourceRead> reads) {
        this(summary, failures, reads, List.of());
    }
}
