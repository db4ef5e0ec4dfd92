package dev.mcpweb.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Where robots.txt answers are kept between runs (the cache's {@code robots} namespace), so that a CLI
 * run does not ask every site again. Only answers that decide something are kept (2xx and 4xx); the
 * store decides how long they live ({@code cache.robots_ttl}). The fetcher also keeps them in memory.
 */
public interface RobotsStore {
    RobotsStore NONE = new RobotsStore() {
        @Override
        public Optional<Answer> lookup(String robotsUrl) {
            return Optional.empty();
        }

        @Override
        public void store(String robotsUrl, Answer answer) {}
    };

    Optional<Answer> lookup(String robotsUrl);

    void store(String robotsUrl, Answer answer);

    /** What a server answered for robots.txt: the status of the last hop and the body when 2xx. */
    record Answer(int status, byte[] body, Optional<String> contentType) {}

    /** A store over any byte-valued key-value store, such as one namespace of the cache. */
    static RobotsStore ofBytes(Function<String, Optional<byte[]>> get, BiConsumer<String, byte[]> put) {
        return new RobotsStore() {
            @Override
            public Optional<Answer> lookup(String robotsUrl) {
                return get.apply(robotsUrl).flatMap(RobotsStore::decode);
            }

            @Override
            public void store(String robotsUrl, Answer answer) {
                put.accept(robotsUrl, encode(answer));
            }
        };
    }

    private static byte[] encode(Answer answer) {
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

    /** Empty for bytes that are not an encoded answer (a store that lost or mangled them). */
    private static Optional<Answer> decode(byte[] encoded) {
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
