package dev.mcpweb.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Splits a paragraph into sentences. A sentence ends at {@code .}, {@code !} or {@code ?} (with any
 * closing quotes or brackets) followed by white space and a capital, digit, quote or bracket, except
 * after a known abbreviation or an initial. Decimals, versions, URLs and file names never split
 * because their dots are not followed by white space. One pass, each character looked at a bounded
 * number of times: the JDK's sentence {@code BreakIterator} took quadratic time on a run of {@code (.>}.
 */
public final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "vs", "no", "nos", "fig", "figs", "eq",
            "vol", "ch", "sec", "art", "p", "pp", "e.g", "i.e", "cf", "al", "approx", "inc", "ltd", "co", "corp",
            "dept", "est", "gen", "gov", "sen", "rep", "rev", "capt", "col", "lt", "sgt", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "op", "ed", "eds",
            "min", "max", "ref", "refs", "govt", "mgr", "misc", "dist", "ave", "blvd", "rd", "hwy", "univ");

    private Sentences() {}

    /** The sentences of {@code paragraph}, each stripped of surrounding white space. */
    public static List<String> split(String paragraph) {
        String text = paragraph.strip();
        int[] starts = starts(text, 0, text.length());
        List<String> out = new ArrayList<>(starts.length);
        for (int k = 0; k < starts.length; k++) {
            int end = k + 1 < starts.length ? starts[k + 1] : text.length();
            String sentence = text.substring(starts[k], end).strip();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
        }
        return out;
    }

    /**
     * Where each sentence of {@code text}'s range [from, to) starts: {@code from} first, then the first
     * character after the white space that follows each sentence's end. A sentence runs to the next
     * start, its trailing white space included.
     */
    public static int[] starts(String text, int from, int to) {
        IntStream.Builder starts = IntStream.builder();
        starts.add(from);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < to && isTerminalOrCloser(text.charAt(end))) {
                end++;
            }
            int next = end;
            while (next < to && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next > end
                    && next < to
                    && startsSentence(text.charAt(next))
                    && !(c == '.' && isAbbreviation(text, from, i))) {
                starts.add(next);
                i = next;
            } else {
                i = end;
            }
        }
        return starts.build().toArray();
    }

    private static boolean isTerminalOrCloser(char c) {
        return c == '.'
                || c == '!'
                || c == '?'
                || c == '"'
                || c == '\''
                || c == ')'
                || c == ']'
                || c == '\u201d'
                || c == '\u2019'
                || c == '*'
                || c == '_'
                || c == '`';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c)
                || Character.isDigit(c)
                || c == '"'
                || c == '\u201c'
                || c == '('
                || c == '['
                || c == '\''
                || c == '\u2018'
                || c == '*'
                || c == '`'
                || Character.isTitleCase(c)
                || (Character.isLetter(c) && !Character.isLowerCase(c));
    }

    /** Whether the word ending at the dot at {@code dot} is an abbreviation or a single-letter initial. */
    private static boolean isAbbreviation(String text, int from, int dot) {
        int s = dot;
        while (s > from && !Character.isWhitespace(text.charAt(s - 1)) && text.charAt(s - 1) != '(') {
            s--;
        }
        String word = text.substring(s, dot).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true; // an initial: "J. R. R. Tolkien"
        }
        return ABBREVIATIONS.contains(word);
    }
}
