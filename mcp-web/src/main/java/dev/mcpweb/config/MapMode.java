package dev.mcpweb.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the map phase of a long summary runs: {@code parallel} (results in source order), {@code
 * streaming} (progress per chunk as each finishes) or {@code sequential} (one chunk at a time). The
 * option's choices, the tool's input schema and the CLI's help all take their names from here.
 */
public enum MapMode {
    PARALLEL,
    STREAMING,
    SEQUENTIAL;

    /** The name users write: {@code parallel}, {@code streaming}, {@code sequential}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(MapMode::id).toList();
    }

    /** The mode named {@code id}; the caller has checked it is one of {@link #ids()}. */
    public static MapMode of(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
