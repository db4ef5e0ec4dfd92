package dev.mcpweb.pipeline;

/** A request the pipeline could not serve at all, and why. */
public final class PipelineException extends Exception {
    private final FailureKind kind;

    public PipelineException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public PipelineException(FailureKind kind, String message) {
        this(kind, message, null);
    }

    public FailureKind kind() {
        return kind;
    }
}
