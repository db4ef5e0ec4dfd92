package dev.mcpweb.search;

/**
 * A search that could not be made, with a message a user can act on: {@link Kind#INVALID} (an empty
 * query), {@link Kind#NOT_CONFIGURED} (no
 * provider, or one without its URL or key), {@link Kind#REFUSED} (the provider refused the key or the
 * request) or {@link Kind#FAILED} (unreachable, slow, a server error or an answer that is not results).
 */
public final class SearchException extends Exception {
    /** Whose fault it is, as far as the user can tell. */
    public enum Kind {
        INVALID,
        NOT_CONFIGURED,
        REFUSED,
        FAILED
    }

    private final Kind kind;

    SearchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
