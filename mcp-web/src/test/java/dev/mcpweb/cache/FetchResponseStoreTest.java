package dev.mcpweb.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.fetch.ResponseStore;
import dev.mcpweb.fetch.ResponseStore.StoredResponse;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchResponseStoreTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private static FetchResult page(String body) {
        return new FetchResult(
                "https://example.com/a",
                URI.create("https://example.com/b"),
                200,
                Map.of("content-type", List.of("text/html; charset=utf-8"), "set-cookie", List.of("a=1", "b=2")),
                body.getBytes(UTF_8),
                "text/html",
                Optional.of(StandardCharsets.UTF_8),
                List.of(URI.create("https://example.com/a")),
                Duration.ofMillis(42));
    }

    @Test
    void aStoredResponseRoundTripsWithItsValidatorsAndGoesStaleAfterTheFetchTtl() {
        try (TieredCache cache = TieredCache.open(TestClock.config(dir), clock)) {
            ResponseStore store = cache.responseStore();
            Instant storedAt = Instant.parse("2026-01-01T00:00:00Z");
            store.store(
                    "https://example.com/b",
                    new StoredResponse(page("<p>hello</p>"), Optional.of("\"v1\""), Optional.empty(), storedAt, true));

            StoredResponse fresh = store.lookup("https://example.com/b").orElseThrow();
            assertThat(fresh.fresh()).isTrue();
            assertThat(fresh.etag()).contains("\"v1\"");
            assertThat(fresh.lastModified()).isEmpty();
            assertThat(fresh.storedAt()).isEqualTo(storedAt);
            FetchResult r = fresh.result();
            FetchResult expected = page("<p>hello</p>");
            assertThat(r.body()).isEqualTo(expected.body());
            assertThat(r).usingRecursiveComparison().ignoringFields("body").isEqualTo(expected);

            clock.advance(Duration.ofHours(1));
            StoredResponse stale = store.lookup("https://example.com/b").orElseThrow();
            assertThat(stale.fresh()).isFalse();
            assertThat(stale.etag()).contains("\"v1\"");

            assertThat(store.lookup("https://example.com/other")).isEmpty();
            // a look without a use (a crawl reading a cached page's title) sees it stale, and counts nothing
            assertThat(store.peek("https://example.com/b"))
                    .hasValueSatisfying(p -> assertThat(p.fresh()).isFalse());
            assertThat(store.peek("https://example.com/other")).isEmpty();
            NamespaceStats stats = cache.stats().namespaces().get(Namespace.FETCH.wireName());
            assertThat(stats.hits()).isEqualTo(1);
            assertThat(stats.misses()).isEqualTo(2);
        }
    }

    @Test
    void anUnreadableEntryIsAMissNotAnError() {
        try (TieredCache cache = TieredCache.open(TestClock.config(dir), clock)) {
            cache.put(Namespace.FETCH, "https://example.com/", new byte[] {1, 2, 3});
            assertThat(cache.responseStore().lookup("https://example.com/")).isEmpty();
        }
    }

    @Test
    void aStalePageIsRevalidatedAndA304RefreshesItWithoutADownload() throws Exception {
        try (MockWebServer server = new MockWebServer();
                TieredCache cache = TieredCache.open(TestClock.config(dir), clock)) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "text/html; charset=utf-8")
                    .addHeader("ETag", "\"v1\"")
                    .addHeader("Last-Modified", "Wed, 01 Jan 2026 00:00:00 GMT")
                    .body("<html><body><p>The original page.</p></body></html>")
                    .build());
            server.enqueue(new MockResponse.Builder()
                    .code(304)
                    .addHeader("ETag", "\"v1\"")
                    .build());
            Config config = Config.load(
                    Optional.empty(),
                    Map.of(),
                    Map.of("fetcher.allowed_hosts", "127.0.0.1", "fetcher.respect_robots", "false"));
            String url = server.url("/page").toString();

            try (Fetcher fetcher = Fetcher.create(config, cache.responseStore())) {
                assertThat(body(fetcher.fetch(url))).contains("The original page.");
                assertThat(body(fetcher.fetch(url)))
                        .as("fresh: served from the cache")
                        .contains("The original page.");
                assertThat(server.getRequestCount()).isEqualTo(1);

                clock.advance(Duration.ofHours(2)); // past cache.fetch_ttl
                assertThat(body(fetcher.fetch(url))).contains("The original page.");
                assertThat(server.getRequestCount()).isEqualTo(2);
                server.takeRequest(5, TimeUnit.SECONDS);
                RecordedRequest conditional = server.takeRequest(5, TimeUnit.SECONDS);
                assertThat(conditional.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
                assertThat(conditional.getHeaders().get("If-Modified-Since"))
                        .isEqualTo("Wed, 01 Jan 2026 00:00:00 GMT");

                assertThat(body(fetcher.fetch(url)))
                        .as("the 304 made it fresh again")
                        .contains("The original page.");
                assertThat(server.getRequestCount()).isEqualTo(2);
            }
        }
    }

    private static String body(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        return new String(((FetchOutcome.Fetched) outcome).result().body(), UTF_8);
    }
}
