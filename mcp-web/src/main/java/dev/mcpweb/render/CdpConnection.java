package dev.mcpweb.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The Chrome DevTools Protocol over the JDK's WebSocket client: numbered calls answered by futures,
 * and events handed to one listener per session. When the socket closes (the browser died) every
 * pending call fails at once, which is what lets a render in flight end with a clear error.
 */
final class CdpConnection implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, BiConsumer<String, JsonNode>> listeners = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private CdpConnection(WebSocket socket) {
        this.socket = socket;
    }

    static CdpConnection open(URI url, Duration timeout) throws IOException {
        var holder = new CompletableFuture<CdpConnection>();
        Receiver receiver = new Receiver(holder);
        try {
            WebSocket ws = HttpClient.newBuilder()
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .connectTimeout(timeout)
                    .build()
                    .newWebSocketBuilder()
                    .buildAsync(url, receiver)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            CdpConnection c = new CdpConnection(ws);
            holder.complete(c);
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to the browser", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to the browser's DevTools socket " + url + ": " + e, e);
        }
    }

    /** Calls {@code method} and waits for its answer's {@code result}, at most {@code timeout}. */
    JsonNode call(String sessionId, String method, ObjectNode params, Duration timeout) throws IOException {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            if (closed.isDone()) {
                throw new IOException("the browser connection is closed");
            }
            synchronized (socket) { // sendText must not overlap with itself
                socket.sendText(message.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new IOException(method + " failed: "
                        + reply.path("error").path("message").asText());
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during " + method, e);
        } catch (ExecutionException e) {
            throw new IOException(method + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(method + " took longer than " + timeout.toMillis() + " ms", e);
        } finally {
            pending.remove(id);
        }
    }

    /** Sends without waiting for the answer: for replies made from an event listener, which must not block. */
    void post(String sessionId, String method, ObjectNode params) {
        ObjectNode message =
                JSON.createObjectNode().put("id", ids.incrementAndGet()).put("method", method);
        message.set("params", params);
        message.put("sessionId", sessionId);
        synchronized (socket) {
            socket.sendText(message.toString(), true);
        }
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Events of {@code sessionId} (or of the browser, for {@code ""}) go to {@code listener}. */
    void listen(String sessionId, BiConsumer<String, JsonNode> listener) {
        listeners.put(sessionId, listener);
    }

    void forget(String sessionId) {
        listeners.remove(sessionId);
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    @Override
    public void close() {
        socket.abort();
        failAll("the browser connection was closed");
    }

    private void failAll(String why) {
        closed.complete(null);
        IOException e = new IOException(why);
        pending.values().forEach(f -> f.completeExceptionally(e));
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // the browser speaks JSON; a broken frame carries nothing we could act on
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> f = pending.get(message.get("id").asLong());
            if (f != null) {
                f.complete(message);
            }
            return;
        }
        var listener = listeners.get(message.path("sessionId").asText(""));
        if (listener != null) {
            listener.accept(message.path("method").asText(), message.path("params"));
        }
    }

    /** Reassembles fragmented frames; hands whole messages to the connection once it exists. */
    private static final class Receiver implements WebSocket.Listener {
        private final CompletableFuture<CdpConnection> connection;
        private final StringBuilder partial = new StringBuilder();

        Receiver(CompletableFuture<CdpConnection> connection) {
            this.connection = connection;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                connection.join().dispatch(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            connection.thenAccept(c -> c.failAll("the browser closed its DevTools connection"));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            connection.thenAccept(c -> c.failAll("the browser connection failed: " + error));
        }
    }
}
