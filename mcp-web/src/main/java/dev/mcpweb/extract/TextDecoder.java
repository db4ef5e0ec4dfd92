package dev.mcpweb.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns body bytes into text. The charset comes from, in order: a byte-order mark (it cannot lie), the
 * charset the response declared, a {@code <meta charset>} / {@code http-equiv} / XML declaration near the
 * start, and finally {@link EncodingDetector}. One correction is applied to declarations: a body that is
 * valid UTF-8 with non-ASCII characters is decoded as UTF-8 even when a different charset was declared,
 * because legacy text in another charset is practically never valid UTF-8 while mislabelled UTF-8 pages
 * (a server default of ISO-8859-1, a converted page that kept its old meta) are common. Labels are read
 * as browsers read them (WHATWG): ISO-8859-1 and ASCII mean windows-1252, GB2312 means GBK, Shift_JIS
 * means windows-31j.
 */
final class TextDecoder {
    /** How far into the body a charset declaration is looked for (browsers look at 1024 bytes; pages are sloppier). */
    private static final int PRESCAN_BYTES = 8192;

    private static final Pattern META_CHARSET =
            Pattern.compile("<meta\\b[^>]*?\\bcharset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING =
            Pattern.compile("^<\\?xml\\b[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:+-]+)");

    /** WHATWG label aliases that differ from Java's own reading of the label. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso_8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("l1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"),
            Map.entry("cp1252", "windows-1252"),
            Map.entry("x-cp1252", "windows-1252"),
            Map.entry("gb2312", "GB18030"),
            Map.entry("gbk", "GB18030"),
            Map.entry("x-gbk", "GB18030"),
            Map.entry("chinese", "GB18030"),
            Map.entry("csgb2312", "GB18030"),
            Map.entry("iso-ir-58", "GB18030"),
            Map.entry("gb_2312-80", "GB18030"),
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("shift-jis", "windows-31j"),
            Map.entry("sjis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"),
            Map.entry("ms_kanji", "windows-31j"),
            Map.entry("csshiftjis", "windows-31j"),
            Map.entry("ms932", "windows-31j"),
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("big5", "Big5-HKSCS"),
            Map.entry("x-x-big5", "Big5-HKSCS"),
            Map.entry("utf8", "UTF-8"),
            Map.entry("unicode-1-1-utf-8", "UTF-8"));

    /** The decoded text and the charset that was used. */
    record Decoded(String text, Charset charset) {}

    private TextDecoder() {}

    /** Decodes {@code body} (never throws: undecodable bytes become U+FFFD). {@code html} enables the meta prescan. */
    static Decoded decode(byte[] body, Optional<Charset> declared, boolean html) {
        Charset charset = choose(body, declared, html);
        return new Decoded(
                decodeLeniently(body, bomLength(body, charset), charset).toString(), charset);
    }

    /**
     * A page's text as {@link #decode} reads it, with its {@link LongTagNames long tag names cut}, as the
     * characters the parser reads: no {@link String} in between, whose making and reading back copied the
     * page twice more, a third of decoding's time in C1 code. In UTF-8 and windows-1252 (nearly every page)
     * the openings of long names are found as the bytes are decoded, not in a pass of their own.
     */
    static CharBuffer decodePage(byte[] body, Optional<Charset> declared) {
        Charset charset = choose(body, declared, true);
        int offset = bomLength(body, charset);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return Utf8Page.decode(body, offset);
        }
        if (charset.name().equals("windows-1252")) {
            return Windows1252.decodePage(body, offset);
        }
        return LongTagNames.cut(decodeLeniently(body, offset, charset));
    }

    static Charset choose(byte[] body, Optional<Charset> declared, boolean html) {
        Optional<Charset> bom = fromBom(body);
        if (bom.isPresent()) {
            return bom.get();
        }
        Optional<Charset> labelled = declared.map(c -> normalise(c.name()).orElse(c));
        if (labelled.isEmpty()) {
            labelled = declaredInBody(body, html);
        }
        if (labelled.isPresent()) {
            Charset chosen = labelled.get();
            if (!chosen.equals(StandardCharsets.UTF_8)
                    && !isUtf16(chosen)
                    && EncodingDetector.isUtf8WithNonAscii(body)) {
                return StandardCharsets.UTF_8;
            }
            return chosen;
        }
        return EncodingDetector.detect(body);
    }

