package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The response-store step over the real chain: what it serves, what it keeps, and a store that fails. */
class RevalidationTest {
    private final FetchSteps steps = new FetchSteps(Map.of());
    private final MapStore store = new MapStore();

    @AfterEach
    void stop() {
        steps.close();
    }

    private FetchOutcome fetch(ResponseStore store, String path) throws InterruptedException {
        return steps.revalidation(store).fetch(path, steps.url(path), System.nanoTime(), FetchSteps.deadline());
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .setHeader("ETag", "\"" + body + "\"")
                .body(body)
                .build();
    }

    @Test
    void theKeyIsTheUrlWithoutItsFragment() {
        assertThat(Revalidation.key(HttpUrl.get("http://127.0.0.1:1/p?q=1#part")))
                .isEqualTo("http://127.0.0.1:1/p?q=1");
    }

    @Test
    void aNew200IsKeptAndAnErrorIsNot() throws Exception {
        steps.server.enqueue(ok("kept"));
        steps.server.enqueue(new MockResponse.Builder().code(404).build());

        fetch(store, "/kept");
        FetchOutcome missing = fetch(store, "/missing");

        assertThat(store.entries.keySet()).containsExactly(steps.url("/kept").toString());
        assertThat(store.entries.values().iterator().next().etag()).hasValue("\"kept\"");
        assertThat(missing)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class, f -> assertThat(f.status()).isEqualTo(404));
    }

    @Test
    void a304ToARequestThatAskedForNoValidationFails() throws Exception {
        steps.server.enqueue(new MockResponse.Builder().code(304).build());

        assertThat(fetch(store, "/p"))
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        f -> assertThat(f.message()).contains("HTTP 304").contains("asked for no validation"));
    }

    @Test
    void a304KeepsTheOldValidatorsTheServerDidNotRepeat() throws Exception {
        FetchResult old =
                FetchResult.ofBytes(steps.url("/p").uri(), "text/plain", "old".getBytes(StandardCharsets.UTF_8));
        store.entries.put(
                steps.url("/p").toString(),
                new ResponseStore.StoredResponse(
                        old,
                        Optional.of("\"v1\""),
                        Optional.of("Wed, 01 Jan 2020 00:00:00 GMT"),
                        Instant.EPOCH,
                        false));
        steps.server.enqueue(
                new MockResponse.Builder().code(304).setHeader("ETag", "\"v2\"").build());

        FetchOutcome outcome = fetch(store, "/p");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Fetched.class,
                        f -> assertThat(new String(f.result().body(), StandardCharsets.UTF_8))
                                .isEqualTo("old"));
        ResponseStore.StoredResponse kept = store.entries.get(steps.url("/p").toString());
        assertThat(kept.etag()).hasValue("\"v2\"");
        assertThat(kept.lastModified()).hasValue("Wed, 01 Jan 2020 00:00:00 GMT");
        assertThat(kept.fresh()).isTrue();
    }

    @Test
    void aStoreThatFailsIsBypassedAndTheFetchSucceeds() throws Exception {
        ResponseStore broken = new ResponseStore() {
            @Override
            public Optional<StoredResponse> lookup(String normalizedUrl) {
                throw new IllegalStateException("disk gone");
            }

            @Override
            public void store(String normalizedUrl, StoredResponse response) {
                throw new IllegalStateException("disk gone");
            }
        };
        steps.server.enqueue(ok("fine"));

        assertThat(fetch(broken, "/p")).isInstanceOf(FetchOutcome.Fetched.class);
    }
}
