package dev.mcpweb.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.fetch.TestFetchers;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fetcher's rules hold for what a rendered page loads, through the guarded proxy: robots.txt, the
 * per-host slots, the size bound and the allow-list.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubresourcePolicyTest {
    private static final int MAX_BODY = 64 * 1024;

    private LoopbackSites sites;
    private Fetcher fetcher;
    private Renderer renderer;

    @BeforeAll
    void start() throws IOException {
        sites = new LoopbackSites()
                .page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n")
                .page(
                        "/robots-page",
                        "text/html",
                        "<p id=out>The page's own text.</p><script>fetch('/private/data.json').then(r => r.text())"
                                + ".then(t => { document.getElementById('out').textContent += ' Leaked: ' + t; })"
                                + ".catch(() => {});</script>")
                .page("/private/data.json", "application/json", "\"private data\"")
                .slow("/api/slow", 150)
                .page(
                        "/many",
                        "text/html",
                        "<p id=out>Waiting</p><script>Promise.all(Array.from({length: 12}, (_, i) =>"
                                + " fetch('/api/slow?i=' + i))).then(rs => {"
                                + " document.getElementById('out').textContent = rs.length + ' answers loaded'; });"
                                + "</script>")
                .page("/big", "text/html", "<p id=out>The page text stays.</p><script src=\"/big.js\"></script>")
                .page(
                        "/big.js",
                        "text/javascript",
                        "/*" + "x".repeat(4 * MAX_BODY) + "*/ document.getElementById('out').textContent = 'big ran';")
                .page(
                        "/other-host",
                        "text/html",
                        "<p>Own text.</p><script>fetch('http://other.test:{PORT}/elsewhere').catch(() => {});</script>")
                .page("/elsewhere", "text/plain", "elsewhere");
        fetcher = TestFetchers.withHosts(
                Map.of(
                        "fetcher.allowed_hosts",
                        LoopbackSites.HOST,
                        "fetcher.respect_robots",
                        "true",
                        "fetcher.max_per_host",
                        "2",
                        "fetcher.max_body_size",
                        String.valueOf(MAX_BODY)),
                Map.of(LoopbackSites.HOST, "127.0.0.1", "other.test", "127.0.0.1"));
        renderer = Renderer.create(Config.defaults().render(), fetcher.connector());
    }

    @AfterAll
    void stop() throws IOException {
        renderer.close();
        fetcher.close();
        sites.close();
    }

    @Test
    void aSubresourceRobotsTxtDisallowsIsNeverRequested() {
        RenderOutcome.Rendered r = rendered("/robots-page");

        assertThat(r.html()).contains("The page's own text.").doesNotContain("private data");
        assertThat(sites.hits("/private/data.json")).isZero();
        assertThat(r.notes()).anyMatch(n -> n.contains("robots.txt refused"));
    }

    @Test
    void theBrowserGetsNoMoreConnectionsToOneHostThanMaxPerHost() {
        RenderOutcome.Rendered r = rendered("/many");

        assertThat(r.html()).contains("12 answers loaded");
        assertThat(sites.hits("/api/slow")).isEqualTo(12);
        assertThat(sites.maxInFlight()).isBetween(1, 2);
    }

    @Test
    void aSubresourceLargerThanMaxBodySizeIsCutAndNeverRuns() {
        RenderOutcome.Rendered r = rendered("/big");

        assertThat(r.html()).contains("The page text stays.").doesNotContain("big ran");
        assertThat(r.notes()).anyMatch(n -> n.contains("cut at fetcher.max_body_size"));
    }

    @Test
    void aHostOutsideTheAllowListIsRefusedEvenOnLoopback() {
        RenderOutcome.Rendered r = rendered("/other-host");

        assertThat(r.html()).contains("Own text.");
        assertThat(sites.hits("/elsewhere")).isZero();
    }

    private RenderOutcome.Rendered rendered(String path) {
        RenderOutcome outcome = renderer.render(sites.url(path));
        assertThat(outcome).isInstanceOf(RenderOutcome.Rendered.class);
        return (RenderOutcome.Rendered) outcome;
    }
}
