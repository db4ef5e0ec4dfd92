package dev.mcpweb.pipeline;

/** A request the pipeline could not serve at all; {@code kind} as in {@link SourceFailure}, or {@code summary}. */
public final class PipelineException extends Exception {
    private final String kind;

    public PipelineException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public PipelineException(String kind, String message) {
        this(kind, message, null);
    }

    public String kind() {
        return kind;
    }
}
