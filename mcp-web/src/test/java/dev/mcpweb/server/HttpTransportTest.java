package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpTransportTest {
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path cacheDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private McpWebServer server;
    private McpWebServer.HttpEndpoint endpoint;

    @AfterEach
    void stop() throws Exception {
        if (endpoint != null) {
            endpoint.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private McpWebServer server(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("cache.dir", cacheDir.toString());
        Config config = Config.defaults().with(all);
        return McpWebServer.create(config, meters -> Pipeline.create(config, meters), "test");
    }

    private URI start(Map<String, String> settings) throws Exception {
        server = server(settings);
        endpoint = server.serveHttp("127.0.0.1", 0);
        return endpoint.uri();
    }

    private HttpResponse<String> post(URI uri, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void initializeOverHttpStartsASession() throws Exception {
        URI mcp = start(Map.of());
        HttpResponse<String> response = post(mcp, INITIALIZE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
        assertThat(response.body()).contains("\"name\":\"mcp-web\"");
    }

    @Test
    void healthAnswersWithoutAToken() throws Exception {
        URI mcp = start(Map.of("server.auth_token", "s3cret-token-123"));
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(mcp.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"ok\"");
    }

    @Test
    void metricsArePrometheusTextWithToolCallsAndMemory() throws Exception {
        URI mcp = start(Map.of());
        post(mcp, INITIALIZE);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(mcp.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(response.body()).contains("mcpweb_tool_calls_active", "jvm_memory_used_bytes");
    }

    @Test
    void aForeignOriginIsRefused() throws Exception {
        URI mcp = start(Map.of());
        HttpResponse<String> response = post(mcp, INITIALIZE, "Origin", "http://evil.example.com");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("server.allowed_origins");
    }

    @Test
    void aLoopbackOriginAndAListedOriginAreAccepted() throws Exception {
        URI mcp = start(Map.of("server.allowed_origins", "https://app.example.com"));
        assertThat(post(mcp, INITIALIZE, "Origin", "http://localhost:3000").statusCode())
                .isEqualTo(200);
        assertThat(post(mcp, INITIALIZE, "Origin", "https://app.example.com").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aForeignHostHeaderIsRefusedOnLoopback() throws Exception {
        URI mcp = start(Map.of());
        String request = "POST /mcp HTTP/1.1\r\nHost: evil.example.com\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\nContent-Length: "
                + INITIALIZE.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + INITIALIZE;
        try (Socket socket = new Socket(mcp.getHost(), mcp.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 403");
        }
    }

    @Test
    void aConfiguredTokenIsRequired() throws Exception {
        URI mcp = start(Map.of("server.auth_token", "s3cret-token-123"));
        HttpResponse<String> without = post(mcp, INITIALIZE);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"mcp-web\"");
        assertThat(post(mcp, INITIALIZE, "Authorization", "Bearer wrong").statusCode())
                .isEqualTo(401);
        assertThat(post(mcp, INITIALIZE, "Authorization", "Bearer s3cret-token-123")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void listeningBeyondLoopbackWithoutATokenIsRefused() {
        server = server(Map.of());
        assertThatThrownBy(() -> server.serveHttp("0.0.0.0", 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MCP_WEB_SERVER_AUTH_TOKEN");
    }

    @Test
    void aClientOverTheRateLimitIsToldWhenToRetry() throws Exception {
        URI mcp = start(Map.of("server.rate_limit", "3"));
        for (int i = 0; i < 3; i++) {
            assertThat(post(mcp, INITIALIZE).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = post(mcp, INITIALIZE);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnRateLimit() throws Exception {
        URI mcp = start(Map.of("server.rate_limit", "2", "server.trusted_proxies", "127.0.0.0/8"));
        for (String client : List.of("203.0.113.7", "198.51.100.9")) {
            for (int i = 0; i < 2; i++) {
                assertThat(post(mcp, INITIALIZE, "X-Forwarded-For", "10.9.9.9, " + client)
                                .statusCode())
                        .as("request %d of %s", i + 1, client)
                        .isEqualTo(200);
            }
        }
        assertThat(post(mcp, INITIALIZE, "X-Forwarded-For", "198.51.100.9").statusCode())
                .isEqualTo(429);
    }

    @Test
    void anUntrustedPeerCannotSpreadItsRequestsOverForgedForwardedAddresses() throws Exception {
        URI mcp = start(Map.of("server.rate_limit", "2"));
        assertThat(post(mcp, INITIALIZE, "X-Forwarded-For", "203.0.113.1").statusCode())
                .isEqualTo(200);
        assertThat(post(mcp, INITIALIZE, "X-Forwarded-For", "203.0.113.2").statusCode())
                .isEqualTo(200);
        assertThat(post(mcp, INITIALIZE, "X-Forwarded-For", "203.0.113.3").statusCode())
                .isEqualTo(429);
    }

    @Test
    void aBusyPortIsReportedWithWhatToDo() throws Exception {
        URI mcp = start(Map.of());
        McpWebServer second = server(Map.of());
        try {
            assertThatThrownBy(() -> second.serveHttp("127.0.0.1", mcp.getPort()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("--port");
        } finally {
            second.close();
        }
    }

    /** What a Java exception serialized for a client looks like: none of it may reach one. */
    private static void assertNoInternals(String what, HttpResponse<String> response) {
        assertThat(response.body())
                .as(what + ": " + response.body())
                .doesNotContain("stackTrace", "Exception", ".java", "java.", "io.modelcontextprotocol", "jetty")
                .hasSizeLessThan(400);
        assertThat(response.headers().firstValue("Server")).as(what).isEmpty();
    }

    private String initialize(URI mcp) throws Exception {
        HttpResponse<String> init = post(mcp, INITIALIZE);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(mcp, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "Mcp-Session-Id", session);
        return session;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not JSON                  | {not json                                                            | 400 | -32700
            an empty body             | ``                                                                   | 400 | -32700
            null                      | null                                                                 | 400 | -32600
            a number                  | 42                                                                   | 400 | -32600
            a batch                   | [{"jsonrpc":"2.0","id":2,"method":"tools/list"}]                     | 400 | -32600
            an empty batch            | []                                                                   | 400 | -32600
            an object id              | {"jsonrpc":"2.0","id":{"a":1},"method":"tools/list"}                 | 400 | -32600
            a boolean id              | {"jsonrpc":"2.0","id":true,"method":"tools/list"}                    | 400 | -32600
            no method and no result   | {"jsonrpc":"2.0","id":5}                                             | 400 | -32600
            no jsonrpc version        | {"id":5,"method":"tools/list"}                                       | 400 | -32600
            params as an array        | {"jsonrpc":"2.0","id":3,"method":"tools/call","params":[1,2]}        | 200 | -32602
            arguments as a string     | {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"fetch_url","arguments":"x"}} | 200 | -32602
            a tool call without name  | {"jsonrpc":"2.0","id":6,"method":"tools/call","params":{}}           | 200 | -32602
            initialize without params | {"jsonrpc":"2.0","id":7,"method":"initialize"}                       | 200 | -32602
            """)
    void malformedMessagesGetJsonRpcErrorsWithoutJavaInternals(String what, String body, int status, int code)
            throws Exception {
        URI mcp = start(Map.of());
        String session = initialize(mcp);

        HttpResponse<String> response = post(mcp, body, "Mcp-Session-Id", session);

        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertNoInternals(what, response);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.at("/error/code").asInt()).as(what).isEqualTo(code);
        assertThat(error.at("/error/message").asText()).as(what).isNotBlank();
        if (status == 200) {
            assertThat(error.get("id"))
                    .as("a request gets its error under its id")
                    .isEqualTo(JSON.readTree(body).get("id"));
        }
        assertThat(post(mcp, "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"ping\"}", "Mcp-Session-Id", session)
                        .body())
                .as("the session goes on")
                .contains("\"id\":99", "\"result\"");
    }

    @Test
    void requestsTheProtocolCannotServeGetPlainErrorsWithoutJavaInternals() throws Exception {
        URI mcp = start(Map.of());
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("no session", post(mcp, ping));
        answers.put("an unknown session", post(mcp, ping, "Mcp-Session-Id", "no-such-session"));
        answers.put(
                "no Accept",
                http.send(
                        HttpRequest.newBuilder(mcp)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
        answers.put(
                "GET without a session",
                http.send(HttpRequest.newBuilder(mcp).GET().build(), HttpResponse.BodyHandlers.ofString()));
        answers.put(
                "DELETE without a session",
                http.send(HttpRequest.newBuilder(mcp).DELETE().build(), HttpResponse.BodyHandlers.ofString()));
        answers.put(
                "an unknown path",
                http.send(
                        HttpRequest.newBuilder(mcp.resolve("/nothing")).build(), HttpResponse.BodyHandlers.ofString()));

        answers.forEach((what, response) -> {
            assertThat(response.statusCode()).as(what).isBetween(400, 499);
            assertNoInternals(what, response);
        });
        assertThat(answers.get("an unknown session").body())
                .contains("Session not found")
                .doesNotContain("no-such-session");
    }

    /** One request on a fresh socket, exactly as written (no client normalises the path); the status. */
    private static int rawStatus(URI mcp, String method, String path, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + mcp.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(mcp.getHost(), mcp.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The body goes on its own thread: a server may answer (and hang up) before it is all sent.
            Thread.ofVirtual().start(() -> {
                try {
                    out.write(bytes);
                    out.flush();
                } catch (IOException answeredEarly) {
                    // the status below tells what the server made of it
                }
            });
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void everySpellingOfTheMcpPathIsRateLimitedAndBodyCapped() throws Exception {
        URI mcp = start(Map.of("server.rate_limit", "1"));
        assertThat(rawStatus(mcp, "POST", "/mcp", INITIALIZE)).isEqualTo(200);
        List<String> spellings = List.of(
                "/mcp",
                "//mcp",
                "/mcp/",
                "/%6dcp",
                "/%6Dcp",
                "/./mcp",
                "/x/../mcp",
                "/mcp;x=1",
                "/mcp/.",
                "/./././mcp",
                "/%2e/mcp",
                "/health/../mcp",
                "/mcp?x=1",
                "/MCP",
                "/mcp%20",
                "/mcp/%2e");

        for (String path : spellings) {
            assertThat(rawStatus(mcp, "POST", path, INITIALIZE))
                    .as("POST " + path + " after the one request a minute allowed")
                    .isIn(400, 404, 405, 429);
        }
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
                + "x".repeat(HttpGuard.MAX_BODY) + "\"}}";
        URI capped = start(Map.of());
        for (String path : spellings) {
            assertThat(rawStatus(capped, "POST", path, huge))
                    .as("POST " + path + " with a body over the cap")
                    .isIn(400, 404, 405, 413, 431);
        }
    }

    @Test
    void connectionsDribblingTheirHeadersAreClosedAtTheHeaderDeadline() throws Exception {
        URI mcp = start(Map.of("server.header_timeout", "1s"));
        int connections = 20;
        List<Socket> sockets = new java.util.ArrayList<>();
        List<java.util.concurrent.Future<Long>> closedAfter = new java.util.ArrayList<>();
        try (var dribblers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                Socket socket = new Socket(mcp.getHost(), mcp.getPort());
                sockets.add(socket);
                closedAfter.add(dribblers.submit(() -> dribbleUntilClosed(socket, Duration.ofSeconds(8))));
            }
            for (var closed : closedAfter) {
                assertThat(Duration.ofNanos(closed.get(20, java.util.concurrent.TimeUnit.SECONDS)))
                        .as("a connection that never finished its headers was closed near the 1 s deadline")
                        .isLessThan(Duration.ofSeconds(4));
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertThat(post(mcp, INITIALIZE).statusCode())
                .as("a client that sends its request at once is served")
                .isEqualTo(200);
    }

    /**
     * Sends a request line and then one header byte every 50 ms, reading what the server sends, until
     * the server closes the connection or {@code limit} passes; the nanoseconds it stayed open.
     */
    private static long dribbleUntilClosed(Socket socket, Duration limit) throws IOException {
        long start = System.nanoTime();
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        socket.setSoTimeout(50);
        out.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] header = "X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; System.nanoTime() - start < limit.toNanos(); i++) {
            try {
                out.write(header[i % header.length]);
                out.flush();
                if (in.read() == -1) {
                    return System.nanoTime() - start;
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                // nothing from the server: go on dribbling
            } catch (IOException closed) {
                return System.nanoTime() - start;
            }
        }
        return System.nanoTime() - start;
    }
}
