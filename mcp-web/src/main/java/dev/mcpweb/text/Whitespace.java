package dev.mcpweb.text;

/**
 * White-space clean-ups of fetched text in one pass each. The regular expressions they replace
 * ({@code \s*\n\s*}, {@code [ \t]+\n}) try every position of a long run of spaces again, which costs
 * time quadratic in the run: seconds for one line of 40,000 spaces. {@code \s} here is what it is in
 * a Java regex: space, tab, newline, vertical tab, form feed and carriage return.
 */
public final class Whitespace {
    private Whitespace() {}

    /** Each run of white space holding a line break becomes one space ({@code \s*\n\s*} to {@code " "}). */
    public static String joinLines(String s) {
        return collapseRuns(s, 1, " ");
    }

    /**
     * Each run of white space becomes one space ({@code \s+} to {@code " "}): a regular expression for it
     * took most of the time of reading a page's passages.
     */
    public static String collapse(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
                inRun = false;
            } else if (!inRun) {
                out.append(' ');
                inRun = true;
            }
        }
        return out.toString();
    }

    /** Each run of white space holding two or more line breaks becomes {@code "\n\n"}. */
    public static String paragraphBreaks(String s) {
        return collapseRuns(s, 2, "\n\n");
    }

    /** Spaces and tabs before each line break removed ({@code [ \t]+\n} to {@code "\n"}). */
    public static String trimLineEnds(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                int end = i;
                while (end < n && (s.charAt(end) == ' ' || s.charAt(end) == '\t')) {
                    end++;
                }
                if (end == n || s.charAt(end) != '\n') {
                    out.append(s, i, end);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code c} is what {@code \s} matches in a Java regex: the space, or tab to carriage return
     * (U+0009 to U+000D), as a range test small enough for C1 to inline in the scans that ask it of
     * every character.
     */
    public static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Where the {@link #isSpace} characters of {@code s} from {@code i} on end. */
    public static int skip(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String collapseRuns(String s, int minBreaks, String replacement) {
        if (s.indexOf('\n') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isSpace(s.charAt(i))) {
                out.append(s.charAt(i++));
                continue;
            }
            int end = i;
            int breaks = 0;
            while (end < n && isSpace(s.charAt(end))) {
                breaks += s.charAt(end) == '\n' ? 1 : 0;
                end++;
            }
            if (breaks >= minBreaks) {
                out.append(replacement);
            } else {
                out.append(s, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    /**
     * The level of a Markdown ATX heading line (up to three spaces, one to six {@code #}, white space),
     * else 0: what {@code ^ {0,3}(#{1,6})\s} finds, without a regex that callers would extend with a
     * backtracking tail.
     */
    public static int headingLevel(String line) {
        int i = 0;
        while (i < 3 && i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int hashes = i;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        boolean spaced = hashes < line.length() && isSpace(line.charAt(hashes));
        return hashes > i && hashes - i <= 6 && spaced ? hashes - i : 0;
    }
}
