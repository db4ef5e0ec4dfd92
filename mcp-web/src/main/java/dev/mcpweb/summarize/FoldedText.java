package dev.mcpweb.summarize;

import dev.mcpweb.work.StopToken;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.jsoup.parser.Parser;

/**
 * Text folded so that disguised words read as plain ones: HTML entities and URL escapes decoded,
 * compatibility forms (full-width, mathematical letters, ligatures) and accents folded (NFKD without
 * marks), format characters (zero-width, bidi controls, soft hyphens) dropped, lower case, common
 * Cyrillic and Greek look-alikes read as Latin letters, and runs of white space collapsed to one space
 * (or one newline when the run held a line break). {@link #origin} maps every folded character back to
 * where it came from, so a match can be quoted as the page wrote it. One pass, linear in the input.
 */
final class FoldedText {
    private static final Map<Character, Character> LOOK_ALIKES = lookAlikes(
            // Cyrillic
            "аaвbеeкkмmнhоoрpсcтtуyхxіiјjѕsԁdһhӏlԛqԝw"
                    // Greek
                    + "αaβbεeηnιiκkμuνvοoρpτtυuχx"
                    // others: dotless i, script g, Latin alpha, Polish ł, Nordic ø, d with stroke
                    + "ıiɡgɑałlødđd");

    /** Characters folded between two checks of the stop token: well under a millisecond. */
    private static final int CHECK_EVERY = 1 << 16;

    /** The folded text, as the characters the rules read (in C1 code an array's are cheaper to read than a string's). */
    final char[] chars;
    /** For each character of {@link #chars}, the index in the source text it came from (and unused room after). */
    final int[] origin;

    /**
     * The runs of at least {@value #MIN_BASE64_RUN} base64 letters ({@code A-Z a-z 0-9 + / - _}) in the source,
     * as source offsets {@code [start, end)} one pair after the other: found in the same pass, for the scan to
     * decode (shorter runs are ordinary words and identifiers, not hidden sentences).
     */
    final int[] base64Runs;

    static final int MIN_BASE64_RUN = 24;

    private FoldedText(char[] chars, int[] origin, int[] base64Runs) {
        this.chars = chars;
        this.origin = origin;
        this.base64Runs = base64Runs;
    }

    /** The folded text as a string. */
    String text() {
        return new String(chars);
    }

    static FoldedText of(String source) {
        return of(source.toCharArray(), StopToken.none());
    }

    /**
     * As {@link #of(String)} of the text in {@code source}, checking {@code stop} every {@value #CHECK_EVERY}
     * characters: an array, as the cold CLI's C1 code reads its characters faster than a string's.
     */
    static FoldedText of(char[] source, StopToken stop) {
        Builder b = new Builder(source.length);
        int n = source.length;
        int i = 0;
        int nextCheck = 0;
        while (i < n) {
            if (i >= nextCheck) {
                stop.check();
                nextCheck = i + CHECK_EVERY;
            }
            char c = source[i];
            if (c < 128 && c != '&' && c != '%') { // most characters of most pages
                i = b.plainRun(source, i, Math.min(n, nextCheck));
                continue;
            }
            b.base64Letter(c, i);
            if (c == '&') {
                int end = entityEnd(source, i);
                if (end > 0) {
                    String decoded = Parser.unescapeEntities(new String(source, i, end - i), false);
                    if (!decoded.startsWith("&")) {
                        int at = i;
                        decoded.codePoints().forEach(cp -> b.fold(cp, at));
                        b.base64Letters(source, i + 1, end);
                        i = end;
                        continue;
                    }
                }
            } else if (c == '%' && hexAt(source, i + 1) >= 0 && hexAt(source, i + 2) >= 0) {
                int end = percentRunEnd(source, i);
                String decoded = percentDecoded(source, i, end);
                if (decoded != null) {
                    int at = i;
                    decoded.codePoints().forEach(cp -> b.fold(cp, at));
                    b.base64Letters(source, i + 1, end);
                    i = end;
                    continue;
                }
            }
            int cp = Character.codePointAt(source, i);
            b.fold(cp, i);
            i += Character.charCount(cp); // a low surrogate is no base64 letter: the high one ended any run
        }
        b.base64Letter(' ', n);
        return b.build();
    }

    /** The base64 letters among the ASCII characters: a table, so the test is small enough for C1 to inline. */
    private static final boolean[] BASE64 = new boolean[128];

    static {
        for (char c = 0; c < BASE64.length; c++) {
            BASE64[c] = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '+'
                    || c == '/'
                    || c == '-'
                    || c == '_';
        }
    }

    private static boolean isBase64(char c) {
        return c < 128 && BASE64[c];
    }

