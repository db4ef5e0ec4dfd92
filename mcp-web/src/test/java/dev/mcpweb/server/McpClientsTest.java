package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpweb.crawl.SyntheticSite;
import dev.mcpweb.search.FakeSearchProviders;
import dev.mcpweb.sim.SimulatedLlmServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * mcp-web driven by real MCP clients in Node (src/test/node): the official TypeScript SDK over stdio
 * and Streamable HTTP, the MCP Inspector CLI and the conformance suite. The server under test runs
 * from this build's class path. Skipped, with a message, only when Node is not installed.
 */
@Tag("slow")
class McpClientsTest {
    private static final Path NODE_DIR = NodeClient.DIR;

    private static SimulatedLlmServer llm;

    @AfterAll
    static void stopLlm() {
        if (llm != null) {
            llm.close();
        }
    }

    @BeforeAll
    static void needsNode() throws Exception {
        assumeTrue(
                found("node"),
                "node (20+) is not on PATH: the MCP client tests need Node and npm; install Node 20 and run bin/test");
        assertThat(NODE_DIR.resolve("node_modules/@modelcontextprotocol/sdk"))
                .as("the Node MCP clients are not installed: run `npm ci` in src/test/node (bin/test does it)")
                .exists();
        // Summaries are written by the simulated LLM, with some latency as a real endpoint has.
        llm = SimulatedLlmServer.start(
                SimulatedLlmServer.Settings.instant().withLatency(Duration.ofMillis(20), Duration.ofMillis(1)));
    }

    @Test
    void theTypeScriptSdkClientSeesTheProtocolOverStdio() throws Exception {
        node("clients.mjs", "stdio", "protocol");
    }

    @Test
    void theTypeScriptSdkClientSeesTheProtocolOverHttp() throws Exception {
        node("clients.mjs", "http", "protocol");
    }

    @Test
    void theTypeScriptSdkClientUsesEveryToolOverStdio() throws Exception {
        node("clients.mjs", "stdio", "tools");
    }

    @Test
    void theTypeScriptSdkClientUsesEveryToolOverHttp() throws Exception {
        node("clients.mjs", "http", "tools");
    }

    @Test
    void fiftyConcurrentToolCallsOverHttpAllSucceedWithBoundedMemory() throws Exception {
        node("clients.mjs", "http", "concurrency");
    }

    @Test
    void theInspectorCliListsAndCallsTheTools() throws Exception {
        node("inspector.mjs");
    }

    @Test
    void theConformanceSuitePassesEveryScenarioThatApplies() throws Exception {
        node("conformance.mjs");
    }

    @Test
    void theTypeScriptSdkClientMapsAndCrawlsASiteWithProgressAndCancellation() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                SyntheticSite slow = SyntheticSite.start(new SyntheticSite.Options(1, true))) {
            node(
                    Map.of(
                            "MCPWEB_TEST_SITE", site.url("/"),
                            "MCPWEB_TEST_SLOW_SITE", slow.url("/"),
                            "MCPWEB_TEST_SLOW_SITE_COUNT", "http://127.0.0.1:" + slow.port() + "/_test/requests",
                            "MCP_WEB_FETCHER_RESOLVE", site.settings().get("fetcher.resolve"),
                            "MCP_WEB_FETCHER_ALLOWED_HOSTS", site.settings().get("fetcher.allowed_hosts")),
                    "crawl.mjs");
        }
    }

    @Test
    void theTypeScriptSdkClientFollowsLinksWithinAnLlmCallBudget() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain())) {
            node(
                    Map.of(
                            "MCPWEB_TEST_SITE", site.url("/"),
                            "MCPWEB_TEST_SECTIONS", SyntheticSite.sectionPath(0) + "," + SyntheticSite.sectionPath(1),
                            "MCPWEB_TEST_ANSWERS",
                                    String.join(",", SyntheticSite.answerPaths().subList(0, 2)),
                            "MCP_WEB_FETCHER_RESOLVE", site.settings().get("fetcher.resolve"),
                            "MCP_WEB_FETCHER_ALLOWED_HOSTS", site.settings().get("fetcher.allowed_hosts")),
                    "follow.mjs");
        }
    }

    @Test
    void theTypeScriptSdkClientSearchesTheWebThroughFakeProviders() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                FakeSearchProviders search = FakeSearchProviders.start()) {
            List<FakeSearchProviders.Hit> hits = new ArrayList<>();
            SyntheticSite.answerPaths()
                    .forEach(p -> hits.add(new FakeSearchProviders.Hit("Answer", site.url(p), "An answer.")));
            hits.add(
                    1,
                    new FakeSearchProviders.Hit(
                            "Answer again",
                            site.url(SyntheticSite.answerPaths().getFirst()) + "?utm_source=x",
                            "The same page."));
            hits.add(new FakeSearchProviders.Hit("Internal", "http://127.0.0.1:" + site.port() + "/", "On loopback."));
            search.results(hits);
            node(
                    Map.of(
                            "MCPWEB_TEST_SEARXNG", search.settings("searxng").get("search.searxng_url"),
                            "MCPWEB_TEST_BRAVE", search.settings("brave").get("search.brave_url"),
                            "MCP_WEB_FETCHER_RESOLVE", site.settings().get("fetcher.resolve"),
                            "MCP_WEB_FETCHER_ALLOWED_HOSTS", site.settings().get("fetcher.allowed_hosts")),
                    "search.mjs");
            assertThat(site.requests())
                    .as("the loopback result was refused, never fetched")
                    .noneMatch(r -> r.host().equals("127.0.0.1"));
        }
    }

    private static void node(String... args) throws Exception {
        node(Map.of(), args);
    }

    private static void node(Map<String, String> env, String... args) throws Exception {
        Map<String, String> withLlm = new HashMap<>(env);
        withLlm.putIfAbsent("MCPWEB_TEST_LLM", llm.v1Url());
        NodeClient.run(withLlm, args);
    }

    static boolean found(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
