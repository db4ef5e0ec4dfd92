package dev.mcpweb.tools.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Debian's {@code redis-server} on 127.0.0.1, on a free port, with nothing persisted. */
final class RedisProcess implements AutoCloseable {
    private final ChildProcess process;
    private final int port;

    private RedisProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisProcess start(Path dir) throws IOException {
        String binary = Executables.find("redis-server", "apt-get install redis-server");
        int port = Ports.free();
        ChildProcess process = ChildProcess.start(
                "redis-server",
                List.of(
                        binary,
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString()),
                Map.of(),
                dir.resolve("redis.log"));
        RedisProcess redis = new RedisProcess(process, port);
        process.awaitReady(Duration.ofSeconds(10), redis::answersPing);
        return redis;
    }

    /** {@code redis://127.0.0.1:PORT/0}. */
    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
