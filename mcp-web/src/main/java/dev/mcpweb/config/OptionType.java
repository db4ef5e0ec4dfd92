package dev.mcpweb.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of value an option takes, each with its parser and a phrase saying what it allows. */
enum OptionType {
    STRING("text"),
    SECRET("text (secret; masked in output)"),
    INT("a whole number"),
    DOUBLE("a number"),
    BOOL("true or false"),
    DURATION("a duration such as 500ms, 30s, 5m, 2h or 7d (a bare number means seconds)"),
    SIZE("a size such as 512KB, 10MB or 1GB (a bare number means bytes)"),
    ENUM("one of the listed values"),
    LIST("a comma-separated list"),
    PATH("a file-system path");

    private static final Pattern DURATION_PATTERN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");
    private static final Pattern SIZE_PATTERN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|kib|mb|mib|gb|gib)?");

    final String allowed;

    OptionType(String allowed) {
        this.allowed = allowed;
    }

    /** Parses {@code raw}; throws IllegalArgumentException with a short reason when it does not fit. */
    Object parse(String raw, List<String> choices) {
        String text = raw.strip();
        return switch (this) {
            case STRING, SECRET -> text;
            case INT -> Integer.parseInt(text);
            case DOUBLE -> Double.parseDouble(text);
            case BOOL -> parseBool(text);
            case DURATION -> parseDuration(text);
            case SIZE -> parseSize(text);
            case ENUM -> parseChoice(text, choices);
            case LIST ->
                text.isEmpty()
                        ? List.of()
                        : Arrays.stream(text.split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList();
            case PATH -> Path.of(expandHome(text));
        };
    }

    private static boolean parseBool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static Duration parseDuration(String text) {
        Matcher m = DURATION_PATTERN.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 86_400_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    private static long parseSize(String text) {
        Matcher m = SIZE_PATTERN.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit) {
            case "kb", "kib" -> 1L << 10;
            case "mb", "mib" -> 1L << 20;
            case "gb", "gib" -> 1L << 30;
            default -> 1L;
        };
        return Math.round(amount * factor);
    }

    private static String parseChoice(String text, List<String> choices) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!choices.contains(lower)) {
            throw new IllegalArgumentException("not a listed value");
        }
        return lower;
    }

    private static String expandHome(String text) {
        if (text.equals("~") || text.startsWith("~/")) {
            return System.getProperty("user.home") + text.substring(1);
        }
        return text;
    }
}
