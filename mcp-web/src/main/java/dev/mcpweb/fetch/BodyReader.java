package dev.mcpweb.fetch;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Reads a body under two caps that hold while streaming: bytes on the wire ({@code fetcher.max_body_size})
 * and bytes after decoding gzip, deflate or brotli ({@code fetcher.max_decompressed_size}), so neither a
 * huge body nor a compression bomb is ever held in memory. Decoding is ours, not OkHttp's, for that reason.
 */
final class BodyReader {
    /** Where a body of unknown size starts. */
    private static final int FIRST_SIZE = 16384;

    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final long maxBody;
    private final long maxDecoded;

    BodyReader(long maxBody, long maxDecoded) {
        this.maxBody = maxBody;
        this.maxDecoded = maxDecoded;
    }

    /** The decoded body; {@code contentEncoding} is the header value (empty for none). */
    byte[] read(InputStream wire, String contentEncoding) throws IOException {
        return read(wire, contentEncoding, 0);
    }

    /**
     * As {@link #read(InputStream, String)}, for a body whose decoded size is likely {@code expected} bytes
     * (0 when not known): read into an array of that size from the start, not grown to it by copies.
     */
    byte[] read(InputStream wire, String contentEncoding, long expected) throws IOException {
        List<String> codings = codings(contentEncoding);
        InputStream in = new CappedInputStream(
                wire,
                maxBody,
                "the body is larger than fetcher.max_body_size (" + Sizes.human(maxBody)
                        + "); it was not read to the end");
        List<Inflater> inflaters = new ArrayList<>();
        try {
            for (int i = codings.size() - 1; i >= 0; i--) {
                in = decoder(codings.get(i), in, inflaters);
            }
            long cap = codings.isEmpty() ? maxBody : maxDecoded;
            return readAll(
                    in,
                    cap,
                    expected,
                    "the body decompresses to more than fetcher.max_decompressed_size (" + Sizes.human(maxDecoded)
                            + "), a likely compression bomb");
        } finally {
            inflaters.forEach(Inflater::end);
        }
    }

    private static List<String> codings(String header) {
        List<String> out = new ArrayList<>();
        for (String c : header.split(",")) {
            String coding = c.strip().toLowerCase(Locale.ROOT);
            if (!coding.isEmpty() && !coding.equals("identity")) {
                out.add(coding);
            }
        }
        return out;
    }

    private static InputStream decoder(String coding, InputStream in, List<Inflater> inflaters) throws IOException {
        return switch (coding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(in, 8192);
            case "br" -> new BrotliInputStream(in);
            case "deflate" -> {
                // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
                BufferedInputStream buffered = new BufferedInputStream(in, 8192);
                buffered.mark(2);
                int b0 = buffered.read();
                int b1 = buffered.read();
                buffered.reset();
                boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
                Inflater inflater = new Inflater(!zlib);
                inflaters.add(inflater);
                yield new InflaterInputStream(buffered, inflater, 8192);
            }
            default -> throw new java.io.UnsupportedEncodingException("unsupported Content-Encoding '" + coding + "'");
        };
    }

    /**
     * Reads to the end straight into the array returned, sized {@code expected} (when known and within
     * {@code cap}) and grown by doubling from there, never past one byte over {@code cap}.
     */
    private static byte[] readAll(InputStream in, long cap, long expected, String overMessage) throws IOException {
        long limit = cap < MAX_ARRAY ? cap + 1 : MAX_ARRAY; // one byte over the cap tells that it is over
        byte[] out = new byte[(int) Math.min(expected > 0 ? expected : FIRST_SIZE, limit)];
        int size = 0;
        while (true) {
            if (size == out.length) {
                int b = in.read(); // a body of just the expected size ends here, with no copy to trim it
                if (b < 0) {
                    return out;
                }
                if (size == MAX_ARRAY) {
                    throw new OutOfMemoryError("a body of 2 GB or more"); // as a ByteArrayOutputStream would
                }
                out = Arrays.copyOf(out, (int) Math.min(Math.max(2L * size, FIRST_SIZE), limit));
                out[size++] = (byte) b;
            } else {
                int n = in.read(out, size, out.length - size);
                if (n <= 0) {
                    return Arrays.copyOf(out, size);
                }
                size += n;
            }
            if (size > cap) {
                throw new SizeLimitException(overMessage);
            }
        }
    }

    /** Fails as soon as more than {@code cap} bytes have come through. */
    private static final class CappedInputStream extends FilterInputStream {
        private final long cap;
        private final String overMessage;
        private long count;

        CappedInputStream(InputStream in, long cap, String overMessage) {
            super(in);
            this.cap = cap;
            this.overMessage = overMessage;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws SizeLimitException {
            count += n;
            if (count > cap) {
                throw new SizeLimitException(overMessage);
            }
        }
    }
}
