package dev.mcpweb.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where robots.txt answers are kept between runs (the cache's {@code robots} namespace), so that a CLI
 * run does not ask every site again. Only answers that decide something are kept (2xx and 4xx); the
 * store decides how long they live ({@code cache.robots_ttl}). The fetcher also keeps them in memory.
 */
public interface RobotsStore {
    RobotsStore NONE = (robotsUrl, load) -> load.load();

    /**
     * The answer kept for {@code robotsUrl}, or else the one {@code load} fetches, kept when it
     * {@linkplain Answer#decides decides} something. Concurrent callers for one URL may share one load.
     */
    Answer answer(String robotsUrl, Load load) throws IOException, InterruptedException;

    /** Fetches robots.txt. */
    @FunctionalInterface
    interface Load {
        Answer load() throws IOException;
    }

    /** What a server answered for robots.txt: the status of the last hop and the body when 2xx. */
    record Answer(int status, byte[] body, Optional<String> contentType) {
        /** Whether the answer is worth keeping: 2xx and 4xx decide; 5xx and 429 say only "not now". */
        public boolean decides() {
            return status < 500 && status != 429;
        }
    }

    /** The answer as bytes, for a byte-valued store such as one namespace of the cache. */
    static byte[] encode(Answer answer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(answer.status());
            out.writeUTF(answer.contentType().orElse(""));
            out.writeInt(answer.body().length);
            out.write(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The answer in {@code encoded}; empty for bytes that are not one (a store that lost or mangled them). */
    static Optional<Answer> decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int status = in.readInt();
            String type = in.readUTF();
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                return Optional.empty();
            }
            byte[] body = in.readNBytes(length);
            return Optional.of(new Answer(status, body, type.isEmpty() ? Optional.empty() : Optional.of(type)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
