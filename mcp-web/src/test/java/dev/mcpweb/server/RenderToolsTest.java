package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpweb.render.BrowserTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tools' {@code render} argument through the official MCP TypeScript SDK client over stdio, against
 * a real Chromium: the schema's enum, rendered and static pages, the render note in structuredContent.
 */
@BrowserTest
class RenderToolsTest {
    @Test
    void fetchUrlAndSummarizeUrlsTakeRenderAndSayWhatTheyRendered() throws Exception {
        assumeTrue(McpClientsTest.found("node"), "node (20+) is not on PATH: install Node 20 and run bin/test");
        assertThat(NodeClient.DIR.resolve("node_modules/@modelcontextprotocol/sdk"))
                .as("the Node MCP clients are not installed: run `npm ci` in src/test/node (bin/test does it)")
                .exists();
        NodeClient.run(Map.of(), "render.mjs");
    }
}
