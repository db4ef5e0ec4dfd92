package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpTransportTest {
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

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
}
