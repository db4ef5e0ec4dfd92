package dev.mcpweb.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.fetch.TestFetchers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The browser pool's life cycle: restarts, crashes in mid-render, and nothing left running. */
@BrowserTest
class RendererPoolTest {
    private LoopbackSites sites;
    private Fetcher fetcher;
    private final Set<String> lookedUp = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws Exception {
        sites = new LoopbackSites()
                .page(
                        "/app",
                        "text/html",
                        "<div id=root></div><script>"
                                + "document.getElementById('root').textContent = 'Rendered content';</script>")
                .page(
                        "/busy",
                        "text/html",
                        "<div id=root>Polling</div><script>"
                                + "setInterval(() => fetch('/tick').catch(() => {}), 50);</script>")
                .page("/tick", "text/plain", "tick");
        fetcher = TestFetchers.withHosts(
                Map.of("fetcher.allowed_hosts", LoopbackSites.HOST),
                Map.of(LoopbackSites.HOST, "127.0.0.1"),
                lookedUp::add);
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        sites.close();
    }

    private Renderer renderer(Map<String, String> settings) {
        return Renderer.create(Config.defaults().with(settings).render(), fetcher.connector());
    }

    @Test
    void closingLeavesNoChromiumProcessRunning() {
        List<ProcessHandle> browserTree;
        try (Renderer renderer = renderer(Map.of())) {
            assertThat(renderer.render(sites.url("/app"))).isInstanceOf(RenderOutcome.Rendered.class);
            ProcessHandle browser =
                    ProcessHandle.of(renderer.browserPid().orElseThrow()).orElseThrow();
            browserTree = new java.util.ArrayList<>(browser.descendants().toList());
            browserTree.add(browser);
            assertThat(browserTree).hasSizeGreaterThan(1); // Chromium's helpers: zygote, renderer, …
        }
        assertThat(browserTree).noneMatch(ProcessTree::isRunning);
    }

    @Test
    void theBrowsersOwnRequestsAreRefusedBeforeAnyNameIsLookedUp() {
        try (Renderer renderer = renderer(Map.of())) {
            for (int i = 0; i < 3; i++) { // Chromium calls home at start and again a little later
                assertThat(renderer.render(sites.url("/app")))
                        .isInstanceOfSatisfying(
                                RenderOutcome.Rendered.class,
                                r -> assertThat(r.notes()).noneMatch(n -> n.contains("refused")));
            }
        }
        assertThat(lookedUp).containsOnly(LoopbackSites.HOST);
    }

    @Test
    void theBrowserIsReplacedAfterRestartAfterPages() {
        try (Renderer renderer = renderer(Map.of("render.restart_after", "2"))) {
            for (int i = 0; i < 5; i++) {
                assertThat(renderer.render(sites.url("/app"))).isInstanceOf(RenderOutcome.Rendered.class);
            }
            assertThat(renderer.launches()).isEqualTo(3);
        }
    }

    @Test
    void aBrowserCrashInMidRenderFailsThatPageClearlyAndTheNextRenderWorks() throws Exception {
        try (Renderer renderer = renderer(Map.of("render.timeout", "20s"))) {
            assertThat(renderer.render(sites.url("/app"))).isInstanceOf(RenderOutcome.Rendered.class);
            long pid = renderer.browserPid().orElseThrow();
            int ticks = sites.hits("/tick");

            var inFlight = CompletableFuture.supplyAsync(() -> renderer.render(sites.url("/busy")));
            await(() -> sites.hits("/tick") > ticks + 3); // the page is loaded and busy: mid-render
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            RenderOutcome crashed = inFlight.get(30, TimeUnit.SECONDS);

            assertThat(crashed)
                    .isInstanceOfSatisfying(
                            RenderOutcome.Failed.class,
                            f -> assertThat(f.message())
                                    .contains(
                                            "the browser stopped while rendering", "the next render starts a new one"));
            assertThat(renderer.render(sites.url("/app")))
                    .isInstanceOfSatisfying(
                            RenderOutcome.Rendered.class,
                            r -> assertThat(r.html()).contains("Rendered content"));
            assertThat(renderer.launches()).isEqualTo(2);
        }
    }

    @Test
    void onceTheJvmExitsNoBrowserStartsAgain() throws Exception {
        try (Renderer renderer = renderer(Map.of("render.timeout", "20s"))) {
            assertThat(renderer.render(sites.url("/app"))).isInstanceOf(RenderOutcome.Rendered.class);
            ProcessHandle browser =
                    ProcessHandle.of(renderer.browserPid().orElseThrow()).orElseThrow();
            int ticks = sites.hits("/tick");
            var inFlight = CompletableFuture.supplyAsync(() -> renderer.render(sites.url("/busy")));
            await(() -> sites.hits("/tick") > ticks + 3);

            renderer.exit(); // what the shutdown hook runs, while a page renders and before the next asks

            assertThat(inFlight.get(30, TimeUnit.SECONDS)).isInstanceOf(RenderOutcome.Failed.class);
            assertThat(renderer.render(sites.url("/app")))
                    .isInstanceOfSatisfying(
                            RenderOutcome.Failed.class,
                            f -> assertThat(f.message()).contains("the renderer is closed"));
            assertThat(renderer.launches()).isEqualTo(1);
            assertThat(renderer.browserPid()).isEmpty();
            assertThat(ProcessTree.isRunning(browser)).isFalse();
        }
    }

    @Test
    void theExitHookReturnsOnlyOnceABrowserBeingClosedIsGone() throws Exception {
        Renderer renderer = renderer(Map.of());
        assertThat(renderer.render(sites.url("/app"))).isInstanceOf(RenderOutcome.Rendered.class);
        ProcessHandle browser =
                ProcessHandle.of(renderer.browserPid().orElseThrow()).orElseThrow();
        List<ProcessHandle> browserTree =
                new java.util.ArrayList<>(browser.descendants().toList());
        browserTree.add(browser);

        // serve on SIGTERM: its stdin closes too, so the server's close and the exit hook race
        var closing = CompletableFuture.runAsync(renderer::close);
        await(() -> renderer.browserPid().isEmpty()); // the close has taken the browser and is killing it
        renderer.exit(); // the JVM halts as soon as this returns

        assertThat(browserTree).noneMatch(ProcessTree::isRunning);
        closing.get(30, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 20 s").isLessThan(end);
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
