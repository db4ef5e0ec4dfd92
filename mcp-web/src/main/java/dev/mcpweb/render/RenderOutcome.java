package dev.mcpweb.render;

import java.time.Duration;
import java.util.List;

/** What one render gave: the page's DOM after its scripts ran, or why there is none. */
public sealed interface RenderOutcome {
    String url();

    /**
     * {@code html} is the serialized DOM at {@code finalUrl}; {@code notes} say what bounded the wait
     * (timeout, byte cap) and how many requests the guard refused.
     */
    record Rendered(String url, String finalUrl, String html, Duration elapsed, long bytes, List<String> notes)
            implements RenderOutcome {}

    record Failed(String url, String message) implements RenderOutcome {}
}
