package dev.mcpweb.extract;

/**
 * Cuts a tag name that runs past {@link #MAX} characters with a space, before the page is parsed. The
 * parser lower-cases a tag's whole name again at each piece it appends to it, and a name grows by one
 * piece at each {@code <} inside it ({@code <Z|<Z|<Z|…}), so a page that is one long tag name took time
 * growing with the square of its length (1.6 MB of {@code <Z|} took 1.7 s, eight times the input 57
 * times the time). No element has a name that long; the rest of the run is read as an attribute's name,
 * in one piece. Every parse of a fetched page goes through it: extraction's and the injection scan's of a
 * raw page.
 */
public final class LongTagNames {
    /** Far beyond any element's name, custom elements' included. */
    static final int MAX = 128;

    private LongTagNames() {}

    /** {@code html} with a space after the first {@link #MAX} characters of each longer tag name. */
    public static String cut(String html) {
        StringBuilder out = null;
        int copied = 0;
        int n = html.length();
        for (int i = html.indexOf('<'); i >= 0 && i + 1 < n; i = html.indexOf('<', i + 1)) {
            if (!isAsciiLetter(html.charAt(i + 1))) {
                continue;
            }
            int end = i + 1;
            while (end < n && !endsName(html.charAt(end))) {
                end++;
            }
            int cut = i + 1 + MAX;
            if (end > cut) {
                if (out == null) {
                    out = new StringBuilder(n + 16);
                }
                out.append(html, copied, cut).append(' ');
                copied = cut;
            }
            i = end - 1;
        }
        return out == null ? html : out.append(html, copied, n).toString();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** What ends a tag's name: white space, {@code /} or {@code >}. */
    private static boolean endsName(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>';
    }
}
