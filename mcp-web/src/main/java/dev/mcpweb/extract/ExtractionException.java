package dev.mcpweb.extract;

/** Input that cannot be turned into text (unsupported binary, unreadable PDF, a script-rendered shell); the message says why. */
public sealed class ExtractionException extends Exception permits ScriptRenderedException {
    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
