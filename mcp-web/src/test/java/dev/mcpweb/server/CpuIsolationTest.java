package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.Pipeline;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heavy pages (megabytes of legitimate HTML with a hundred thousand elements, seconds of CPU each to
 * extract) sent through the MCP server over Streamable HTTP: they must not stall other calls, a full
 * server must say so at once, a cancelled call must stop its CPU work, and a source over its CPU
 * budget must fail alone.
 */
class CpuIsolationTest {
    /** About 9 MB: 85,000 blocks, each a paragraph with a link; seconds of CPU to extract. */
    private static final byte[] HEAVY = heavyPage(85_000);

    private static final byte[] SMALL = """
            <html><head><title>Sourdough</title></head><body><article><h1>Sourdough starters</h1>
            <p>A sourdough starter takes about five to seven days to become active enough to bake with.</p>
            <p>Feed it flour and water every day and keep it warm.</p></article></body></html>""".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path cacheDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger(10);
    private HttpServer pages;
    private McpWebServer server;
    private McpWebServer.HttpEndpoint endpoint;
    private URI mcp;
    private String session;

    @BeforeEach
    void servePages() throws Exception {
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().startsWith("/heavy") ? HEAVY : SMALL;
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        pages.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (endpoint != null) {
            endpoint.close();
        }
        if (server != null) {
            server.close();
        }
        pages.stop(0);
    }

    @Test
    void aQuickCallIsAnsweredPromptlyWhileTwoHeavyExtractionsRun() throws Exception {
        start(Map.of("extractor.max_cpu", "10m"));
        // Both extractions in the CPU pool: both running, or (once they count as long tasks, which hold all
        // the CPU threads but one) one running and one waiting for its turn. Either lasts until they end.
        twoHeavyCalls(h -> h.path("cpu_busy").asInt() >= 1
                && h.path("cpu_busy").asInt() + h.path("cpu_queued").asInt() == 2);

        long t0 = System.nanoTime();
        JsonNode stats = callAsync(13, "get_cache_stats", Map.of()).get(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(stats.path("result").path("isError").asBoolean()).isFalse();
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        cancel(11);
        cancel(12);
    }

    @Test
    void aCallBeyondTheConcurrencyLimitIsAnsweredBusyAtOnceAndHealthSaysSaturated() throws Exception {
        start(Map.of("extractor.max_cpu", "10m", "server.max_concurrent_tools", "2"));
        twoHeavyCalls(h -> h.path("active_tool_calls").asInt() == 2);

        long t0 = System.nanoTime();
        JsonNode third = callAsync(13, "get_cache_stats", Map.of()).get(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(third.path("result").path("isError").asBoolean()).isTrue();
        assertThat(text(third)).contains("busy", "server.max_concurrent_tools", "retry");
        HttpResponse<String> health = health();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("saturated");
        cancel(11);
        cancel(12);
    }

    @Test
    void cancellingAHeavyCallStopsItsCpuWork() throws Exception {
        start(Map.of("extractor.max_cpu", "10m"));
        CompletableFuture<JsonNode> call = callAsync(11, "fetch_url", Map.of("url", page("/heavy/1")));
        awaitHealth(h -> h.path("cpu_busy").asInt() == 1, call);

        cancel(11);

        // The extraction alone takes many seconds of CPU; cancelled, the pool is idle well before.
        long t0 = System.nanoTime();
        awaitHealth(h -> h.path("cpu_busy").asInt() == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(text(call.get(10, TimeUnit.SECONDS))).contains("cancelled");
    }

    @Test
    void aSourceOverItsCpuBudgetFailsAloneWithItsOwnError() throws Exception {
        start(Map.of("extractor.max_cpu", "300ms"));
        JsonNode result = callAsync(
                        11, "summarize_urls", Map.of("urls", java.util.List.of(page("/heavy/1"), page("/small"))))
                .get(60, TimeUnit.SECONDS)
                .path("result");

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        JsonNode failures = result.path("structuredContent").path("failures");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("source").asText()).isEqualTo(page("/heavy/1"));
        assertThat(failures.get(0).path("message").asText())
                .contains("extraction used more than its CPU-time budget of 300 ms (extractor.max_cpu)")
                .doesNotContain("extraction extraction");
        assertThat(result.path("structuredContent").path("summary").asText()).contains("five to seven days");
    }

    private void start(Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("cache.dir", cacheDir.toString());
        all.put("fetcher.allowed_hosts", "127.0.0.1");
        all.put("fetcher.respect_robots", "false");
        Config config = Config.defaults().with(all);
        server = McpWebServer.create(config, meters -> Pipeline.create(config, meters), "test");
        endpoint = server.serveHttp("127.0.0.1", 0);
        mcp = endpoint.uri();
        HttpResponse<String> init = post("""
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""");
        session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    /** Starts two heavy calls (ids 11 and 12) and waits until {@code /health} shows them as {@code inFlight} says. */
    private void twoHeavyCalls(Predicate<JsonNode> inFlight) throws Exception {
        CompletableFuture<JsonNode> first = callAsync(11, "fetch_url", Map.of("url", page("/heavy/1")));
        CompletableFuture<JsonNode> second = callAsync(12, "fetch_url", Map.of("url", page("/heavy/2")));
        awaitHealth(inFlight, first, second);
    }

    private String page(String path) {
        return "http://127.0.0.1:" + pages.getAddress().getPort() + path;
    }

    private CompletableFuture<JsonNode> callAsync(int id, String tool, Map<String, Object> arguments) throws Exception {
        String body = json.writeValueAsString(Map.of(
                "jsonrpc",
                "2.0",
                "id",
                id,
                "method",
                "tools/call",
                "params",
                Map.of("name", tool, "arguments", arguments)));
        return http.sendAsync(request(body), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response(response.body()));
    }

    /** The JSON-RPC response in a body that is plain JSON or a stream of server-sent events. */
    private JsonNode response(String body) {
        try {
            if (body.startsWith("{")) {
                return json.readTree(body);
            }
            for (String line : body.split("\n")) {
                if (line.startsWith("data:")) {
                    JsonNode message = json.readTree(line.substring(5).strip());
                    if (message.has("id")) {
                        return message;
                    }
                }
            }
            throw new AssertionError("no response in: " + body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(JsonNode response) {
        return response.path("result").path("content").path(0).path("text").asText();
    }

    private void cancel(int id) throws Exception {
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + id
                + ",\"reason\":\"test\"}}");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(request(body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(mcp)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request.build();
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(mcp.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (30 s at most) until {@code /health} satisfies {@code condition}; fails early if a call ended first. */
    private void awaitHealth(Predicate<JsonNode> condition, CompletableFuture<?>... calls) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = json.readTree(health().body());
            if (condition.test(last)) {
                return;
            }
            for (CompletableFuture<?> call : calls) {
                assertThat(call)
                        .as("a heavy call ended before the condition held: %s", last)
                        .isNotDone();
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // poll interval, not a wait for the outcome
        }
        throw new AssertionError("/health never satisfied the condition; last: " + last);
    }

    private static byte[] heavyPage(int blocks) {
        StringBuilder html = new StringBuilder("<html><head><title>Heavy</title></head><body><article>");
        for (int i = 0; i < blocks; i++) {
            html.append("<div class=\"c")
                    .append(i % 50)
                    .append("\"><p>Sentence number ")
                    .append(i)
                    .append(" has some words in it. <a href=\"/l")
                    .append(i)
                    .append("\">link ")
                    .append(i)
                    .append("</a></p></div>");
        }
        return html.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
