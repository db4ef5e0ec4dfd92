package dev.mcpweb.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.summarize.SummaryListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link waiting in the crawl's frontier whose page is then reached through another link's redirect is
 * not fetched a second time: the home page links {@code /old}, whose words match the query, and {@code /new},
 * whose words do not; {@code /old} redirects to {@code /new}. One page at a time, so {@code /old} is read first.
 */
class RedirectedLinkTest {
    private static final String HOST = "www.moved.test";

    @TempDir
    Path cacheDir;

    @Test
    void aPageReadThroughARedirectIsNotFetchedAgainFromItsOwnLink() throws Exception {
        try (Site site = new Site();
                Pipeline pipeline = Pipeline.create(Config.defaults()
                        .with(Map.of(
                                "fetcher.resolve",
                                HOST + "=127.0.0.1",
                                "fetcher.allowed_hosts",
                                HOST,
                                "cache.dir",
                                cacheDir.toString(),
                                "summarizer.provider",
                                "extractive",
                                "crawl.max_concurrent",
                                "1")))) {
            CrawlReport report = Crawler.of(pipeline)
                    .crawl(
                            CrawlRequest.of(site.url("/"), "when did the lighthouse move"),
                            SummaryListener.NONE,
                            Optional.empty());

            assertThat(site.requests("/new")).as("requests for /new").isEqualTo(1);
            assertThat(report.visits())
                    .filteredOn(v -> v.url().equals(site.url("/new")))
                    .singleElement()
                    .satisfies(v -> {
                        assertThat(v.status()).isEqualTo(Visit.Status.DUPLICATE);
                        assertThat(v.order()).as("not fetched").isZero();
                        assertThat(v.reason())
                                .hasValueSatisfying(r ->
                                        assertThat(r).contains(site.url("/old")).contains("redirected"));
                    });
            assertThat(report.visits())
                    .filteredOn(v -> v.url().equals(site.url("/old")))
                    .singleElement()
                    .satisfies(v -> assertThat(v.order()).isPositive());
        }
    }

    /** A home page linking {@code /old} then {@code /new}; {@code /old} answers 301 to {@code /new}. */
    private static final class Site implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

        Site() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url(String path) {
            return "http://" + HOST + ":" + server.getAddress().getPort() + path;
        }

        int requests(String path) {
            return requests.getOrDefault(path, new AtomicInteger()).get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                switch (path) {
                    case "/" ->
                        SmallPages.send(
                                exchange,
                                "The Coast Society",
                                "<h1>The Coast Society</h1><p>Our history of the lighthouse, old and new.</p>"
                                        + "<ul><li><a href=\"/old\">When the lighthouse moved</a></li>"
                                        + "<li><a href=\"/new\">Our cottages</a></li></ul>");
                    case "/old" -> {
                        exchange.getResponseHeaders().set("Location", url("/new"));
                        exchange.sendResponseHeaders(301, -1);
                    }
                    case "/new" ->
                        SmallPages.send(
                                exchange,
                                "The lighthouse moved",
                                "<h1>The lighthouse moved</h1><p>The lighthouse moved inland in 1998, when the cliff"
                                        + " under it had worn away to twelve metres.</p>");
                    default -> exchange.sendResponseHeaders(404, -1);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
