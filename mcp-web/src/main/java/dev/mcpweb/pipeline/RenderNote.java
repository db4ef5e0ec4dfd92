package dev.mcpweb.pipeline;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpweb.extract.RenderSignal;
import java.util.Optional;

/**
 * Whether a source was read through the browser, and why: {@code render.mode=always}, or the mark
 * that made {@code auto} render it. A page with such a mark that was not rendered ({@code never}, or a
 * render that could not happen) says so with {@code rendered} false.
 */
public record RenderNote(
        @JsonPropertyDescription("Whether the content is the page's DOM after its scripts ran in headless Chromium.")
        boolean rendered,

        @JsonPropertyDescription("The mark that the page is written by JavaScript: app_shell, noscript, script_payload"
                + " or streamed; absent for a static page and for render=always.")
        Optional<String> signal,

        @JsonPropertyDescription("Why it was rendered, or what the mark was.")
        Optional<String> reason) {

    static final RenderNote STATIC = new RenderNote(false, Optional.empty(), Optional.empty());
    static final RenderNote ALWAYS = new RenderNote(true, Optional.empty(), Optional.of("render=always"));

    static RenderNote of(boolean rendered, RenderSignal signal) {
        return new RenderNote(rendered, Optional.of(signal.kind().id()), Optional.of(signal.detail()));
    }
}
