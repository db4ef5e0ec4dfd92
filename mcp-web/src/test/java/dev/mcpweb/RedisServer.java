package dev.mcpweb;

import dev.mcpweb.config.CacheConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} of the test's own on 127.0.0.1, for {@code @RegisterExtension static}: it
 * starts on a free port with nothing persisted before the class's tests, answers PING before they run, and
 * is stopped after them whatever they did (and at JVM exit, should the JVM end first). Without a
 * {@code redis-server} on the PATH (bin/test installs Debian's) the tests are skipped with a notice.
 * {@link #stop()} and {@link #start()} let a test take Redis away and bring it back on the same port.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {
    private static final long START_TIMEOUT_SECONDS = 10;

    private Process process;
    private Path dir;
    private int port;
    private Thread onExit;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Optional<Path> binary = binary();
        Assumptions.assumeTrue(
                binary.isPresent(),
                "no redis-server on the PATH: skipping the Redis tests (bin/test installs it; or apt-get install redis-server)");
        dir = Files.createTempDirectory("mcp-web-redis");
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        onExit = new Thread(this::stop, "redis-server-stopper");
        Runtime.getRuntime().addShutdownHook(onExit);
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
        if (onExit != null) {
            Runtime.getRuntime().removeShutdownHook(onExit);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** {@code redis://127.0.0.1:PORT/0}. */
    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public int port() {
        return port;
    }

    /** A cache on this Redis with the default lifetimes, 1 GB at most and no memory tier. */
    public CacheConfig cacheConfig() {
        return new CacheConfig(
                true,
                Path.of("unused"),
                Duration.ofDays(7),
                Duration.ofHours(1),
                Duration.ofDays(1),
                1L << 30,
                0,
                CacheConfig.Backend.REDIS,
                url());
    }

    /** Starts the server (again) on its port and returns once it answers PING. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(List.of(
                        binary().orElseThrow().toString(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString(),
                        "--logfile",
                        dir.resolve("redis.log").toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.out").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IOException("redis-server did not answer PING on port " + port + " within "
                        + START_TIMEOUT_SECONDS + " s; see " + dir.resolve("redis.log"));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // between connection attempts
        }
    }

    /** Stops the server and waits until it is gone; its data goes with it. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Deletes every key, so that each test starts from an empty Redis. */
    public void flushAll() throws IOException {
        if (!"+OK".equals(command("FLUSHALL"))) {
            throw new IOException("FLUSHALL failed on port " + port);
        }
    }

    private boolean answersPing() {
        try {
            return "+PONG".equals(command("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends one inline command and returns the first line of the reply. */
    private String command(String inline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private static Optional<Path> binary() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
