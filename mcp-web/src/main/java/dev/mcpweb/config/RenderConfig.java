package dev.mcpweb.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Settings of headless rendering: when to render, which browser, and the bounds of one render. */
public record RenderConfig(
        Mode mode, Optional<Path> browserPath, int maxConcurrent, Duration timeout, long maxBytes, int restartAfter) {

    /** When a web page is rendered in the browser. */
    public enum Mode {
        AUTO,
        ALWAYS,
        NEVER;

        /** Parses {@code auto}, {@code always} or {@code never} (any case). */
        public static Mode parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("invalid render mode '" + value + "': use auto, always or never");
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Every mode's label: the values of {@code render.mode}, {@code --render} and the tools' {@code render}. */
        public static List<String> labels() {
            return Arrays.stream(values()).map(Mode::label).toList();
        }
    }
}
