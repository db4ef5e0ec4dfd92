package dev.mcpweb.render;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test sites on loopback: {@link #pages}, an HTTP server on 127.0.0.1 the tests reach under the
 * allow-listed name {@code app.test}, and {@link #internal}, a bare listener on 127.0.0.2 standing for
 * an internal service the guard must keep every request away from. Both close with the test.
 */
final class LoopbackSites implements AutoCloseable {
    static final String HOST = "app.test";

    final HttpServer pages;
    final ServerSocket internal;
    private final AtomicInteger internalHits = new AtomicInteger();
    private final Map<String, AtomicInteger> pageHits = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    LoopbackSites() throws IOException {
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // requests overlap, as on a real site
        pages.start();
        internal = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"));
        Thread.ofVirtual().start(this::countInternal);
    }

    /** Serves {@code body} at {@code path} with {@code type}; {@code {INTERNAL}} becomes the internal origin. */
    LoopbackSites page(String path, String type, String body) {
        String text = body.replace("{INTERNAL}", internalOrigin()).replace("{PORT}", String.valueOf(port()));
        pages.createContext(path, exchange -> {
            pageHits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        return this;
    }

    /**
     * Serves {@code path} (any query) after {@code holdMillis}, as a slow API does, counting the most
     * requests it had in flight at once.
     */
    LoopbackSites slow(String path, long holdMillis) {
        pages.createContext(path, exchange -> {
            pageHits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(holdMillis); // the server's latency, not a wait of the test
                byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        return this;
    }

    /** The most requests {@link #slow} paths had in flight at once. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    /** Answers {@code path} with a redirect to {@code location}. */
    LoopbackSites redirect(String path, String location) {
        String target = location.replace("{INTERNAL}", internalOrigin());
        pages.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Location", target);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        return this;
    }

    int port() {
        return pages.getAddress().getPort();
    }

    String url(String path) {
        return "http://" + HOST + ":" + port() + path;
    }

    String internalOrigin() {
        return "127.0.0.2:" + internal.getLocalPort();
    }

    /** Connections the internal listener accepted: any is a guard failure. */
    int internalHits() {
        return internalHits.get();
    }

    int hits(String path) {
        AtomicInteger n = pageHits.get(path);
        return n == null ? 0 : n.get();
    }

    private void countInternal() {
        while (!internal.isClosed()) {
            try (Socket s = internal.accept()) {
                internalHits.incrementAndGet();
                InputStream in = s.getInputStream();
                in.readNBytes(in.available());
                s.getOutputStream()
                        .write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        pages.stop(0);
        internal.close();
    }
}
