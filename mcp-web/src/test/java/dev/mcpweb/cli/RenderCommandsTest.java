package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.render.BrowserTest;
import dev.mcpweb.render.SpaPages;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code fetch} and {@code extract} with {@code --render}, and what they tell about rendering. */
class RenderCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpaPages.Site site;
    private final CliRun cli = new CliRun();

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
    void extractWithRenderAutoReturnsTheRenderedContentAndSaysWhy() throws Exception {
        int code = run("extract", url("/spa/api"), "--format", "json", "--render", "auto");

        assertThat(code).as(cli.err()).isZero();
        JsonNode doc = JSON.readTree(cli.out());
        assertThat(doc.path("text").asText()).contains("Loaded from the same-origin JSON API");
        assertThat(doc.path("render").path("rendered").asBoolean()).isTrue();
        assertThat(doc.path("render").path("signal").asText()).isEqualTo("app_shell");
        assertThat(cli.err()).contains("rendered in headless Chromium (app_shell: #app is empty beside 1 script)");
    }

    @Test
    @BrowserTest
    void fetchWithRenderAlwaysWritesTheRenderedDomAndInfoSaysSo() throws Exception {
        assertThat(run("fetch", url("/spa/inline"), "--render", "always"))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("<p>Written by an inline script into the root.</p>");

        CliRun info = new CliRun();
        int code = info.run(
                "fetch",
                url("/spa/inline"),
                "--render",
                "always",
                "--info",
                "--ignore-robots",
                "--set",
                allowLoopback());
        assertThat(code).as(info.err()).isZero();
        assertThat(JSON.readTree(info.out()).path("render").path("reason").asText())
                .isEqualTo("render=always");
    }

    @Test
    void fetchWithRenderNeverWritesTheBodyAsSent() {
        assertThat(run("fetch", url("/spa/inline"), "--render", "never")).isZero();

        assertThat(cli.out()).isEqualTo(SpaPages.apps().get("/spa/inline").html());
    }

    @Test
    void extractWithoutABrowserKeepsTheStaticPageAndWarns() throws Exception {
        int code = run(
                "extract", url("/spa/delay"), "--format", "json", "--set", "render.browser_path=/nonexistent/chromium");

        assertThat(code).isZero();
        assertThat(JSON.readTree(cli.out()).path("render").path("signal").asText())
                .isEqualTo("noscript");
        assertThat(cli.err())
                .contains("mcp-web: warning: " + url("/spa/delay") + " looks written by JavaScript")
                .contains("render.browser_path /nonexistent/chromium is not an executable file");
    }

    @Test
    void aBadRenderValueIsAUsageErrorNamingTheFlag() {
        int code = run("extract", url("/plain/article"), "--render", "sometimes");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("from flag --render").contains("expected one of auto, always, never");
    }

    private int run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 3);
        all[args.length] = "--ignore-robots";
        all[args.length + 1] = "--set";
        all[args.length + 2] = allowLoopback();
        return cli.run(all);
    }

    private static String allowLoopback() {
        return "fetcher.allowed_hosts=127.0.0.1/32";
    }

    private String url(String path) {
        return site.url(path);
    }
}
