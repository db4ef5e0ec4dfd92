package dev.mcpweb.extract;

import java.nio.CharBuffer;
import java.util.Arrays;

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
        Cuts cuts = null;
        for (int i = start; i + 1 < n; i++) {
            if (in[i] != '<' || !isAsciiLetter(in[i + 1])) {
                continue;
            }
            int end = nameEnd(in, i + 1, n);
            if (end > i + 1 + MAX) {
                if (cuts == null) {
                    cuts = new Cuts(in, start, n);
                }
                cuts.cutAfter(i + 1 + MAX);
            }
            i = end - 1;
        }
        return cuts == null ? html : cuts.done();
    }

    /**
     * Whether the {@code <} at {@code at} in a page's bytes may open a tag name longer than {@link #MAX}
     * characters, for a decoder that finds the openings as it decodes (one pass over the page instead of
     * two). Asked in bytes, in a charset where every character that opens or ends a name is the ASCII
     * byte of its own and no character takes fewer bytes than one (UTF-8, windows-1252): a name that ends
     * within {@link #MAX} bytes is no longer in characters.
     */
    static boolean mayOpenLongName(byte[] page, int at, int end) {
        int first = at + 1;
        if (end - first <= MAX || !isAsciiLetter((char) page[first])) {
            return false; // a name within the page's last MAX bytes is no longer than MAX either
        }
        for (int i = first + 1; i <= first + MAX; i++) {
            byte b = page[i];
            if (b >= 0 && endsName((char) b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@code <}s of a page, found while it was decoded, that {@link #mayOpenLongName may open a long
     * name}: the page's characters are cut from these alone, as {@link #cut(CharBuffer)} cuts them.
     */
    static final class Openings {
        private int[] at = new int[8];
        private int count;

        /** The {@code <} at {@code index} of the decoded characters; indexes come in ascending order. */
        void add(int index) {
            if (count == at.length) {
                at = Arrays.copyOf(at, 2 * count);
            }
            at[count++] = index;
        }

        /**
         * The first {@code length} characters of {@code chars}, cut: every other {@code <} opens a name
         * of at most {@link #MAX} characters, which {@link #cut(CharBuffer)} leaves as it is, and no
         * opening inside such a name can run past its end.
         */
        CharBuffer cut(char[] chars, int length) {
            Cuts cuts = null;
            int nameEnd = 0; // an opening inside a name cut already is no opening
            for (int k = 0; k < count; k++) {
                int i = at[k];
                if (i < nameEnd) {
                    continue;
                }
                nameEnd = nameEnd(chars, i + 1, length);
                if (nameEnd > i + 1 + MAX) {
                    if (cuts == null) {
                        cuts = new Cuts(chars, 0, length);
                    }
                    cuts.cutAfter(i + 1 + MAX);
                }
            }
            return cuts == null ? CharBuffer.wrap(chars, 0, length) : cuts.done();
        }
    }

    /** The characters of a page from {@code start} to {@code end}, with a space put in at each cut. */
    private static final class Cuts {
        private final char[] in;
        private final int end;
        private final char[] out;
        private int written;
        private int copied;

        Cuts(char[] in, int start, int end) {
            this.in = in;
            this.end = end;
            this.copied = start;
            int length = end - start;
            // a cut adds one space to a name of more than MAX characters after a '<'
            this.out = new char[length + length / (MAX + 2) + 1];
        }

        void cutAfter(int cut) {
            System.arraycopy(in, copied, out, written, cut - copied);
            written += cut - copied;
            out[written++] = ' ';
            copied = cut;
        }

        CharBuffer done() {
            System.arraycopy(in, copied, out, written, end - copied);
            return CharBuffer.wrap(out, 0, written + end - copied);
        }
    }

    /** Where the name from {@code from} ends: its first white space, {@code /} or {@code >}, or {@code end}. */
    private static int nameEnd(char[] in, int from, int end) {
        int i = from;
        while (i < end && !endsName(in[i])) {
            i++;
        }
        return i;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** What ends a tag's name: white space, {@code /} or {@code >}. */
    private static boolean endsName(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>';
    }
}
