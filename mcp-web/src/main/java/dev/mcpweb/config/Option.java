package dev.mcpweb.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One configuration option: its dotted name ({@code fetcher.max_concurrent}), the environment
 * variable that sets it ({@code MCP_WEB_FETCHER_MAX_CONCURRENT}), its type, default and bounds.
 */
record Option(
        String name,
        OptionType type,
        String defaultValue,
        String description,
        List<String> choices,
        Optional<Double> min,
        Optional<Double> max) {

    String section() {
        return name.substring(0, name.indexOf('.'));
    }

    String envName() {
        return "MCP_WEB_" + name.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    boolean secret() {
        return type == OptionType.SECRET;
    }

    /** What a valid value looks like, for error messages and the documentation table. */
    String allowed() {
        StringBuilder text =
                new StringBuilder(type == OptionType.ENUM ? "one of " + String.join(", ", choices) : type.allowed);
        min.ifPresent(v -> text.append(", at least ").append(format(v)));
        max.ifPresent(v -> text.append(", at most ").append(format(v)));
        return text.toString();
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
