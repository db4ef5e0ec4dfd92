package dev.mcpweb.render;

import dev.mcpweb.fetch.GuardedConnector;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser's only way out: a forward proxy on 127.0.0.1 that Chromium sends every request through
 * ({@code --proxy-server}, loopback included). Each plain request and each CONNECT is opened with the
 * fetcher's {@link GuardedConnector}, so the URL guard and DNS pinning judge every subresource, every
 * redirect hop (Chromium asks the proxy again for each) and every tunnel, and robots.txt and the
 * per-host fetch slots apply to plain requests as to any fetch. Refused targets get a 403 and never see
 * a byte. A response longer than {@code fetcher.max_body_size}, or a tunnel carrying more than the
 * page's byte cap, is cut. WebSocket upgrades over plain HTTP are refused outright; TLS is tunnelled, not
 * opened, so what goes through a tunnel is the page's business, but where it goes is ours.
 *
 * <p>Chromium's own traffic (component updates, sign-in, the other calls home its flags do not all stop)
 * goes to a second port, {@link #browserAddress}, which refuses every request before a name is looked
 * up: pages get this proxy per browser context ({@link #pageAddress}), the browser as a whole the other.
 */
final class GuardedProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GuardedProxy.class);
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_CONNECTIONS = 64;
    /** Marks the proxy's own refusals, so a render can tell them from an origin's 403. */
    static final String REFUSED_HEADER = "X-Mcp-Web-Refused";

    private final GuardedConnector connector;
    private final ServerSocket server;
    private final ServerSocket browserTraffic;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong cut = new AtomicLong();
    private final long tunnelBytes;

    /** A proxy whose tunnels carry at most {@code tunnelBytes} from the origin each. */
    GuardedProxy(GuardedConnector connector, long tunnelBytes) throws IOException {
        this.connector = connector;
        this.tunnelBytes = tunnelBytes;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.browserTraffic = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> accept(server, this::serve));
        threads.execute(() -> accept(browserTraffic, GuardedProxy::refuseBrowserTraffic));
    }

    /** The proxy of pages: the value for a browser context's {@code proxyServer}. */
    String pageAddress() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The proxy of everything else the browser sends: the value for Chromium's {@code --proxy-server}. */
    String browserAddress() {
        return "http://127.0.0.1:" + browserTraffic.getLocalPort();
    }

    /** Requests and tunnels refused (guard, robots.txt) since start. */
    long refusedCount() {
        return refused.get();
    }

    /** Responses and tunnels cut at their byte bound since start. */
    long cutCount() {
        return cut.get();
    }

    @Override
    public void close() {
        for (ServerSocket port : List.of(server, browserTraffic)) {
            try {
                port.close();
            } catch (IOException e) {
                log.debug("closing the render proxy: {}", e.toString());
            }
        }
        threads.shutdownNow();
    }

    private interface Handler {
        void serve(Socket client) throws IOException;
    }

    private void accept(ServerSocket server, Handler handler) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!connections.tryAcquire()) {
                    client.close(); // the browser retries; a flood from a page does not grow threads
                    continue;
                }
                threads.execute(() -> {
                    try (client) {
                        handler.serve(client);
                    } catch (IOException e) {
                        log.debug("render proxy connection: {}", e.toString());
                    } finally {
                        connections.release();
                    }
                });
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("render proxy accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket client) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        List<String> head = readHead(in);
        if (head.isEmpty()) {
            return;
        }
        String[] requestLine = head.getFirst().split(" ");
        if (requestLine.length != 3) {
            reply(out, "400 Bad Request");
            return;
        }
        String method = requestLine[0];
        if (method.equals("CONNECT")) {
            tunnel(requestLine[1], in, out);
            return;
        }
        HttpUrl url = HttpUrl.parse(requestLine[1]);
        if (url == null || !url.scheme().equals("http") || isUpgrade(head)) {
            refuse(out, requestLine[1], "only plain http requests and CONNECT tunnels are proxied");
            return;
        }
        switch (connector.openRequest(url)) {
            case GuardedConnector.Refused r -> refuse(out, url.toString(), r.message());
            case GuardedConnector.Opened o -> {
                try (o) {
                    OutputStream toOrigin = o.socket().getOutputStream();
                    toOrigin.write(originHead(method, url, requestLine[2], head).getBytes(StandardCharsets.ISO_8859_1));
                    toOrigin.flush();
                    pipe(client, o.socket(), in, out, connector.maxBodySize(), url.toString());
                }
            }
        }
    }

    private static void refuseBrowserTraffic(Socket client) throws IOException {
        List<String> head = readHead(new BufferedInputStream(client.getInputStream()));
        if (!head.isEmpty()) {
            log.debug("render: refused Chromium's own request {}", head.getFirst());
            reply(client.getOutputStream(), "403 Forbidden");
        }
    }

    private void tunnel(String authority, InputStream in, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(authority.substring(colon + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            reply(out, "400 Bad Request");
            return;
        }
        switch (connector.open(authority.substring(0, colon), port)) {
            case GuardedConnector.Refused r -> refuse(out, "CONNECT " + authority, r.message());
            case GuardedConnector.Opened o -> {
                try (o) {
                    out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    pipe(null, o.socket(), in, out, tunnelBytes, "CONNECT " + authority);
                }
            }
        }
    }

    /** Copies both ways until the origin is done or has sent {@code maxBytes}, when the exchange is cut. */
    private void pipe(
            Socket client, Socket origin, InputStream fromClient, OutputStream toClient, long maxBytes, String target)
            throws IOException {
        var upstream = threads.submit(() -> {
            try {
                fromClient.transferTo(origin.getOutputStream());
                origin.shutdownOutput();
            } catch (IOException e) {
                origin.close(); // the client went away: nothing more to send or read
            }
            return null;
        });
        byte[] buffer = new byte[16 * 1024];
        InputStream fromOrigin = origin.getInputStream();
        long total = 0;
        try {
            for (int n; (n = fromOrigin.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    cut.incrementAndGet();
                    log.info("render: cut {} after {} bytes", target, maxBytes);
                    break;
                }
                toClient.write(buffer, 0, n);
                toClient.flush();
            }
        } catch (SocketException e) {
            log.debug("render proxy pipe: {}", e.toString());
        }
        if (client != null) {
            client.close(); // Connection: close was asked of the origin; end the exchange for the browser too
        }
        upstream.cancel(true);
    }

    private void refuse(OutputStream out, String target, String why) throws IOException {
        refused.incrementAndGet();
        log.info("render: refused {}: {}", target, why);
        reply(out, "403 Forbidden\r\n" + REFUSED_HEADER + ": " + why.replaceAll("[\r\n]", " "));
    }

    private static void reply(OutputStream out, String statusAndHeaders) throws IOException {
        out.write(("HTTP/1.1 " + statusAndHeaders + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static boolean isUpgrade(List<String> head) {
        return head.stream().skip(1).anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("upgrade:"));
    }

    /** The request as the origin sees it: origin-form target, no proxy headers, one exchange per connection. */
    private static String originHead(String method, HttpUrl url, String version, List<String> head) {
        StringBuilder b = new StringBuilder(method).append(' ').append(url.encodedPath());
        if (url.encodedQuery() != null) {
            b.append('?').append(url.encodedQuery());
        }
        b.append(' ').append(version).append("\r\n");
        for (String h : head.subList(1, head.size())) {
            String name = h.substring(0, Math.max(0, h.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
            if (!name.startsWith("proxy-") && !name.equals("connection") && !name.equals("keep-alive")) {
                b.append(h).append("\r\n");
            }
        }
        return b.append("Connection: close\r\n\r\n").toString();
    }

    /** Reads the request line and headers, up to {@link #MAX_HEAD_BYTES}; empty when the client closed. */
    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        int total = 0;
        for (int c; (c = in.read()) >= 0; ) {
            if (++total > MAX_HEAD_BYTES) {
                throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
            }
            if (c == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                line.reset();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(c);
            }
        }
        return List.of();
    }
}
