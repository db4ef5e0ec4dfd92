package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The page decoders that find long tag names' openings as they decode (UTF-8, windows-1252) give what
 * decoding first and then {@link LongTagNames#cut(java.nio.CharBuffer) cutting} gives, from any bytes.
 */
class PageDecodingTest {
    /** Bytes that open, fill and end names, and UTF-8's edges, where the two paths would part if they part. */
    private static final int[] BYTES = {
        '<', '<', '<', 'a', 'Z', 'x', '|', '-', ' ', '\t', '\n', '\r', '\f', '/', '>', '=', 0x00, 0x7F, 0x80, 0x8F,
        0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF
    };

    @Test
    void utf8PagesAreDecodedAndCutAsDecodingThenCutting() {
        Random random = new Random(3);
        int cut = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] page = page(random);
            int offset = random.nextInt(Math.min(4, page.length + 1));
            CharBuffer decoded = TextDecoder.decodeLeniently(page, offset, StandardCharsets.UTF_8);
            CharBuffer expected = LongTagNames.cut(decoded);

            assertThat(TextDecoder.Utf8Page.decode(page, offset).toString())
                    .as("bytes %s from %d", HexFormat.of().formatHex(page), offset)
                    .isEqualTo(expected.toString());
            cut += expected == decoded ? 0 : 1;
        }
        assertThat(cut).as("pages with a name cut").isGreaterThan(1_000);
    }

    @Test
    void windows1252PagesAreDecodedAndCutAsDecodingThenCutting() {
        Random random = new Random(5);
        for (int round = 0; round < 20_000; round++) {
            byte[] page = page(random);
            int offset = random.nextInt(Math.min(4, page.length + 1));

            assertThat(TextDecoder.Windows1252.decodePage(page, offset).toString())
                    .as("bytes %s from %d", HexFormat.of().formatHex(page), offset)
                    .isEqualTo(LongTagNames.cut(TextDecoder.Windows1252.decode(page, offset))
                            .toString());
        }
    }

    @Test
    void aNameOfFewerCharactersThanItsBytesIsCutByItsCharacters() {
        String name = "x" + "é".repeat(LongTagNames.MAX - 1) + "xx"; // 130 characters, 257 bytes
        byte[] page = ("<p>a</p><" + name + ">b").getBytes(StandardCharsets.UTF_8);

        String expected =
                "<p>a</p><" + name.substring(0, LongTagNames.MAX) + " " + name.substring(LongTagNames.MAX) + ">b";
        assertThat(TextDecoder.Utf8Page.decode(page, 0).toString()).isEqualTo(expected);
    }

    /** Runs of name characters long enough to pass {@link LongTagNames#MAX}, with any of the bytes between. */
    private static byte[] page(Random random) {
        byte[] page = new byte[random.nextInt(700)];
        int names = random.nextBoolean() ? 70 : 98; // on half of the pages, most names run past MAX
        for (int i = 0; i < page.length; i++) {
            int dice = random.nextInt(100);
            if (dice < 3) {
                page[i] = '<';
            } else if (dice < names) {
                page[i] = (byte) (random.nextInt(20) == 0 ? 0xC3 : 'a' + random.nextInt(3));
                if (page[i] == (byte) 0xC3 && i + 1 < page.length) {
                    page[++i] = (byte) 0xA9; // é, two bytes for one character
                }
            } else if (dice < names + 1) {
                page[i] = (byte) random.nextInt(256);
            } else {
                page[i] = (byte) BYTES[random.nextInt(BYTES.length)];
            }
        }
        return page;
    }
}
