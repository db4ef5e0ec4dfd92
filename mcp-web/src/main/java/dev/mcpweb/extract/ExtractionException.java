package dev.mcpweb.extract;

/** Input that cannot be turned into text (unsupported binary, unreadable PDF); the message says why. */
public final class ExtractionException extends Exception {
    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
