package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code find()} of a pattern of whole words between dashes and underscores, {@code
 * (?:^|[-_])(?:word|word|…)(?:$|[-_])}, where a word is letters, digits and dashes and a character of it
 * may be optional ({@code s?}, {@code -?}): the same answer, found by looking the name's pieces between
 * separators up in the set of the words spelled out, instead of trying a hundred alternatives at each
 * separator. A pattern of any other shape is run as it is.
 */
final class NameWords {
    private static final String PREFIX = "(?:^|[-_])(?:";
    private static final String SUFFIX = ")(?:$|[-_])";

    private final Pattern pattern;
    /**
     * The words spelled out, or null when the pattern has another shape. A table that finds a piece of a name
     * in place by its hash, grown a character at a time, rather than a set that needs a copy of it.
     */
    private final RegionTable words;

    private final int longest;

    NameWords(Pattern pattern) {
        this.pattern = pattern;
        Set<String> spelled = spelledOut(pattern);
        this.words = spelled == null ? null : new RegionTable();
        this.longest = spelled == null
                ? 0
                : spelled.stream().mapToInt(String::length).max().orElse(0);
        if (spelled != null) {
            spelled.forEach(word -> words.add(word, word.hashCode(), 1));
        }
    }

    Pattern pattern() {
        return pattern;
    }

    /** Whether the pattern's words are looked up rather than the pattern run. */
    boolean spelledOut() {
        return words != null;
    }

    /** Whether {@code name} holds a match of the pattern. */
    boolean find(String name) {
        if (words == null) {
            return pattern.matcher(name).find();
        }
        int n = name.length();
        for (int start = 0; start < n; start++) {
            if (start > 0 && !isSeparator(name.charAt(start - 1))) {
                continue;
            }
            int hash = 0; // of name.substring(start, end), as String.hashCode computes it
            for (int end = start + 1; end <= n && end - start <= longest; end++) {
                hash = 31 * hash + name.charAt(end - 1);
                if ((end == n || isSeparator(name.charAt(end))) && words.get(name, start, end, hash, 0) == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_';
    }

    private static Set<String> spelledOut(Pattern pattern) {
        String p = pattern.pattern();
        if (pattern.flags() != 0 || !p.startsWith(PREFIX) || !p.endsWith(SUFFIX)) {
            return null;
        }
        Set<String> words = new HashSet<>();
        for (String alternative :
                p.substring(PREFIX.length(), p.length() - SUFFIX.length()).split("\\|", -1)) {
            List<String> spellings = spellings(alternative);
            if (spellings == null) {
                return null;
            }
            words.addAll(spellings);
        }
        return words;
    }

    /** Every spelling of one alternative, or null when it holds more than literal characters and {@code ?}. */
    private static List<String> spellings(String alternative) {
        List<String> spellings = new ArrayList<>(List.of(""));
        for (int i = 0; i < alternative.length(); i++) {
            char c = alternative.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return null;
            }
            boolean optional = i + 1 < alternative.length() && alternative.charAt(i + 1) == '?';
            List<String> next = new ArrayList<>();
            for (String s : spellings) {
                next.add(s + c);
                if (optional) {
                    next.add(s);
                }
            }
            spellings = next;
            if (optional) {
                i++;
            }
        }
        return spellings.contains("") ? null : spellings;
    }
}
