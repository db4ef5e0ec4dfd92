package dev.mcpweb.llm;

/** A failed LLM call; the message says what to fix (never containing an API key). */
public final class LlmException extends Exception {
    /** Why the call failed, which decides whether it is worth retrying. */
    public enum Kind {
        /** 429, 5xx, timeouts, dropped connections, cut streams: worth retrying. */
        TRANSIENT,
        /** 400, 401, 403, 404 and other answers a retry will not change. */
        PERMANENT,
        /** The caller cancelled or the deadline passed. */
        CANCELLED
    }

    private final Kind kind;
    private final int status;

    public LlmException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public LlmException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }
}
