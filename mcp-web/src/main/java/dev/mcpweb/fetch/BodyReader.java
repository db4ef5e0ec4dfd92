package dev.mcpweb.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
    private final long maxBody;
    private final long maxDecoded;

    BodyReader(long maxBody, long maxDecoded) {
        this.maxBody = maxBody;
        this.maxDecoded = maxDecoded;
    }

    /** The decoded body; {@code contentEncoding} is the header value (empty for none). */
    byte[] read(InputStream wire, String contentEncoding) throws IOException {
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

    private static byte[] readAll(InputStream in, long cap, String overMessage) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > cap) {
                throw new SizeLimitException(overMessage);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
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
