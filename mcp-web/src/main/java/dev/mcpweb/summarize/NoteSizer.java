package dev.mcpweb.summarize;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Notes measured in the model's tokens: makes a {@link Note} with its cost, sums a list's cost, joins
 * notes into one prompt text and cuts a text down to a token budget (marking the cut with {@code […]}).
 */
final class NoteSizer {
    private final ToIntFunction<String> tokens;

    NoteSizer(ToIntFunction<String> tokens) {
        this.tokens = tokens;
    }

    /** A note costs its label, its text and the space and blank line that join it to the next. */
    Note note(String label, String text) {
        return new Note(label, text, tokens.applyAsInt(label) + tokens.applyAsInt(text) + 2);
    }

    static int size(List<Note> notes) {
        int total = 0;
        for (Note n : notes) {
            total += n.cost();
        }
        return total;
    }

    static String join(List<Note> notes) {
        StringBuilder sb = new StringBuilder();
        for (Note n : notes) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(n.label()).append(' ').append(n.text());
        }
        return sb.toString();
    }

    /** {@code text} itself when it fits {@code max} tokens, else its longest prefix that fits with the mark. */
    String cut(String text, int max) {
        if (tokens.applyAsInt(text) <= max) {
            return text;
        }
        // Binary search over the prefix length: counting tokens is the cost, not the characters.
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (tokens.applyAsInt(text.substring(0, mid)) <= Math.max(0, max - 2)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return text.substring(0, lo) + " […]";
    }
}
