package dev.mcpweb.cache;

/** A store operation failed; {@code damaged} when the store cannot be used again and must be replaced. */
final class StoreException extends Exception {
    private final boolean damaged;

    StoreException(String message, boolean damaged, Throwable cause) {
        super(message, cause);
        this.damaged = damaged;
    }

    boolean damaged() {
        return damaged;
    }
}
