package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpweb.sim.SimulatedLlmServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        assertThat(NodeClient.DIR.resolve("node_modules/@modelcontextprotocol/sdk"))
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

    private static void node(String... args) throws Exception {
        NodeClient.run(Map.of("MCPWEB_TEST_LLM", llm.v1Url()), args);
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
