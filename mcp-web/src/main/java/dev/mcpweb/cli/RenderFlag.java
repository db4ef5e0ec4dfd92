package dev.mcpweb.cli;

import dev.mcpweb.pipeline.RenderNote;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --render} flag the reading commands share ({@code @Mixin}), and the line that tells a page was rendered. */
final class RenderFlag {
    @Option(
            names = "--render",
            paramLabel = "MODE",
            description = "When to render pages in headless Chromium: auto (pages written by JavaScript),"
                    + " always or never (same as render.mode).")
    String render;

    FlagSettings flags() {
        return new FlagSettings().put("--render", "render.mode", render);
    }

    /** The stderr line for {@code source} when it was rendered, saying why. */
    static Optional<String> line(RenderNote note, String source) {
        if (!note.rendered()) {
            return Optional.empty();
        }
        return Optional.of("mcp-web: " + source + ": rendered in headless Chromium ("
                + note.signal().map(s -> s + ": ").orElse("") + note.reason().orElse("") + ")");
    }
}
