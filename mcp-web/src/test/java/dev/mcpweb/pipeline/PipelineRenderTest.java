package dev.mcpweb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.RenderConfig;
import dev.mcpweb.render.BrowserTest;
import dev.mcpweb.render.SpaPages;
import dev.mcpweb.summarize.SummaryListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void withoutABrowserAutoKeepsTheStaticPageAndWarnsHowToInstallOne() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config("render.browser_path", "/nonexistent/chromium"))) {
            SourceRead read = pipeline.readSource(url("/spa/delay"), Optional.empty(), SummaryListener.NONE);

            assertThat(read.render().rendered()).isFalse();
            assertThat(read.render().signal()).contains("noscript");
            assertThat(read.warnings())
                    .singleElement()
                    .asString()
                    .contains("looks written by JavaScript (noscript: <noscript> says")
                    .contains("render.browser_path /nonexistent/chromium is not an executable file");
            assertThat(pipeline.browserLaunches()).isZero();
        }
    }

    @Test
    void alwaysWithoutABrowserFailsSayingHowToInstallOne() {
        try (Pipeline pipeline = Pipeline.create(config("render.browser_path", "/nonexistent/chromium"))) {
            assertThatThrownBy(() -> pipeline.readSource(
                            url("/plain/article"), Optional.of(RenderConfig.Mode.ALWAYS), SummaryListener.NONE))
                    .isInstanceOfSatisfying(
                            PipelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.FAILED))
                    .hasMessageContaining("render=always needs a browser")
                    .hasMessageContaining("render.browser_path /nonexistent/chromium is not an executable file");
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
