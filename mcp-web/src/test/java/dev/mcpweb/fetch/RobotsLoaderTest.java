package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** robots.txt fetched through the guarded client: redirects checked, bodies capped, errors as statuses. */
class RobotsLoaderTest {
    private final FetchSteps steps = new FetchSteps(Map.of());

    @AfterEach
    void stop() {
        steps.close();
    }

    private RobotsStore.Answer load() throws IOException {
        return new RobotsLoader(steps.client, steps.guard, "mcp-web/test")
                .load(steps.url("/robots.txt"), FetchSteps.deadline());
    }

    @Test
    void aRedirectedFileIsReadWithItsTypeAndSentOurAgent() throws Exception {
        steps.server.enqueue(new MockResponse.Builder()
                .code(301)
                .setHeader("Location", "/real-robots.txt")
                .build());
        steps.server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("User-agent: *\nDisallow: /x\n")
                .build());

        RobotsStore.Answer answer = load();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("Disallow: /x");
        assertThat(answer.contentType()).hasValue("text/plain");
        assertThat(steps.server.takeRequest().getHeaders().get("User-Agent")).isEqualTo("mcp-web/test");
    }

    @Test
    void aRedirectTheGuardRefusesIsThrownAsBlocked() {
        steps.server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "http://10.0.0.1/robots.txt")
                .build());

        assertThatThrownBy(this::load).isInstanceOf(BlockedException.class);
    }

    @Test
    void anErrorStatusComesBackWithAnEmptyBody() throws Exception {
        steps.server.enqueue(new MockResponse.Builder().code(503).body("down").build());

        RobotsStore.Answer answer = load();

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void theBodyIsCutAt512KiB() throws Exception {
        steps.server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("#".repeat(600 * 1024))
                .build());

        assertThat(load().body()).hasSize(512 * 1024);
    }
}