    // What plainRun does with a character, by kind: one table look-up and a test or two for most characters.
    private static final byte BASE64_LETTER = 0;
    private static final byte VISIBLE = 1;
    private static final byte SPACE = 2;
    private static final byte LINE_BREAK = 3;
    private static final byte INVISIBLE = 4;
    /** Not plain: beyond ASCII, or the start of an entity or an escape ({@code &}, {@code %}). */
    private static final byte NOT_PLAIN = 5;

    /** The kind of each ASCII character. */
    private static final byte[] ASCII_KINDS = new byte[128];

    static {
        for (char c = 0; c < ASCII_KINDS.length; c++) {
            ASCII_KINDS[c] = c == '&' || c == '%'
                    ? NOT_PLAIN
                    : BASE64[c]
                            ? BASE64_LETTER
                            : c == '\n' || c == '\r'
                                    ? LINE_BREAK
                                    : c == ' ' || c == '\t' || c == '\f' || c == 0x0B
                                            ? SPACE
                                            : c < 32 ? INVISIBLE : VISIBLE;
        }
    }

    /** The index after an entity like {@code &amp;}, {@code &#105;} or {@code &#x69;} at {@code at}, or -1. */
    private static int entityEnd(char[] s, int at) {
        int limit = Math.min(s.length, at + 12);
        for (int k = at + 1; k < limit; k++) {
            char c = s[k];
            if (c == ';') {
                return k > at + 1 ? k + 1 : -1;
            }
            if (!(Character.isLetterOrDigit(c) && c < 128) && !(c == '#' && k == at + 1)) {
                return -1;
            }
        }
        return -1;
    }

    private static int hexAt(char[] s, int i) {
        return i < s.length ? Character.digit(s[i], 16) : -1;
    }

    private static int percentRunEnd(char[] s, int at) {
        int k = at;
        while (k + 2 < s.length && s[k] == '%' && hexAt(s, k + 1) >= 0 && hexAt(s, k + 2) >= 0) {
            k += 3;
        }
        return k;
    }

