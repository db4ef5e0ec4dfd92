package dev.mcpweb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.mcpweb.config.Config;
import dev.mcpweb.render.BrowserTest;
import dev.mcpweb.summarize.SummaryListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render.mode} through the pipeline: app shells rendered, static pages never start a browser. */
class PipelineRenderTest {
    private static final String SHELL = "<!doctype html><html><head><title>Shell</title></head><body>"
            + "<noscript>You need to enable JavaScript to run this app.</noscript><div id=\"root\"></div>"
            + "<script>document.getElementById('root').innerHTML = '<main><h1>Release notes</h1><p>Version 2 "
            + "brings rendering of pages that only exist after their scripts run, behind the same guard.</p></main>';"
            + "</script></body></html>";
    private static final String ARTICLE = "<!doctype html><html><head><title>Static %d</title></head><body>"
            + "<main><h1>Static page %d</h1><p>This page is written on the server, so its HTML already holds all"
            + " of the text a reader wants, and no browser is needed to read it.</p></main>"
            + "<script>console.log('analytics');</script></body></html>";

    @TempDir
    Path cacheDir;

    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page("/shell", SHELL);
        for (int i = 1; i <= 3; i++) {
            page("/static" + i, ARTICLE.formatted(i, i));
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @BrowserTest
    void autoRendersAnAppShellAndExtractsWhatItsScriptWrote() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config())) {
            var doc = pipeline.read(url("/shell"), SummaryListener.NONE);

            assertThat(doc.text()).contains("Version 2 brings rendering");
            assertThat(pipeline.browserLaunches()).isEqualTo(1);
        }
    }

    @Test
    void staticPagesNeverStartABrowser() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config())) {
            for (int i = 1; i <= 3; i++) {
                assertThat(pipeline.read(url("/static" + i), SummaryListener.NONE)
                                .text())
                        .contains("Static page " + i);
            }
            assertThat(pipeline.browserLaunches()).isZero();
        }
    }

    @Test
    void withRenderingOffAnAppShellKeepsItsClearMessage() {
        try (Pipeline pipeline = Pipeline.create(config("render.mode", "never"))) {
            assertThatThrownBy(() -> pipeline.read(url("/shell"), SummaryListener.NONE))
                    .hasMessageContaining("rendered by JavaScript");
            assertThat(pipeline.browserLaunches()).isZero();
        }
    }

    @Test
    void withoutABrowserAnAppShellSaysHowToGetOne() {
        try (Pipeline pipeline = Pipeline.create(config("render.browser_path", "/nonexistent/chromium"))) {
            assertThatThrownBy(() -> pipeline.read(url("/shell"), SummaryListener.NONE))
                    .hasMessageContaining("rendered by JavaScript")
                    .hasMessageContaining(
                            "To render it, render.browser_path /nonexistent/chromium is not an executable");
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
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void page(String path, String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}
