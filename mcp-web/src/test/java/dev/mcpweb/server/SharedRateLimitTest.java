package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.RedisServer;
import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.Pipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-client rate limit of two servers (replicas) on one real Redis holds for both together; with Redis
 * away each replica limits by itself, still answers, and {@code /health} says the limits are degraded.
 */
class SharedRateLimitTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private static final int PER_MINUTE = 6;
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> running = new ArrayList<>();

    @BeforeEach
    void emptyRedis() throws Exception {
        redis.flushAll();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : running.reversed()) {
            c.close();
        }
        redis.start();
    }

    private URI replica() throws Exception {
        Config config = Config.defaults()
                .with(Map.of(
                        "cache.backend",
                        "redis",
                        "cache.redis_url",
                        redis.url(),
                        "server.rate_limit",
                        Integer.toString(PER_MINUTE),
                        "fetcher.allowed_hosts",
                        "127.0.0.1"));
        McpWebServer server = McpWebServer.create(config, meters -> Pipeline.create(config, meters), "test");
        running.add(server);
        McpWebServer.HttpEndpoint endpoint = server.serveHttp("127.0.0.1", 0);
        running.add(endpoint);
        return endpoint.uri();
    }

    private int post(URI mcp) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(mcp)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private JsonNode health(URI mcp) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(mcp.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void aClientOfTwoReplicasGetsTheConfiguredRateInAllNotTwiceIt() throws Exception {
        URI one = replica();
        URI two = replica();
        long start = System.nanoTime();
        int served = 0;
        for (int i = 0; i < 3 * PER_MINUTE; i++) {
            int status = post(i % 2 == 0 ? one : two);
            assertThat(status).isIn(200, 429);
            served += status == 200 ? 1 : 0;
        }
        // 6 a minute refill one every 10 s while the loop runs.
        long refilled = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) / 10 + 1;
        assertThat(served).isBetween(PER_MINUTE, PER_MINUTE + (int) refilled);
        assertThat(health(one).path("limits").asText()).isEqualTo("ok");
    }

    @Test
    void withRedisAwayAReplicaLimitsByItselfAndSaysTheLimitsAreDegraded() throws Exception {
        URI one = replica();
        assertThat(post(one)).isEqualTo(200);
        redis.stop();
        assertThat(post(one)).as("served under the local limit").isEqualTo(200);
        JsonNode away = health(one);
        assertThat(away.path("limits").asText()).isEqualTo("degraded");
        assertThat(away.path("status").asText()).isEqualTo("degraded");
    }
}
