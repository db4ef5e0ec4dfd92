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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl scores a link by its target's title when it knows it before reading the page: here every
 * anchor says only "Page n", and only the answer page's title names what the query asks. Each crawl may
 * read two pages: the home page, then the one link it ranks best.
 */
class TargetTitleTest {
    private static final String HOST = "www.titles.test";
    private static final String QUERY = "when was the diaphone fog signal installed";
    private static final int PAGES = 12;
    /** The answer is the last link of the home page: breadth first, it is read last. */
    private static final int ANSWER = PAGES;

    @TempDir
    Path cacheDir;

    @Test
    void aLinksTitleAttributeThatMatchesTheQueryBringsItsTargetFirst() throws Exception {
        try (Site site = new Site(true);
                Pipeline pipeline = pipeline(site)) {
            CrawlReport report = Crawler.of(pipeline).crawl(request(site, 2), SummaryListener.NONE, Optional.empty());

            assertThat(fetchOrder(report, site.url("/page-" + ANSWER)))
                    .as(
                            "the answer, whose anchor says only 'Page %d', is the one page read after the home page",
                            ANSWER)
                    .isEqualTo(2);
        }
    }

    @Test
    void theTitleOfAPageAlreadyInTheCacheBringsItFirstThoughNoLinkSaysIt() throws Exception {
        try (Site site = new Site(false);
                Pipeline pipeline = pipeline(site)) {
            pipeline.read(site.url("/page-" + ANSWER), SummaryListener.NONE); // read before: cached with its title

            CrawlReport report = Crawler.of(pipeline).crawl(request(site, 2), SummaryListener.NONE, Optional.empty());

            assertThat(fetchOrder(report, site.url("/page-" + ANSWER))).isEqualTo(2);
        }
    }

    @Test
    void withoutATitleTheSameCrawlReadsTheLinksInPageOrder() throws Exception {
        try (Site site = new Site(false);
                Pipeline pipeline = pipeline(site)) {
            CrawlReport report = Crawler.of(pipeline).crawl(request(site, 2), SummaryListener.NONE, Optional.empty());

            assertThat(report.visits())
                    .filteredOn(v -> v.order() > 0)
                    .extracting(Visit::url)
                    .containsExactly(site.url("/"), site.url("/page-1"));
        }
    }

    private static int fetchOrder(CrawlReport report, String url) {
        return report.visits().stream()
                .filter(v -> v.url().equals(url))
                .mapToInt(Visit::order)
                .findFirst()
                .orElse(0);
    }

    private static CrawlRequest request(Site site, int maxPages) {
        return new CrawlRequest(
                site.url("/"),
                QUERY,
                OptionalInt.of(maxPages),
                OptionalInt.of(2),
                Optional.empty(),
                java.util.OptionalLong.empty(),
                Scope.Kind.DOMAIN,
                List.of(),
                List.of(),
                OptionalInt.empty(),
                Optional.empty(),
                OptionalInt.empty());
    }

    private Pipeline pipeline(Site site) {
        Map<String, String> settings = new HashMap<>();
        settings.put("fetcher.resolve", HOST + "=127.0.0.1");
        settings.put("fetcher.allowed_hosts", HOST);
        settings.put("cache.dir", cacheDir.toString());
        settings.put("summarizer.provider", "extractive");
        return Pipeline.create(Config.defaults().with(settings));
    }

    /** A home page linking to twelve pages as "Page n"; with {@code titled}, each link carries its page's title. */
    private static final class Site implements AutoCloseable {
        private final HttpServer server;
        private final boolean titled;

        Site(boolean titled) throws IOException {
            this.titled = titled;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url(String path) {
            return "http://" + HOST + ":" + server.getAddress().getPort() + path;
        }

        private static String title(int page) {
            return page == ANSWER
                    ? "The diaphone fog signal installed at Skerry Point"
                    : "Gulls and puffins, part " + page;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/")) {
                    SmallPages.send(
                            exchange,
                            "The Coast Society",
                            "<h1>The Coast Society</h1><ul>"
                                    + IntStream.rangeClosed(1, PAGES)
                                            .mapToObj(i -> "<li><a href=\"/page-" + i + "\""
                                                    + (titled ? " title=\"" + title(i) + "\"" : "") + ">Page " + i
                                                    + "</a></li>")
                                            .collect(Collectors.joining())
                                    + "</ul>");
                } else if (path.matches("/page-\\d+")) {
                    int i = Integer.parseInt(path.substring(6));
                    SmallPages.send(
                            exchange,
                            title(i),
                            "<h1>" + title(i) + "</h1><p>"
                                    + (i == ANSWER
                                            ? "The diaphone fog signal at Skerry Point was installed in 1912."
                                            : "Gulls nest on the cliffs by the tower every spring.")
                                    + "</p>");
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
