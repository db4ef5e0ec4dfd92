package dev.mcpweb.sim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * One HTTP/1.1 connection of the simulated server, written by hand because failure injection needs
 * what server frameworks hide: cutting a chunked stream without its last chunk, and noticing that a
 * client hung up while the server is still "thinking" ({@link #pauseUntil} watches the socket), which is
 * how a cancelled summary frees the simulated model's slot as a real endpoint's would. Measured on
 * 2026-12-02 before keeping it: Jetty 12.1.14 (a core {@code Handler} with {@code addFailureListener},
 * body read, client closing 300 ms into a 3 s wait) did not notice the hang-up before the wait ended, and
 * the JDK's {@code HttpServer} gives a handler no access to the socket at all.
 */
final class HttpConnection implements AutoCloseable {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private static final int KEEP_ALIVE_MILLIS = 60_000;
    /** Waits shorter than this are parked rather than spent in a socket read with a millisecond timeout. */
    private static final long WATCH_MARGIN_NANOS = 3_000_000;

    /** One request: method, path (without query), headers with lower-case names, body. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        boolean keepAlive() {
            return !header("connection").orElse("").equalsIgnoreCase("close");
        }
    }

    private final Socket socket;
    private final PushbackInputStream in;
    private final OutputStream out;
    private Runnable beforeLastByte = () -> {};

    HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new PushbackInputStream(new BufferedInputStream(socket.getInputStream()), 1);
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** The next request, or empty when the client closed the connection between requests. */
    Optional<Request> next() throws IOException {
        socket.setSoTimeout(KEEP_ALIVE_MILLIS);
        String requestLine;
        try {
            requestLine = readLine();
        } catch (SocketTimeoutException idle) {
            return Optional.empty();
        }
        if (requestLine == null || requestLine.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("bad request line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                throw new IOException("bad header");
            }
            headers.put(
                    line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip());
        }
        if ("100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body = readBody(headers);
        String path = parts[1].contains("?") ? parts[1].substring(0, parts[1].indexOf('?')) : parts[1];
        return Optional.of(new Request(parts[0], path, headers, body));
    }

    private byte[] readBody(Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine();
                if (sizeLine == null) {
                    throw new IOException("truncated chunked body");
                }
                int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
                if (size == 0) {
                    while (true) {
                        String trailer = readLine();
                        if (trailer == null || trailer.isEmpty()) {
                            return body.toByteArray();
                        }
                    }
                }
                if (body.size() + size > MAX_BODY) {
                    throw new IOException("body too large");
                }
                body.write(in.readNBytes(size));
                readLine();
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        if (length < 0 || length > MAX_BODY) {
            throw new IOException("bad content length");
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("truncated body");
        }
        return body;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b == -1) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            line.write(b);
        }
    }

    /**
     * Waits until {@link System#nanoTime()} reaches {@code deadline} while watching the socket: false
     * as soon as the client hangs up (it sends nothing while it waits for an answer, so end-of-stream
     * means it gave up). Returns at once when the deadline has passed, so a caller that paces against
     * an absolute schedule catches up after a late wake-up instead of adding it to every later wait.
     * The socket is watched in whole milliseconds with a margin; the last stretch is parked to the
     * nanosecond.
     */
    boolean pauseUntil(long deadline) throws IOException {
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= WATCH_MARGIN_NANOS) {
                    return parkUntil(deadline);
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, (left - WATCH_MARGIN_NANOS) / 1_000_000 + 1));
                try {
                    int b = in.read();
                    if (b == -1) {
                        return false;
                    }
                    in.unread(b); // a pipelined request: keep it, and just wait out the rest
                    return parkUntil(deadline);
                } catch (SocketTimeoutException tick) {
                    // nothing from the client: still there
                }
            }
        } catch (IOException reset) {
            return false;
        }
    }

    /** Parks until {@code deadline} (false if interrupted, with the interrupt kept). */
    private static boolean parkUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code action} once, just before the current answer's last byte is sent (or the connection
     * is cut): a client can act on an answer the moment it has it, so whatever counts the request as
     * over must be done by then.
     */
    void beforeLastByte(Runnable action) {
        beforeLastByte = action;
    }

    private void lastByteNext() {
        Runnable action = beforeLastByte;
        beforeLastByte = () -> {};
        action.run();
    }

    void respond(int status, String contentType, Map<String, String> headers, byte[] body) throws IOException {
        lastByteNext();
        writeHead(status, contentType, headers, "Content-Length: " + body.length);
        out.write(body);
        out.flush();
    }

    /** Sends the head and only part of a body whose full length it announced, then hangs up. */
    void respondTruncated(int status, String contentType, byte[] body) throws IOException {
        lastByteNext();
        writeHead(status, contentType, Map.of(), "Content-Length: " + body.length);
        out.write(body, 0, body.length / 2);
        out.flush();
        abort();
    }

    void startChunked(String contentType) throws IOException {
        writeHead(200, contentType, Map.of("Cache-Control", "no-cache"), "Transfer-Encoding: chunked");
        out.flush();
    }

    void chunk(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    void endChunked() throws IOException {
        lastByteNext();
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Hangs up mid-response: the client sees a body that ends too early. */
    void abort() {
        lastByteNext();
        try {
            out.flush();
        } catch (IOException ignored) {
            // the point is to hang up
        }
        close();
    }

    private void writeHead(int status, String contentType, Map<String, String> headers, String framing)
            throws IOException {
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason(status))
                .append("\r\n")
                .append("Content-Type: ")
                .append(contentType)
                .append("\r\n")
                .append(framing)
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
