package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The redirect step over real retries and exchanges: the chain it records and where it stops. */
class RedirectsTest {
    private final FetchSteps steps = new FetchSteps(Map.of("fetcher.max_redirects", "3"));

    @AfterEach
    void stop() {
        steps.close();
    }

    private static MockResponse redirect(String location) {
        return new MockResponse.Builder()
                .code(302)
                .setHeader("Location", location)
                .build();
    }

    private Redirects.Landing follow(String path, Optional<ResponseStore.StoredResponse> validate)
            throws InterruptedException {
        return steps.redirects().follow(path, steps.url(path), validate, FetchSteps.deadline());
    }

    private static String message(Redirects.Landing landing) {
        return switch (((Hop.Stop) landing.hop()).outcome()) {
            case FetchOutcome.Refused r -> r.message();
            case FetchOutcome.Failed f -> f.message();
            case FetchOutcome.Fetched f -> "fetched";
        };
    }

    @Test
    void theChainIsRecordedAndOnlyTheFirstRequestIsConditional() throws Exception {
        steps.server.enqueue(redirect("/b"));
        steps.server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("b")
                .build());
        FetchResult old =
                FetchResult.ofBytes(steps.url("/a").uri(), "text/plain", "old".getBytes(StandardCharsets.UTF_8));

        Redirects.Landing landing = follow(
                "/a",
                Optional.of(new ResponseStore.StoredResponse(
                        old, Optional.of("\"v1\""), Optional.empty(), Instant.now(), false)));

        assertThat(landing.url()).isEqualTo(steps.url("/b"));
        assertThat(landing.redirects()).containsExactly(steps.url("/a").uri());
        assertThat(landing.hop()).isInstanceOf(Hop.Complete.class);
        assertThat(steps.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("If-None-Match"))
                .isEqualTo("\"v1\"");
        assertThat(steps.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("If-None-Match"))
                .isNull();
    }

    @Test
    void aHopTheGuardRefusesEndsTheChainBeforeAnyConnection() throws Exception {
        steps.server.enqueue(redirect("http://127.0.0.2:" + steps.server.getPort() + "/admin"));

        Redirects.Landing landing = follow("/a", Optional.empty());

        assertThat(message(landing)).contains("127.0.0.2").endsWith("(redirected from " + steps.url("/a") + ")");
        assertThat(steps.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aLoopIsNamedWithItsChain() throws Exception {
        steps.server.enqueue(redirect("/b"));
        steps.server.enqueue(redirect("/a"));

        assertThat(message(follow("/a", Optional.empty())))
                .startsWith("redirect loop: ")
                .contains("/a -> ");
    }

    @Test
    void theChainStopsAtTheConfiguredMaximum() throws Exception {
        for (String next : List.of("/1", "/2", "/3", "/4")) {
            steps.server.enqueue(redirect(next));
        }

        assertThat(message(follow("/0", Optional.empty())))
                .startsWith("too many redirects: more than fetcher.max_redirects (3)");
        assertThat(steps.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aLocationInAnotherSchemeIsTheGuardsRefusal() throws Exception {
        steps.server.enqueue(redirect("file:///etc/passwd"));

        Redirects.Landing landing = follow("/a", Optional.empty());

        assertThat(((Hop.Stop) landing.hop()).outcome()).isInstanceOf(FetchOutcome.Refused.class);
        assertThat(message(landing)).contains("file").contains("redirected from");
    }
}
