package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.render.BrowserTest;
import dev.mcpweb.render.ProcessTree;
import dev.mcpweb.render.SpaPages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code serve} that rendered a page leaves no Chromium process behind when it exits, however it is asked to. */
@BrowserTest
class ServeLeavesNoBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SpaPages.Site site;

    @BeforeEach
    void serve() throws IOException {
        site = SpaPages.serve();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void sigtermStopsTheBrowserWithTheServer() throws Exception {
        Process server = start();
        List<ProcessHandle> browser = renderOnce(server);

        server.destroy(); // SIGTERM

        assertThat(server.waitFor(60, TimeUnit.SECONDS))
                .as("serve exits on SIGTERM")
                .isTrue();
        assertAllExited(browser, dir.resolve("stderr.txt"));
    }

    @Test
    void closingStdinStopsTheBrowserWithTheServer() throws Exception {
        Process server = start();
        List<ProcessHandle> browser = renderOnce(server);

        server.getOutputStream().close();

        assertThat(server.waitFor(60, TimeUnit.SECONDS))
                .as("serve exits when stdin closes")
                .isTrue();
        assertThat(server.exitValue()).isZero();
        assertAllExited(browser, dir.resolve("stderr.txt"));
    }

    private Process start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.mcpweb.cli.Main",
                        "serve")
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("MCP_WEB_"));
        builder.environment().put("MCP_WEB_CACHE_DIR", dir.resolve("cache").toString());
        builder.environment().put("MCP_WEB_FETCHER_ALLOWED_HOSTS", "127.0.0.1");
        builder.environment().put("MCP_WEB_FETCHER_RESPECT_ROBOTS", "false");
        builder.environment().put("MCP_WEB_LOG_LEVEL", "debug");
        return builder.start();
    }

    /** Renders an app page through {@code fetch_url} and returns the browser's processes, running now. */
    private List<ProcessHandle> renderOnce(Process server) throws Exception {
        String url = site.url("/spa/inline");
        OutputStream in = server.getOutputStream();
        in.write((String.join(
                                "\n",
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"fetch_url\","
                                        + "\"arguments\":{\"url\":\"" + url + "\"}}}")
                        + "\n")
                .getBytes(StandardCharsets.UTF_8));
        in.flush();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        JsonNode answer = null;
        for (String line; (line = out.readLine()) != null; ) {
            JsonNode message = JSON.readTree(line);
            if (message.path("id").asInt() == 2) {
                answer = message;
                break;
            }
        }
        assertThat(answer).as("fetch_url answered").isNotNull();
        assertThat(answer.at("/result/structuredContent/render/rendered").asBoolean())
                .as(answer.toString())
                .isTrue();
        List<ProcessHandle> browser = new ArrayList<>(server.descendants().toList());
        assertThat(browser).as("Chromium runs under serve").isNotEmpty();
        return browser;
    }

    /**
     * Waits up to 30 s for none to run; a zombie waiting for init to reap it has stopped running. Those
     * still running are killed, so a failure leaves nothing behind; the server's log says why.
     */
    private static void assertAllExited(List<ProcessHandle> processes, Path serverLog) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (processes.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        List<ProcessHandle> running =
                processes.stream().filter(ProcessTree::isRunning).toList();
        running.forEach(ProcessHandle::destroyForcibly);
        assertThat(running)
                .as("Chromium processes left running; serve's log:%n%s", Files.readString(serverLog))
                .isEmpty();
    }
}
