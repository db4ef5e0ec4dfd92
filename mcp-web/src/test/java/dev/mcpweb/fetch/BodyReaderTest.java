package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyReaderTest {
    @Test
    void aBodyIsReadWhateverSizeWasExpected() throws IOException {
        Random random = new Random(13);
        for (int round = 0; round < 2_000; round++) {
            byte[] body = new byte[random.nextInt(3) == 0 ? random.nextInt(40) : random.nextInt(100_000)];
            random.nextBytes(body);
            long expected = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> body.length;
                case 2 -> random.nextInt(body.length + 1);
                default -> body.length + 1 + random.nextInt(100_000);
            };
            long cap = random.nextBoolean() ? Long.MAX_VALUE : Math.max(0, body.length + random.nextInt(3) - 1);
            BodyReader reader = new BodyReader(cap, cap);

            if (body.length > cap) {
                assertThatThrownBy(() -> reader.read(trickling(body, random), "", expected))
                        .isInstanceOf(SizeLimitException.class);
            } else {
                assertThat(reader.read(trickling(body, random), "", expected)).isEqualTo(body);
            }
        }
    }

    @Test
    void aGzippedBodyIsDecodedUnderTheDecodedCapWhateverSizeWasExpected() throws IOException {
        byte[] body = "a line of text\n".repeat(5_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] gzipped = gzip(body);
        for (long expected : new long[] {0, 1, body.length - 1, body.length, body.length + 1, 1L << 40}) {
            assertThat(new BodyReader(gzipped.length, body.length)
                            .read(new ByteArrayInputStream(gzipped), "gzip", expected))
                    .isEqualTo(body);
            assertThatThrownBy(() -> new BodyReader(gzipped.length, body.length - 1)
                            .read(new ByteArrayInputStream(gzipped), "gzip", expected))
                    .isInstanceOf(SizeLimitException.class)
                    .hasMessageContaining("fetcher.max_decompressed_size");
        }
    }

    /** A stream that hands out a few bytes at a time, as a socket does. */
    private static InputStream trickling(byte[] body, Random random) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(20_000)));
            }
        };
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
