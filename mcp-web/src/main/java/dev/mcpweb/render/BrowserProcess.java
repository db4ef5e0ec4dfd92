package dev.mcpweb.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Chromium with a throw-away profile, every request sent through the guarded proxy,
 * and the DevTools connection to drive it. Closing it kills the process tree and deletes the profile.
 */
final class BrowserProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BrowserProcess.class);
    private static final String LISTENING = "DevTools listening on ";

    private final Process process;
    private final Path profile;
    private final CdpConnection cdp;

    private BrowserProcess(Process process, Path profile, CdpConnection cdp) {
        this.process = process;
        this.profile = profile;
        this.cdp = cdp;
    }

    static BrowserProcess launch(Path executable, String proxy, Duration timeout) throws IOException {
        Path profile = Files.createTempDirectory("mcp-web-chromium-");
        ProcessBuilder builder = new ProcessBuilder(arguments(executable, proxy, profile))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // Chromium's crash handler keeps its database under the XDG config directory: inside the profile,
        // it is deleted with it and names the profile on its command line, so ProcessTree.kill finds it
        builder.environment().put("XDG_CONFIG_HOME", profile.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", profile.resolve("cache").toString());
        Process process = builder.start();
        try {
            URI devtools = devToolsUrl(process, timeout);
            return new BrowserProcess(process, profile, CdpConnection.open(devtools, timeout));
        } catch (IOException | RuntimeException e) {
            ProcessTree.kill(process.toHandle(), profile.toString());
            deleteTree(profile);
            throw e;
        }
    }

    /**
     * The flags: all traffic through {@code proxy}, loopback included ({@code <-loopback>} removes the
     * implicit bypass), which for the browser's own traffic is the proxy that refuses all (pages get the
     * guarded one per context); no UDP outside the proxy (WebRTC, QUIC); as few calls home as flags stop.
     * The sandbox needs a non-root user, so it is dropped only as root.
     */
    static List<String> arguments(Path executable, String proxy, Path profile) {
        List<String> args = new ArrayList<>(List.of(
                executable.toString(),
                "--headless",
                "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1",
                "--user-data-dir=" + profile,
                "--proxy-server=" + proxy,
                "--proxy-bypass-list=<-loopback>",
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                "--disable-quic",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-breakpad",
                "--disable-features=DnsOverHttps,PushMessaging,BackgroundFetch,InterestCohortAPI",
                "--dns-prefetch-disable",
                "--mute-audio",
                "--blink-settings=imagesEnabled=false",
                "about:blank"));
        if (isRoot()) {
            args.add(1, "--no-sandbox");
        }
        return args;
    }

    CdpConnection cdp() {
        return cdp;
    }

    boolean isAlive() {
        return process.isAlive() && cdp.isOpen();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        long t0 = System.nanoTime();
        try {
            cdp.close();
        } finally { // whatever the connection does, the processes go
            ProcessTree.kill(process.toHandle(), profile.toString());
            deleteTree(profile);
            log.debug("stopped Chromium (pid {}) in {} ms", process.pid(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static URI devToolsUrl(Process process, Duration timeout) throws IOException {
        CompletableFuture<URI> url = new CompletableFuture<>();
        Thread.ofVirtual().name("chromium-stderr").start(() -> {
            try (BufferedReader err =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    if (!url.isDone() && line.startsWith(LISTENING)) {
                        url.complete(
                                URI.create(line.substring(LISTENING.length()).strip()));
                    } else {
                        log.debug("chromium: {}", line);
                    }
                }
            } catch (IOException e) {
                log.debug("chromium stderr: {}", e.toString());
            }
            url.completeExceptionally(new IOException("Chromium exited before it was ready (exit code "
                    + (process.isAlive() ? "unknown" : process.exitValue()) + "); run it with -v to see its output"));
        });
        try {
            return url.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting Chromium", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Chromium did not start within " + timeout.toMillis() + " ms", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.debug("could not delete the Chromium profile {}: {}", dir, e.toString());
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
