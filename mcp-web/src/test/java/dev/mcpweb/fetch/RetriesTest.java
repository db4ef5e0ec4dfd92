package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retry step over a real exchange: what it asks again, how often, and what it says when it gives up. */
class RetriesTest {
    private final FetchSteps steps = new FetchSteps(Map.of("fetcher.max_retries", "2"));

    @AfterEach
    void stop() {
        steps.close();
    }

    private Hop.Answer exchange(HttpUrl url) throws InterruptedException {
        return steps.retries().exchange(url.toString(), url, Optional.empty(), FetchSteps.deadline());
    }

    private static MockResponse busy(int code) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Retry-After", "0")
                .build();
    }

    @Test
    void aBusyServerIsAskedAgainUntilItAnswers() throws Exception {
        steps.server.enqueue(busy(503));
        steps.server.enqueue(busy(429));
        steps.server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("ok")
                .build());

        assertThat(exchange(steps.url("/"))).isInstanceOf(Hop.Complete.class);
        assertThat(steps.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void whenTheRetriesRunOutTheLastAnswerEndsTheFetchWithItsStatus() throws Exception {
        for (int i = 0; i < 3; i++) {
            steps.server.enqueue(busy(502));
        }

        Hop.Answer answer = exchange(steps.url("/"));

        assertThat(answer)
                .isInstanceOfSatisfying(
                        Hop.Stop.class,
                        s -> assertThat(s.outcome()).isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> {
                            assertThat(f.status()).isEqualTo(502);
                            assertThat(f.message()).startsWith("HTTP 502");
                        }));
        assertThat(steps.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRetryAfterOverTheCapEndsTheFetchAtOnceNamingTheOption() throws Exception {
        steps.server.enqueue(new MockResponse.Builder()
                .code(503)
                .setHeader("Retry-After", "3600")
                .build());

        Hop.Answer answer = exchange(steps.url("/"));

        assertThat(((FetchOutcome.Failed) ((Hop.Stop) answer).outcome()).message())
                .contains("retry after 3600s")
                .contains("fetcher.retry_max_wait");
        assertThat(steps.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRedirectIsPassedOnNotRetried() throws Exception {
        steps.server.enqueue(
                new MockResponse.Builder().code(302).setHeader("Location", "/b").build());

        assertThat(exchange(steps.url("/a"))).isEqualTo(new Hop.Redirect(302, "/b"));
        assertThat(steps.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsRetriedThenDescribed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }

        Hop.Answer answer = exchange(HttpUrl.get("http://127.0.0.1:" + closedPort + "/"));

        assertThat(((FetchOutcome.Failed) ((Hop.Stop) answer).outcome()).message())
                .startsWith("could not connect to 127.0.0.1:" + closedPort);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(Retries.retryAfter("120")).hasValue(Duration.ofSeconds(120));
        assertThat(Retries.retryAfter("Thu, 01 Jan 1970 00:00:00 GMT")).hasValue(Duration.ZERO);
        assertThat(Retries.retryAfter("soon")).isEmpty();
        assertThat(Retries.retryAfter(null)).isEmpty();
    }
}
