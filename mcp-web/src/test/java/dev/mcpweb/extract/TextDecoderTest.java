package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextDecoderTest {
    /**
     * Broken bytes (truncated sequences, stray continuation bytes, surrogates encoded in UTF-8, bytes
     * a charset does not map) become replacement characters exactly as a decoder set to replace them
     * would make them: the same count, in the same places.
     */
    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "GB18030", "windows-31j", "EUC-JP", "Big5-HKSCS", "x-windows-949", "UTF-16LE"})
    void malformedInputIsReplacedAsACharsetDecoderReplacesIt(String name) throws CharacterCodingException {
        Charset declared = Charset.forName(name);
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] body = mixed(random, "<p>Grüße, 日本語, 中文, 한국어 — “quoted” text</p>".getBytes(declared));

            TextDecoder.Decoded decoded = TextDecoder.decode(body, Optional.of(declared), false);

            assertThat(decoded.text()).isEqualTo(replacing(decoded.charset(), body));
        }
    }

    /** Well-formed text with random bytes spliced in, including the classic UTF-8 troublemakers. */
    private static byte[] mixed(Random random, byte[] text) {
        byte[][] junk = {
            {(byte) 0xC3},
            {(byte) 0xE6, (byte) 0x97},
            {(byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xFF},
            {(byte) 0xC0, (byte) 0xAF}
        };
        ByteBuffer out = ByteBuffer.allocate(text.length * 3 + 64);
        for (byte b : text) {
            out.put(b);
            int dice = random.nextInt(10);
            if (dice == 0) {
                out.put(junk[random.nextInt(junk.length)]);
            } else if (dice == 1) {
                out.put((byte) random.nextInt(256));
            }
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    private static String replacing(Charset charset, byte[] body) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(body))
                .toString();
    }
}
