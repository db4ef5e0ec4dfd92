package dev.mcpweb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.mcpweb.config.Config;
import dev.mcpweb.config.RenderConfig;
import dev.mcpweb.render.BrowserTest;
import dev.mcpweb.render.SpaPages;
import dev.mcpweb.summarize.SummaryListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The render mode through the pipeline: apps rendered and said so, static pages never start a browser. */
class PipelineRenderTest {
    @TempDir
    Path cacheDir;

    private SpaPages.Site site;

    @BeforeEach
    void serve() throws IOException {
        site = SpaPages.serve();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    @BrowserTest
    void autoRendersEveryAppFixtureAndSaysWhichSignalFired() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config())) {
            for (SpaPages.App app : SpaPages.apps().values()) {
                SourceRead read = pipeline.readSource(url(app.path()), Optional.empty(), SummaryListener.NONE);

                assertThat(read.document().text()).as(app.path()).contains(app.renderedText());
                assertThat(read.render().rendered()).as(app.path()).isTrue();
                assertThat(read.render().signal()).as(app.path()).contains(app.signal());
                assertThat(read.warnings()).as(app.path()).isEmpty();
            }
            assertThat(pipeline.browserLaunches()).isEqualTo(1);
        }
    }

    @Test
    void ordinaryPagesAreReadStaticallyAndNeverStartABrowser() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config())) {
            for (String path : SpaPages.ordinary().keySet()) {
                SourceRead read = pipeline.readSource(url(path), Optional.empty(), SummaryListener.NONE);

                assertThat(read.document().text()).as(path).containsIgnoringCase("harbour");
                assertThat(read.render()).as(path).isEqualTo(RenderNote.STATIC);
            }
            assertThat(pipeline.browserLaunches()).isZero();
        }
    }

    @Test
    @BrowserTest
    void alwaysRendersAStaticPageTooAndNeverRendersNothing() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config())) {
            SourceRead always = pipeline.readSource(
                    url("/plain/article"), Optional.of(RenderConfig.Mode.ALWAYS), SummaryListener.NONE);
            assertThat(always.render()).isEqualTo(RenderNote.ALWAYS);
            assertThat(always.document().text()).contains("harbour lights were first lit in 1852");

            assertThatThrownBy(() -> pipeline.readSource(
                            url("/spa/inline"), Optional.of(RenderConfig.Mode.NEVER), SummaryListener.NONE))
                    .hasMessageContaining("is rendered by JavaScript");
            assertThat(pipeline.browserLaunches()).isEqualTo(1);
        }
    }

    @Test
    void withRenderingOffAnAppShellKeepsItsClearMessage() {
        try (Pipeline pipeline = Pipeline.create(config("render.mode", "never"))) {
            assertThatThrownBy(() -> pipeline.read(url("/spa/inline"), SummaryListener.NONE))
                    .hasMessageContaining("rendered by JavaScript");
            assertThat(pipeline.browserLaunches()).isZero();
        }
    }

    // /bin/false is an executable that exits at once, as a broken or crashing Chromium install does.
    @ParameterizedTest(name = "browser {0}")
    @CsvSource(delimiter = '|', textBlock = """
            /nonexistent/chromium | render.browser_path /nonexistent/chromium is not an executable file | render=always needs a browser
            /bin/false            | Chromium exited before it was ready                                 | render=always could not render it
            """)
    void aMissingOrBrokenBrowserLeavesAutoWithTheStaticPageAndFailsAlwaysSayingWhy(
            String browser, String why, String alwaysSays) throws Exception {
        try (Pipeline pipeline = Pipeline.create(config("render.browser_path", browser))) {
            SourceRead read = pipeline.readSource(url("/spa/delay"), Optional.empty(), SummaryListener.NONE);

            assertThat(read.render().rendered()).isFalse();
            assertThat(read.render().signal()).contains("noscript");
            assertThat(read.warnings())
                    .singleElement()
                    .asString()
                    .contains("looks written by JavaScript (noscript: <noscript> says")
                    .contains(why);

            assertThatThrownBy(() -> pipeline.readSource(
                            url("/plain/article"), Optional.of(RenderConfig.Mode.ALWAYS), SummaryListener.NONE))
                    .isInstanceOfSatisfying(
                            PipelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.FAILED))
                    .hasMessageContaining(alwaysSays)
                    .hasMessageContaining(why);
            assertThat(pipeline.browserLaunches()).isZero();
        }
    }

    @Test
    @BrowserTest
    void aPageThatDoesNotAnswerTheBrowserLeavesAutoWithTheStaticPageAndFailsAlways() throws Exception {
        try (HangingPages pages = new HangingPages()) {
            Config config = config("render.timeout", "2s");
            try (Pipeline pipeline = Pipeline.create(config)) {
                SourceRead read = pipeline.readSource(pages.url("/auto"), Optional.empty(), SummaryListener.NONE);

                assertThat(read.render().rendered()).isFalse();
                assertThat(read.render().signal()).contains("noscript");
                assertThat(read.document().text()).contains("Opening times of the harbour museum");
                assertThat(read.warnings())
                        .singleElement()
                        .asString()
                        .contains("was not rendered: render failed: render.timeout (2000 ms) reached before");

                assertThatThrownBy(() -> pipeline.readSource(
                                pages.url("/always"), Optional.of(RenderConfig.Mode.ALWAYS), SummaryListener.NONE))
                        .isInstanceOf(PipelineException.class)
                        .hasMessageContaining("render=always could not render it")
                        .hasMessageContaining("render.timeout (2000 ms) reached before");
            }
        }
    }

    /**
     * Pages on 127.0.0.1 that answer their first request (the static fetch) with a page asking for
     * JavaScript, and hold every later one (the browser's) open without an answer until closed.
     */
    private static final class HangingPages implements AutoCloseable {
        private final HttpServer server;
        private final CountDownLatch closed = new CountDownLatch(1);
        private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

        HangingPages() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (requests.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement() > 0) {
                    try {
                        closed.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                    return;
                }
                byte[] page = ("<!doctype html><html><head><title>Museum</title></head><body>"
                                + "<noscript>You need to enable JavaScript to run this app.</noscript>"
                                + "<div id=\"root\"><p>Opening times of the harbour museum.</p></div>"
                                + "<script src=\"/app.js\"></script></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            closed.countDown();
            server.stop(0);
        }
    }

    @Test
    @BrowserTest
    void aSummaryListsTheSourcesItRenderedAndWhy() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config())) {
            PipelineResult result = pipeline.summarize(
                    new SummarizeRequest(
                            List.of(url("/spa/api"), url("/plain/article")),
                            Optional.empty(),
                            OptionalInt.of(80),
                            Optional.empty()),
                    SummaryListener.NONE,
                    Optional.empty());

            assertThat(result.reads())
                    .extracting(
                            r -> r.document().url().getPath(), r -> r.render().rendered())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("/spa/api", true),
                            org.assertj.core.groups.Tuple.tuple("/plain/article", false));
            assertThat(result.summary().markdown()).contains("same-origin JSON API");
        }
    }

    private Config config(String... more) {
        Map<String, String> s = new HashMap<>(Map.of(
                "fetcher.allowed_hosts", "127.0.0.1/32",
                "fetcher.respect_robots", "false",
                "cache.dir", cacheDir.toString(),
                "summarizer.provider", "extractive"));
        for (int i = 0; i < more.length; i += 2) {
            s.put(more[i], more[i + 1]);
        }
        return Config.defaults().with(s);
    }

    private String url(String path) {
        return site.url(path);
    }
}
