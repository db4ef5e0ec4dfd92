package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.render.SpaPages;
import dev.mcpweb.work.StopToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The marks that make {@code render.mode=auto} render a page, read from static HTML alone. */
class RenderSignalTest {
    private final Extractor extractor = new Extractor(Config.defaults().extractor());

    @Test
    void everyAppFixtureShowsTheSignalItWasBuiltFor() throws Exception {
        for (SpaPages.App app : SpaPages.apps().values()) {
            assertThat(signal(app.path(), app.html()).map(s -> s.kind().id()))
                    .as(app.path())
                    .contains(app.signal());
        }
    }

    @Test
    void ordinaryPagesWithScriptsAnalyticsOrCommentWidgetsShowNoSignal() throws Exception {
        SpaPages.ordinary().forEach((path, html) -> {
            try {
                assertThat(signal(path, html)).as(path).isEmpty();
            } catch (ExtractionException e) {
                throw new AssertionError(path, e);
            }
        });
    }

    @Test
    void qwikAndRemixStreamingWithNothingInlineAreStreamed() throws Exception {
        assertThat(signal(
                        "/q",
                        "<html><body q:container=\"paused\"><div></div><script type=\"qwik/json\">{\"refs\":{}}"
                                + "</script></body></html>"))
                .hasValueSatisfying(s -> assertThat(s.detail()).contains("Qwik"));
        assertThat(signal(
                        "/r",
                        "<html><body><div></div><script>window.__remixContext = {\"state\": {}};</script>"
                                + "</body></html>"))
                .hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(RenderSignal.Kind.STREAMED));
    }

    @Test
    void theSignalSaysWhatWasSeen() throws Exception {
        assertThat(signal("/spa/inline", SpaPages.apps().get("/spa/inline").html()))
                .hasValueSatisfying(s -> assertThat(s.detail()).isEqualTo("#root is empty beside 1 script"));
        assertThat(signal("/spa/scroll", SpaPages.apps().get("/spa/scroll").html()))
                .hasValueSatisfying(
                        s -> assertThat(s.detail()).matches("\\d+ KB of inline script for 4 characters of text"));
    }

    @Test
    void structuredDataIsNotScriptPayloadAndAShortPageWithBigScriptsStillExtracts() throws Exception {
        String jsonLd = "<script type=application/ld+json>{\"name\": \"" + "x".repeat(40_000) + "\"}</script>";
        assertThat(signal("/ld", "<title>T</title>" + jsonLd + "<p>A short product page.</p>"))
                .isEmpty();

        var heavy = page("/s", "<p>A short page.</p><script>" + "var x = 1;".repeat(5_000) + "</script>");
        assertThat(extractor.read(heavy, StopToken.none()).renderSignal())
                .hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo(RenderSignal.Kind.SCRIPT_PAYLOAD));
        assertThat(extractor.extract(heavy).text()).contains("A short page.");
    }

    @Test
    void extractStillRefusesAnEmptyShellWithItsMessage() {
        var shell = page("/s", "<html><body><div id=root></div><script>render()</script></body></html>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> extractor.extract(shell))
                .isInstanceOf(ScriptRenderedException.class)
                .hasMessageContaining("is rendered by JavaScript in the browser");
    }

    private Optional<RenderSignal> signal(String path, String html) throws ExtractionException {
        return extractor.read(page(path, html), StopToken.none()).renderSignal();
    }

    private static FetchResult page(String path, String html) {
        return FetchResult.ofBytes(
                URI.create("https://app.example" + path), "text/html", html.getBytes(StandardCharsets.UTF_8));
    }
}
