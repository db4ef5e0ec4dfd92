package dev.mcpweb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The stdio byte streams as the SDK's stdio transport sees them. Inbound lines pass through
 * {@link MessageTap}; lines that are not JSON-RPC get an error response here, because the SDK's
 * transport would stop reading at the first one. When stdin closes, end-of-file is held back from
 * the SDK until every request read so far has had its response written (or {@code drainLimit}
 * passed), since the SDK drops responses once its input has ended.
 */
final class StdioChannel {
    private final ObjectMapper json;
    private final MessageTap tap;
    private final JsonRpcCheck check;
    private final Duration drainLimit;
    private final Runnable onInitialized;
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Input input;
    private final Output output;

    StdioChannel(
            InputStream in,
            OutputStream out,
            ObjectMapper json,
            MessageTap tap,
            Duration drainLimit,
            Runnable onInitialized) {
        this.json = json;
        this.onInitialized = onInitialized;
        this.tap = tap;
        this.check = new JsonRpcCheck(json);
        this.drainLimit = drainLimit;
        this.input = new Input(new BufferedInputStream(in, 64 * 1024));
        this.output = new Output(out);
    }

    InputStream input() {
        return input;
    }

    OutputStream output() {
        return output;
    }

    /** Blocks until stdin has ended and the SDK has been told so. */
    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    private final class Input extends InputStream {
        private final InputStream in;
        private byte[] buffer = new byte[0];
        private int position;

        Input(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (position >= buffer.length) {
                Optional<byte[]> line = nextLine();
                if (line.isEmpty()) {
                    drain();
                    ended.countDown();
                    return -1;
                }
                buffer = line.get();
                position = 0;
            }
            int n = Math.min(len, buffer.length - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }

        /** The next message line to hand on, newline included; empty at end of input. */
        private Optional<byte[]> nextLine() throws IOException {
            while (true) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int c;
                while ((c = in.read()) != -1 && c != '\n') {
                    line.write(c);
                }
                if (c == -1 && line.size() == 0) {
                    return Optional.empty();
                }
                byte[] bytes = line.toByteArray();
                if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                    continue;
                }
                Optional<byte[]> accepted = accept(bytes);
                if (accepted.isPresent()) {
                    byte[] withNewline = Arrays.copyOf(accepted.get(), accepted.get().length + 1);
                    withNewline[withNewline.length - 1] = '\n';
                    return Optional.of(withNewline);
                }
            }
        }

        private Optional<byte[]> accept(byte[] bytes) throws IOException {
            JsonNode message;
            try {
                message = json.readTree(bytes);
            } catch (IOException e) {
                reject(
                        json.nullNode(),
                        JsonRpcCheck.PARSE_ERROR,
                        "Parse error: each line on stdin must be one JSON-RPC message");
                return Optional.empty();
            }
            Optional<JsonRpcCheck.Refusal> malformed = check.check(message);
            if (malformed.isPresent()) {
                JsonRpcCheck.Refusal refusal = malformed.get();
                reject(refusal.id(), refusal.code(), refusal.message());
                return Optional.empty();
            }
            if (message.path("method").isTextual() && message.has("id")) {
                unanswered.add(message.get("id").toString());
            }
            if (message.path("method").asText().equals("notifications/initialized")) {
                onInitialized.run();
            }
            return tap.inbound("stdio", bytes);
        }

        private void reject(JsonNode id, int code, String text) throws IOException {
            ObjectNode error = json.createObjectNode().put("jsonrpc", "2.0");
            error.set("id", id);
            error.putObject("error").put("code", code).put("message", text);
            output.writeLine(json.writeValueAsBytes(error));
        }

        private void drain() {
            long deadline = System.nanoTime() + drainLimit.toNanos();
            synchronized (unanswered) {
                while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
                    try {
                        unanswered.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private final class Output extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Output(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    out.flush();
                    answered(line.toByteArray());
                    line.reset();
                } else {
                    line.write(b[i]);
                }
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        synchronized void writeLine(byte[] message) throws IOException {
            write(message, 0, message.length);
            write('\n');
            flush();
        }

        private void answered(byte[] message) {
            try {
                JsonNode node = json.readTree(message);
                if (node != null && node.has("id") && !node.has("method")) {
                    synchronized (unanswered) {
                        unanswered.remove(node.get("id").toString());
                        unanswered.notifyAll();
                    }
                }
            } catch (IOException e) {
                // not ours to judge: the SDK wrote it
            }
        }
    }
}
