package dev.mcpweb.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one tool call, read with checks whose failures tell the model exactly which
 * argument to fix and how, because a model retries from the message alone.
 */
final class Arguments {
    private final String tool;
    private final Map<String, Object> values;

    Arguments(String tool, Map<String, Object> values, Set<String> allowed) throws BadArguments {
        this.tool = tool;
        this.values = values == null ? Map.of() : values;
        Set<String> unknown = new TreeSet<>(this.values.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new BadArguments(tool + ": unknown argument" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + "; the accepted arguments are " + new TreeSet<>(allowed) + ".");
        }
    }

    String requiredString(String name, String example) throws BadArguments {
        return optionalString(name)
                .orElseThrow(() -> new BadArguments(tool + ": the argument '" + name + "' is required, e.g. \"" + name
                        + "\": \"" + example + "\"."));
    }

    Optional<String> optionalString(String name) throws BadArguments {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw new BadArguments(tool + ": '" + name + "' must be a string, not " + describe(value) + ".");
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    Optional<String> optionalChoice(String name, List<String> choices) throws BadArguments {
        Optional<String> value = optionalString(name);
        if (value.isPresent() && !choices.contains(value.get())) {
            throw new BadArguments(
                    tool + ": '" + name + "' must be one of " + choices + ", not \"" + value.get() + "\".");
        }
        return value;
    }

    OptionalInt optionalInt(String name, int min, int max) throws BadArguments {
        Object value = values.get(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        long n;
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            n = number.longValue();
        } else if (value instanceof String s && s.strip().matches("-?\\d{1,18}")) {
            n = Long.parseLong(s.strip());
        } else {
            throw new BadArguments(tool + ": '" + name + "' must be a whole number between " + min + " and " + max
                    + ", not " + describe(value) + ".");
        }
        if (n < min || n > max) {
            throw new BadArguments(
                    tool + ": '" + name + "' must be between " + min + " and " + max + "; got " + n + ".");
        }
        return OptionalInt.of((int) n);
    }

    /** A boolean that may be left out (then {@code otherwise}); "true" and "false" as strings are taken too. */
    boolean optionalBoolean(String name, boolean otherwise) throws BadArguments {
        Object value = values.get(name);
        return switch (value) {
            case null -> otherwise;
            case Boolean b -> b;
            case String s when s.strip().equalsIgnoreCase("true") -> true;
            case String s when s.strip().equalsIgnoreCase("false") -> false;
            default ->
                throw new BadArguments(tool + ": '" + name + "' must be true or false, not " + describe(value) + ".");
        };
    }

    List<String> requiredStrings(String name, int maxItems, String example) throws BadArguments {
        Object value = values.get(name);
        List<?> items;
        if (value instanceof List<?> list) {
            items = list;
        } else if (value instanceof String s && !s.isBlank()) {
            items = List.of(s); // a lone string is an easy mistake to forgive
        } else {
            throw new BadArguments(tool + ": '" + name + "' is required: a list of 1 to " + maxItems
                    + " strings, e.g. \"" + name + "\": [\"" + example + "\"].");
        }
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s) || s.isBlank()) {
                throw new BadArguments(tool + ": every entry of '" + name + "' must be a non-empty string; got "
                        + describe(item) + ".");
            }
            out.add(s.strip());
        }
        if (out.isEmpty() || out.size() > maxItems) {
            throw new BadArguments(
                    tool + ": '" + name + "' must hold 1 to " + maxItems + " entries; got " + out.size() + ".");
        }
        return List.copyOf(out);
    }

    /** A list of strings that may be left out (then empty). */
    List<String> optionalStrings(String name, int maxItems) throws BadArguments {
        return values.get(name) == null ? List.of() : requiredStrings(name, maxItems, "/docs/**");
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return switch (value) {
            case String s -> "the string \"" + shown + "\"";
            case Number n -> "the number " + shown;
            case Boolean b -> "the boolean " + shown;
            case List<?> l -> "a list";
            case Map<?, ?> m -> "an object";
            default -> shown;
        };
    }

    /** Arguments a tool cannot work with; the message says which and how to fix them. */
    static final class BadArguments extends Exception {
        BadArguments(String message) {
            super(message);
        }
    }
}