    /** The UTF-8 text of the escapes {@code %XX…} in {@code [from, to)}, or null when they are not UTF-8. */
    private static String percentDecoded(char[] s, int from, int to) {
        byte[] bytes = new byte[(to - from) / 3];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = (byte) (hexAt(s, from + 3 * k + 1) * 16 + hexAt(s, from + 3 * k + 2));
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Map<Character, Character> lookAlikes(String pairs) {
        Map<Character, Character> map = new java.util.HashMap<>();
        for (int k = 0; k + 1 < pairs.length(); k += 2) {
            map.put(pairs.charAt(k), pairs.charAt(k + 1));
        }
        return Map.copyOf(map);
    }

    /**
     * What each character of the Basic Multilingual Plane beyond ASCII folds to, by blocks of 256, filled as
     * characters are met: a page's letters beyond ASCII are few and repeat, and each fold is a normalization
     * and a case mapping. Threads that race fill in the same strings, so no lock is needed.
     */
    private static final String[][] FOLDS = new String[256][];

    /** {@link #foldOf(int)} of {@code c}, remembered. */
    private static String foldOf(char c) {
        String[] block = FOLDS[c >>> 8];
        if (block == null) {
            block = new String[256];
            FOLDS[c >>> 8] = block;
        }
        String folded = block[c & 0xff];
        if (folded == null) {
            folded = foldOf((int) c);
            block[c & 0xff] = folded;
        }
        return folded;
    }

    /**
     * What a character beyond ASCII folds to: the characters it puts in the folded text, with a space for white
     * space and a newline for a line or paragraph separator (runs of them are collapsed as they are put); empty for
     * an invisible character.
     */
    private static String foldOf(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL) {
            return ""; // zero-width characters, bidi controls, soft hyphens: invisible, so dropped
        }
        if (cp == 0x2028 || cp == 0x2029) {
            return "\n";
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return " ";
        }
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
            return "'";
        }
        StringBuilder folded = new StringBuilder();
        String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD);
        for (int k = 0; k < decomposed.length(); k++) {
            char d = decomposed.charAt(k);
            int t = Character.getType(d);
            if (t == Character.NON_SPACING_MARK
                    || t == Character.ENCLOSING_MARK
                    || t == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(d) || Character.isSpaceChar(d)) {
                folded.append(' ');
                continue;
            }
            String lower = Character.isUpperCase(d) || Character.isTitleCase(d)
                    ? String.valueOf(d).toLowerCase(Locale.ROOT)
                    : String.valueOf(d);
            for (int m = 0; m < lower.length(); m++) {
                char l = lower.charAt(m);
                if (Character.getType(l) == Character.NON_SPACING_MARK) {
                    continue;
                }
                if (l == 'ß') {
                    folded.append("ss");
                    continue;
                }
                folded.append(LOOK_ALIKES.getOrDefault(l, l));
            }
        }
        return folded.toString();
    }

    private static final class Builder {
        /** The folded characters so far, in {@code out[0, length)}; {@link #origin} grows with it. */
        private char[] out;

        private int length;
        private int[] origin;
        /** 0 none, 1 a pending space, 2 a pending newline: white space is written once, before the next character. */
        private int pendingSpace;

        private int[] runs = new int[8];
        private int runCount;
        /** Where the run of base64 letters the last source character is in started, or -1. */
        private int runStart = -1;

        Builder(int capacity) {
            out = new char[Math.max(16, capacity + 1)]; // + 1: see plainRun's reserve
            origin = new int[out.length];
        }

        /** Notes source character {@code c} at {@code at}, which may start, continue or end a run of base64. */
        void base64Letter(char c, int at) {
            if (isBase64(c)) {
                if (runStart < 0) {
                    runStart = at;
                }
            } else if (runStart >= 0) {
                if (at - runStart >= MIN_BASE64_RUN) {
                    addRun(runStart, at);
                }
                runStart = -1;
            }
        }

        private void addRun(int start, int end) {
            if (runCount + 2 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            runs[runCount++] = start;
            runs[runCount++] = end;
        }

        /**
         * Folds the plain ASCII characters (no {@code &} or {@code %}) from {@code from} on, up to {@code limit}, and
         * returns where they end: {@link #base64Letter} and {@link #ascii} for each, written out in one loop over
         * local copies of the state, since the cold CLI's C1 code would make three calls a character of them.
         */
        int plainRun(char[] source, int from, int limit) {
            reserve(limit - from + 1); // each character puts at most one, and a pending space may come first
            char[] out = this.out;
            int[] origin = this.origin;
            int length = this.length;
            int pendingSpace = this.pendingSpace;
            int runStart = this.runStart;
            int k = from;
            for (; k < limit; k++) {
                char c = source[k];
                int kind = c < 128 ? ASCII_KINDS[c] : NOT_PLAIN;
                if (kind == BASE64_LETTER) {
                    if (runStart < 0) {
                        runStart = k;
                    }
                } else {
                    if (kind == NOT_PLAIN) {
                        break;
                    }
                    if (runStart >= 0) {
                        if (k - runStart >= MIN_BASE64_RUN) {
                            addRun(runStart, k);
                        }
                        runStart = -1;
                    }
                    if (kind == LINE_BREAK) {
                        pendingSpace = 2;
                        continue;
                    } else if (kind == SPACE) {
                        pendingSpace = Math.max(pendingSpace, 1);
                        continue;
                    } else if (kind == INVISIBLE) {
                        continue;
                    }
                }
                if (pendingSpace != 0) {
                    if (length > 0) {
                        origin[length] = k;
                        out[length++] = pendingSpace == 2 ? '\n' : ' ';
                    }
                    pendingSpace = 0;
                }
                origin[length] = k;
                out[length++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
            this.length = length;
            this.pendingSpace = pendingSpace;
            this.runStart = runStart;
            return k;
        }

        /** Notes the source characters {@code [from, to)}, which an entity or escape decoded together. */
        void base64Letters(char[] source, int from, int to) {
            for (int k = from; k < to; k++) {
                base64Letter(source[k], k);
            }
        }

        void fold(int cp, int at) {
            if (cp < 128) {
                ascii((char) cp, at);
                return;
            }
            String folded = cp <= Character.MAX_VALUE ? foldOf((char) cp) : foldOf(cp);
            for (int k = 0; k < folded.length(); k++) {
                char f = folded.charAt(k);
                if (f == '\n') {
                    pendingSpace = 2;
                } else if (f == ' ') {
                    pendingSpace = Math.max(pendingSpace, 1);
                } else {
                    put(f, at);
                }
            }
        }

        void ascii(char c, int at) {
            if (c == '\n' || c == '\r') {
                pendingSpace = 2;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == 0x0B) {
                pendingSpace = Math.max(pendingSpace, 1);
            } else if (c >= 'A' && c <= 'Z') {
                put((char) (c + 32), at);
            } else if (c >= 32) {
                put(c, at);
            }
        }

        private void put(char c, int at) {
            if (pendingSpace != 0) {
                if (length > 0) {
                    append(pendingSpace == 2 ? '\n' : ' ', at);
                }
                pendingSpace = 0;
            }
            append(c, at);
        }

        private void append(char c, int at) {
            reserve(1);
            origin[length] = at;
            out[length++] = c;
        }

        /** Makes room for {@code more} characters after {@link #length}. */
        private void reserve(int more) {
            if (length + more > out.length) {
                int capacity = Math.max(length + more, out.length * 2);
                out = Arrays.copyOf(out, capacity);
                origin = Arrays.copyOf(origin, capacity);
            }
        }

        FoldedText build() {
            // origin not trimmed: a copy of 4 bytes per character of a page
            return new FoldedText(Arrays.copyOf(out, length), origin, Arrays.copyOf(runs, runCount));
        }
    }
}
