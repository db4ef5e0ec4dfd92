package dev.mcpweb.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.fetch.TestFetchers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Real Chromium against SPA fixtures on loopback, reached as {@code app.test} through the guarded proxy. */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RendererTest {
    private static final String SHELL = "<!doctype html><html><head><title>App</title></head><body>"
            + "<noscript>You need to enable JavaScript to run this app.</noscript><div id=\"root\"></div>%s</body></html>";

    private LoopbackSites sites;
    private Fetcher fetcher;
    private Renderer renderer;

    @BeforeAll
    void start() throws IOException {
        sites = new LoopbackSites()
                .page(
                        "/inline",
                        "text/html",
                        shell("<script>document.getElementById('root').innerHTML ="
                                + " '<h1>Inline heading</h1><p>Written by an inline script.</p>';</script>"))
                .page(
                        "/api",
                        "text/html",
                        shell("<script>fetch('/data.json').then(r => r.json()).then(d => {"
                                + " document.getElementById('root').innerHTML = '<article><p>' + d.text + '</p></article>'; });"
                                + "</script>"))
                .page("/data.json", "application/json", "{\"text\": \"Loaded from the same-origin API.\"}")
                .page(
                        "/delay",
                        "text/html",
                        shell("<script>setTimeout(() => {"
                                + " document.getElementById('root').textContent = 'Arrived after one second.'; }, 1000);"
                                + "</script>"))
                .page(
                        "/router",
                        "text/html",
                        shell("<script>"
                                + "const routes = {'/router/about': 'About page from the client-side router.'};"
                                + "history.pushState({}, '', '/router/about');"
                                + "document.getElementById('root').textContent = routes[location.pathname];</script>"))
                .page("/attack", "text/html", attackPage())
                .redirect("/hop1", "/hop2")
                .redirect("/hop2", "http://{INTERNAL}/after-redirect")
                .page(
                        "/away",
                        "text/html",
                        "<meta http-equiv=refresh content=\"0;url=http://{INTERNAL}/meta\">" + "<p>leaving</p>");
        fetcher = TestFetchers.withHosts(
                Map.of("fetcher.allowed_hosts", LoopbackSites.HOST), Map.of(LoopbackSites.HOST, "127.0.0.1"));
        renderer = Renderer.create(Config.defaults().render(), fetcher.connector());
    }

    @AfterAll
    void stop() throws IOException {
        renderer.close();
        fetcher.close();
        sites.close();
    }

    @Test
    void contentWrittenByAnInlineScriptIsRendered() {
        assertThat(html("/inline")).contains("Inline heading", "Written by an inline script.");
    }

    @Test
    void contentFetchedFromASameOriginApiIsRendered() {
        assertThat(html("/api")).contains("Loaded from the same-origin API.");
    }

    @Test
    void contentWrittenAfterOneSecondIsWaitedFor() {
        assertThat(html("/delay")).contains("Arrived after one second.");
    }

    @Test
    void aClientSideRouteIsRenderedAtItsUrl() {
        RenderOutcome.Rendered r = rendered("/router");
        assertThat(r.html()).contains("About page from the client-side router.");
        assertThat(r.finalUrl()).endsWith("/router/about");
    }

    @Test
    void nothingThePageTriesReachesTheInternalAddressAndItsOwnContentStillRenders() {
        RenderOutcome.Rendered r = rendered("/attack");
        RenderOutcome.Rendered meta = rendered("/away");

        assertThat(r.html()).contains("The page's own article survives the attacks.");
        assertThat(meta.html()).isNotBlank();
        assertThat(sites.internalHits())
                .as("connections the internal listener saw")
                .isZero();
        assertThat(sites.hits("/attack")).isEqualTo(1); // window.location to internal did not reload us either
        assertThat(r.notes()).anyMatch(n -> n.contains("refused")).anyMatch(n -> n.contains("navigate away"));
    }

    @Test
    void aUrlTheGuardRefusesFailsWithTheReason() {
        RenderOutcome r = renderer.render("http://" + sites.internalOrigin() + "/");

        assertThat(r)
                .isInstanceOfSatisfying(
                        RenderOutcome.Failed.class,
                        f -> assertThat(f.message()).contains("blocked: 127.0.0.2 is a loopback address"));
        assertThat(sites.internalHits()).isZero();
    }

    @Test
    void manyRendersUseOneBrowser() {
        List<RenderOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(renderer.render(sites.url("/inline")));
        }
        assertThat(outcomes).allMatch(o -> o instanceof RenderOutcome.Rendered);
        assertThat(renderer.launches()).isEqualTo(1);
    }

    private String html(String path) {
        return rendered(path).html();
    }

    private RenderOutcome.Rendered rendered(String path) {
        RenderOutcome outcome = renderer.render(sites.url(path));
        assertThat(outcome).isInstanceOf(RenderOutcome.Rendered.class);
        return (RenderOutcome.Rendered) outcome;
    }

    private static String shell(String scripts) {
        return SHELL.formatted(scripts);
    }

    /** A page on the allowed host whose every trick aims at the internal address; {@code {INTERNAL}} is it. */
    private static String attackPage() {
        return """
                <!doctype html><html><head><title>Attack</title>
                <link rel="stylesheet" href="http://{INTERNAL}/style.css">
                <style>body { background: url(http://{INTERNAL}/bg.png); }</style>
                <script src="http://{INTERNAL}/script.js"></script>
                </head><body>
                <article><p>The page's own article survives the attacks.</p></article>
                <img src="http://{INTERNAL}/pixel.png">
                <iframe src="http://{INTERNAL}/frame"></iframe>
                <iframe src="/hop1"></iframe>
                <script>
                  fetch('http://{INTERNAL}/fetch').catch(() => {});
                  fetch('/hop1').catch(() => {});
                  navigator.sendBeacon('http://{INTERNAL}/beacon', 'x');
                  try { new (window.WebSocket || Object)('ws://{INTERNAL}/ws'); } catch (e) {}
                  try { navigator.serviceWorker && navigator.serviceWorker.register('/sw.js'); } catch (e) {}
                  const x = new XMLHttpRequest(); x.open('GET', 'http://{INTERNAL}/xhr'); x.send();
                  setTimeout(() => { window.location = 'http://{INTERNAL}/location'; }, 50);
                </script>
                </body></html>
                """;
    }
}
