package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One request on its own: it neither retries nor follows, and says what it got. */
class GuardedExchangeTest {
    private final FetchSteps steps = new FetchSteps(Map.of());

    @AfterEach
    void stop() {
        steps.close();
    }

    private Hop exchange(String path, Optional<ResponseStore.StoredResponse> validate)
            throws IOException, InterruptedException {
        return steps.exchange().exchange(path, steps.url(path), validate, FetchSteps.deadline());
    }

    @Test
    void aServerErrorIsHandedBackAsRetryableWithItsRetryAfterAfterOneRequest() throws Exception {
        steps.server.enqueue(new MockResponse.Builder()
                .code(503)
                .setHeader("Retry-After", "7")
                .build());

        Hop hop = exchange("/busy", Optional.empty());

        assertThat(hop).isInstanceOfSatisfying(Hop.Retryable.class, r -> {
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.retryAfter()).hasValue("7");
            assertThat(r.failure().message()).startsWith("HTTP 503").contains("/busy");
        });
        assertThat(steps.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRedirectIsHandedBackUnfollowed() throws Exception {
        steps.server.enqueue(new MockResponse.Builder()
                .code(301)
                .setHeader("Location", "/elsewhere")
                .build());

        assertThat(exchange("/old", Optional.empty())).isEqualTo(new Hop.Redirect(301, "/elsewhere"));
        assertThat(steps.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aStoredResponsesValidatorsMakeTheRequestConditional() throws Exception {
        FetchResult old =
                FetchResult.ofBytes(steps.url("/page").uri(), "text/plain", "old".getBytes(StandardCharsets.UTF_8));
        steps.server.enqueue(new MockResponse.Builder().code(304).build());

        Hop hop = exchange(
                "/page",
                Optional.of(new ResponseStore.StoredResponse(
                        old,
                        Optional.of("\"v1\""),
                        Optional.of("Wed, 01 Jan 2020 00:00:00 GMT"),
                        Instant.now(),
                        false)));

        assertThat(hop).isInstanceOf(Hop.NotModified.class);
        RecordedRequest request = steps.server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(request.getHeaders().get("If-Modified-Since")).isEqualTo("Wed, 01 Jan 2020 00:00:00 GMT");
    }

    @Test
    void aCompleteAnswerCarriesItsBodyTypeAndCharset() throws Exception {
        steps.server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/html; charset=ISO-8859-1")
                .body("<p>hi</p>")
                .build());

        assertThat(exchange("/p", Optional.empty())).isInstanceOfSatisfying(Hop.Complete.class, c -> {
            assertThat(new String(c.body(), StandardCharsets.ISO_8859_1)).isEqualTo("<p>hi</p>");
            assertThat(c.contentType()).isEqualTo("text/html");
            assertThat(c.charset()).hasValue(StandardCharsets.ISO_8859_1);
        });
    }

    @Test
    void anAddressTheGuardRefusesIsThrownAsBlockedWithoutAnyRequest() {
        HttpUrl blocked = HttpUrl.get("http://127.0.0.2:" + steps.server.getPort() + "/");

        assertThatThrownBy(() -> steps.exchange().exchange("x", blocked, Optional.empty(), FetchSteps.deadline()))
                .hasStackTraceContaining("BlockedException");
        assertThat(steps.server.getRequestCount()).isZero();
    }
}
