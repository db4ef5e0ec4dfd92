package dev.mcpweb.extract;

/**
 * A page whose text is written by JavaScript in the browser and whose HTML holds none: the pipeline
 * renders it when a browser is available and {@code render.mode} allows, and otherwise reports this.
 */
public final class ScriptRenderedException extends ExtractionException {
    ScriptRenderedException(String message) {
        super(message);
    }
}
