package dev.mcpweb.summarize.extractive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into sentences. A sentence ends at {@code .}, {@code !} or {@code ?} (with any
 * closing quotes or brackets) followed by white space and a capital, digit, quote or bracket, except
 * after a known abbreviation or an initial. Decimals, versions, URLs and file names never split
 * because their dots are not followed by white space.
 */
final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "vs", "no", "nos", "fig", "figs", "eq",
            "vol", "ch", "sec", "art", "p", "pp", "e.g", "i.e", "cf", "al", "approx", "inc", "ltd", "co", "corp",
            "dept", "est", "gen", "gov", "sen", "rep", "rev", "capt", "col", "lt", "sgt", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "op", "ed", "eds",
            "min", "max", "ref", "refs", "govt", "mgr", "misc", "dist", "ave", "blvd", "rd", "hwy", "univ");

    private SentenceSplitter() {}

    static List<String> split(String paragraph) {
        List<String> out = new ArrayList<>();
        String text = paragraph.strip();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?') {
                int end = i + 1;
                while (end < n && isTerminalOrCloser(text.charAt(end))) {
                    end++;
                }
                if (end < n && Character.isWhitespace(text.charAt(end))) {
                    int next = end;
                    while (next < n && Character.isWhitespace(text.charAt(next))) {
                        next++;
                    }
                    if (next < n && startsSentence(text.charAt(next)) && !(c == '.' && isAbbreviation(text, i))) {
                        out.add(text.substring(start, end).strip());
                        start = next;
                        i = next;
                        continue;
                    }
                }
                i = end;
                continue;
            }
            i++;
        }
        if (start < n) {
            String last = text.substring(start).strip();
            if (!last.isEmpty()) {
                out.add(last);
            }
        }
        return out;
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
    private static boolean isAbbreviation(String text, int dot) {
        int s = dot;
        while (s > 0 && !Character.isWhitespace(text.charAt(s - 1)) && text.charAt(s - 1) != '(') {
            s--;
        }
        String word = text.substring(s, dot).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true; // an initial: "J. R. R. Tolkien"
        }
        return ABBREVIATIONS.contains(word);
    }
}
