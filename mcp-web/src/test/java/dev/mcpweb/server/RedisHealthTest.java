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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /health} of a server on the Redis cache backend says when Redis is away, and when it is back. */
class RedisHealthTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
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
        redis.start();
    }

    @Test
    void healthSaysDegradedWhileRedisIsAwayAndOkOnceItIsBack() throws Exception {
        Config config = Config.defaults()
                .with(Map.of(
                        "cache.backend",
                        "redis",
                        "cache.redis_url",
                        redis.url(),
                        "fetcher.allowed_hosts",
                        "127.0.0.1"));
        server = McpWebServer.create(config, meters -> Pipeline.create(config, meters), "test");
        endpoint = server.serveHttp("127.0.0.1", 0);
        URI health = endpoint.uri().resolve("/health");
        awaitHealth(health, h -> h.path("cache").asText().equals("ok"));

        redis.stop();
        JsonNode away = awaitHealth(health, h -> h.path("cache").asText().equals("degraded"));
        assertThat(away.path("status").asText()).isEqualTo("degraded");

        redis.start();
        JsonNode back = awaitHealth(health, h -> h.path("cache").asText().equals("ok"));
        assertThat(back.path("status").asText()).isEqualTo("ok");
    }

    /** Polls {@code /health} (every 50 ms, 20 s at most) until {@code condition} holds; returns that answer. */
    private JsonNode awaitHealth(URI health, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response =
                    http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            last = json.readTree(response.body());
            if (condition.test(last)) {
                return last;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new AssertionError("/health never met the condition; last: " + last);
    }
}