    /** The Java charset for a label as a browser reads it, when Java supports it. */
    static Optional<Charset> normalise(String label) {
        String key = label.strip().toLowerCase(Locale.ROOT);
        String name = ALIASES.getOrDefault(key, key);
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalArgumentException e) { // an illegal charset name in a page is not our error
            return Optional.empty();
        }
    }

    private static Optional<Charset> declaredInBody(byte[] body, boolean html) {
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head.stripLeading());
        if (xml.find()) {
            return normalise(xml.group(1)).map(TextDecoder::notUtf16);
        }
        if (!html) {
            return Optional.empty();
        }
        Matcher meta = META_CHARSET.matcher(head);
        while (meta.find()) {
            Optional<Charset> charset = normalise(meta.group(1));
            if (charset.isPresent()) {
                // A meta that claims UTF-16 was read as ASCII, so it cannot be true (WHATWG says: use UTF-8).
                return charset.map(TextDecoder::notUtf16);
            }
        }
        return Optional.empty();
    }

    private static Charset notUtf16(Charset charset) {
        return isUtf16(charset) ? StandardCharsets.UTF_8 : charset;
    }

    private static boolean isUtf16(Charset charset) {
        return charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-16");
    }

    private static Optional<Charset> fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static int bomLength(byte[] body, Charset charset) {
        Optional<Charset> bom = fromBom(body);
        if (bom.isEmpty() || !bom.get().equals(charset)) {
            return 0;
        }
        return charset.equals(StandardCharsets.UTF_8) ? 3 : 2;
    }

    /**
     * Decodes with malformed and unmappable input replaced; windows-1252's five unassigned bytes map to C1
     * like WHATWG. The JDK's UTF-8 decoder set to {@link CodingErrorAction#REPLACE} replaces as the {@link
     * String} constructor does (each maximal malformed subpart by one U+FFFD), and is the faster of the two
     * in C1 code, which the cold CLI runs.
     */
    static CharBuffer decodeLeniently(byte[] body, int offset, Charset charset) {
        if (charset.name().equals("windows-1252")) {
            return Windows1252.decode(body, offset);
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            CharsetDecoder utf8 = replacingUtf8();
            CharBuffer text = CharBuffer.allocate(body.length - offset); // never more characters than bytes
            utf8.decode(ByteBuffer.wrap(body, offset, body.length - offset), text, true);
            utf8.flush(text);
            return text.flip();
        }
        return CharBuffer.wrap(new String(body, offset, body.length - offset, charset).toCharArray());
    }

    private static CharsetDecoder replacingUtf8() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** The WHATWG windows-1252 decoder: ISO-8859-1 with typographic characters in 0x80–0x9F. */
    static final class Windows1252 {
        private static final String HIGH =
                "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152"
                        + "\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153"
                        + "\u009D\u017E\u0178";

        private Windows1252() {}

        static CharBuffer decode(byte[] body, int offset) {
            char[] out = new char[body.length - offset];
            for (int i = offset; i < body.length; i++) {
                out[i - offset] = charAt(body[i] & 0xFF);
            }
            return CharBuffer.wrap(out);
        }

        /** As {@link #decode}, with the page's long tag names cut. */
        static CharBuffer decodePage(byte[] body, int offset) {
            char[] out = new char[body.length - offset];
            LongTagNames.Openings openings = new LongTagNames.Openings();
            for (int i = offset; i < body.length; i++) {
                int b = body[i] & 0xFF;
                if (b == '<' && LongTagNames.mayOpenLongName(body, i, body.length)) {
                    openings.add(i - offset);
                }
                out[i - offset] = charAt(b);
            }
            return openings.cut(out, out.length);
        }

        static char charAt(int b) {
            return b >= 0x80 && b < 0xA0 ? HIGH.charAt(b - 0x80) : (char) b;
        }
    }

    /**
     * The UTF-8 decoding of a page, giving what {@link #decodeLeniently} gives, with its long tag names cut.
     * ASCII and well-formed sequences are decoded here, in one pass that also finds the {@code <}s that may
     * open a long name; a malformed sequence, and the run of non-ASCII bytes it stands in, goes to the JDK,
     * whose replacement characters are then the same: it replaces each maximal malformed subpart (the
     * Unicode standard's practice), and no such subpart holds an ASCII byte.
     */
    static final class Utf8Page {
        private Utf8Page() {}

        static CharBuffer decode(byte[] bytes, int offset) {
            int end = bytes.length;
            char[] chars = new char[end - offset]; // never more characters than bytes
            LongTagNames.Openings openings = new LongTagNames.Openings();
            int in = offset;
            int out = 0;
            while (in < end) {
                // Four ASCII bytes but '<' at a time: C1, which runs the cold CLI, does not unroll loops, and the
                // loop's own steps at each byte took a third of the decoding's time.
                if (in + 4 <= end) {
                    int b0 = bytes[in];
                    int b1 = bytes[in + 1];
                    int b2 = bytes[in + 2];
                    int b3 = bytes[in + 3];
                    if ((b0 | b1 | b2 | b3) >= 0 && b0 != '<' && b1 != '<' && b2 != '<' && b3 != '<') {
                        chars[out] = (char) b0;
                        chars[out + 1] = (char) b1;
                        chars[out + 2] = (char) b2;
                        chars[out + 3] = (char) b3;
                        in += 4;
                        out += 4;
                        continue;
                    }
                }
                int b = bytes[in];
                if (b >= 0) {
                    if (b == '<' && LongTagNames.mayOpenLongName(bytes, in, end)) {
                        openings.add(out);
                    }
                    chars[out++] = (char) b;
                    in++;
                    continue;
                }
                b &= 0xFF;
                if (b >= 0xC2 && b <= 0xDF && in + 1 < end && isContinuation(bytes[in + 1])) {
                    chars[out++] = (char) (((b & 0x1F) << 6) | (bytes[in + 1] & 0x3F));
                    in += 2;
                } else if (b >= 0xE0
                        && b <= 0xEF
                        && in + 2 < end
                        && inRange(bytes[in + 1], b == 0xE0 ? 0xA0 : 0x80, b == 0xED ? 0x9F : 0xBF)
                        && isContinuation(bytes[in + 2])) {
                    chars[out++] = (char) (((b & 0x0F) << 12) | ((bytes[in + 1] & 0x3F) << 6) | (bytes[in + 2] & 0x3F));
                    in += 3;
                } else if (b >= 0xF0
                        && b <= 0xF4
                        && in + 3 < end
                        && inRange(bytes[in + 1], b == 0xF0 ? 0x90 : 0x80, b == 0xF4 ? 0x8F : 0xBF)
                        && isContinuation(bytes[in + 2])
                        && isContinuation(bytes[in + 3])) {
                    int c = ((b & 0x07) << 18)
                            | ((bytes[in + 1] & 0x3F) << 12)
                            | ((bytes[in + 2] & 0x3F) << 6)
                            | (bytes[in + 3] & 0x3F);
                    chars[out++] = Character.highSurrogate(c);
                    chars[out++] = Character.lowSurrogate(c);
                    in += 4;
                } else {
                    int runEnd = in + 1;
                    while (runEnd < end && bytes[runEnd] < 0) {
                        runEnd++;
                    }
                    CharBuffer into = CharBuffer.wrap(chars, out, chars.length - out);
                    CharsetDecoder utf8 = replacingUtf8();
                    utf8.decode(ByteBuffer.wrap(bytes, in, runEnd - in), into, true);
                    utf8.flush(into);
                    out = into.position();
                    in = runEnd;
                }
            }
            return openings.cut(chars, out);
        }

        private static boolean isContinuation(byte b) {
            return (b & 0xC0) == 0x80;
        }

        private static boolean inRange(byte b, int low, int high) {
            int v = b & 0xFF;
            return v >= low && v <= high;
        }
    }
}
