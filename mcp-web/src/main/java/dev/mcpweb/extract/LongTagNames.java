package dev.mcpweb.extract;

import java.nio.CharBuffer;

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
        CharBuffer cut = cut(CharBuffer.wrap(html.toCharArray()));
        return cut.length() == html.length() ? html : cut.toString(); // a cut adds a space
    }

    /**
     * As {@link #cut(String)}, for the characters of a heap buffer from its position to its limit: {@code
     * html} itself when it holds no long tag name.
     */
    static CharBuffer cut(CharBuffer html) {
        char[] in = html.array();
        int start = html.arrayOffset() + html.position();
        int n = start + html.remaining();
        char[] out = null;
        int written = 0;
        int copied = start;
        for (int i = start; i + 1 < n; i++) {
            if (in[i] != '<' || !isAsciiLetter(in[i + 1])) {
                continue;
            }
            int end = i + 1;
            while (end < n && !endsName(in[end])) {
                end++;
            }
            int cut = i + 1 + MAX;
            if (end > cut) {
                if (out == null) {
                    // a cut adds one space to a name of more than MAX characters after a '<'
                    out = new char[html.remaining() + html.remaining() / (MAX + 2) + 1];
                }
                System.arraycopy(in, copied, out, written, cut - copied);
                written += cut - copied;
                out[written++] = ' ';
                copied = cut;
            }
            i = end - 1;
        }
        if (out == null) {
            return html;
        }
        System.arraycopy(in, copied, out, written, n - copied);
        return CharBuffer.wrap(out, 0, written + n - copied);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** What ends a tag's name: white space, {@code /} or {@code >}. */
    private static boolean endsName(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>';
    }
}
