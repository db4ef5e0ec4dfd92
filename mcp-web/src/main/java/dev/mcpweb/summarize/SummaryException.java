package dev.mcpweb.summarize;

/** A summary that could not be made at all; the message says what to do. */
public final class SummaryException extends Exception {
    public SummaryException(String message, Throwable cause) {
        super(message, cause);
    }

    public SummaryException(String message) {
        super(message);
    }
}
