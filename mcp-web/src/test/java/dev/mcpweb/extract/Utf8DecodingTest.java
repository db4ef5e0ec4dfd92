package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The UTF-8 path of {@link TextDecoder}: the JDK's decoder set to replace, against the {@link String} constructor. */
class Utf8DecodingTest {
    /** The bytes at the edges of UTF-8's ranges, where a decoder errs if it errs anywhere. */
    private static final int[] EDGES = {
        'a', '<', ' ', 0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
        0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF
    };

    @Test
    void decodesWhatTheJdkDecodesFromAnyBytesAndAnyOffset() {
        Random random = new Random(7);
        for (int round = 0; round < 200_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : EDGES[random.nextInt(EDGES.length)]);
            }
            int offset = bytes.length == 0 ? 0 : random.nextInt(Math.min(4, bytes.length + 1));

            assertThat(utf8(bytes, offset))
                    .as("bytes %s from %d", java.util.HexFormat.of().formatHex(bytes), offset)
                    .isEqualTo(new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8));
        }
    }

    @Test
    void decodesWellFormedTextOfEveryLengthOfSequence() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(300); i > 0; i--) {
                int kind = random.nextInt(5);
                if (kind < 2) {
                    text.append("plain ascii text ".repeat(random.nextInt(3)));
                }
                int c = switch (kind) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
                    case 2 -> 0x800 + random.nextInt(0xD800 - 0x800);
                    case 3 -> 0xE000 + random.nextInt(0x10000 - 0xE000);
                    default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
                };
                text.appendCodePoint(c);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

            assertThat(utf8(bytes, 0)).isEqualTo(text.toString());
        }
    }

    private static String utf8(byte[] bytes, int offset) {
        return TextDecoder.decodeLeniently(bytes, offset, StandardCharsets.UTF_8)
                .toString();
    }
}
