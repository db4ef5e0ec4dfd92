package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.cli.CliRun;
import dev.mcpweb.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's --json and the MCP tools' structuredContent are one result shape. */
class ResultShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void summarizeJsonAndSummarizeUrlsStructuredContentAreTheSameResult() throws Exception {
        Path page = Files.writeString(
                dir.resolve("tides.md"),
                "# Tides\n\n" + "Tide facts say the moon pulls the sea, twice a day, on every coast.\n\n".repeat(8));
        CliRun cli = new CliRun();
        int code = cli.run(
                "summarize",
                "--json",
                "--provider",
                "extractive",
                "--set",
                "fetcher.allowed_roots=" + dir,
                "--set",
                "cache.dir=" + dir.resolve("cli-cache"),
                page.toString());
        assertThat(code).as(cli.err()).isZero();
        JsonNode fromCli = JSON.readTree(cli.out());

        Config config = Config.defaults()
                .with(Map.of(
                        "fetcher.allowed_roots", dir.toString(),
                        "cache.dir", dir.resolve("mcp-cache").toString(),
                        "summarizer.provider", "extractive"));
        String call = JSON.writeValueAsString(Map.of(
                "jsonrpc",
                "2.0",
                "id",
                2,
                "method",
                "tools/call",
                "params",
                Map.of("name", "summarize_urls", "arguments", Map.of("urls", new String[] {page.toString()}))));
        JsonNode result = StdioTest.byId(
                        StdioTest.session(config, StdioTest.INITIALIZE, StdioTest.INITIALIZED, call), 2)
                .path("result");
        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        JsonNode fromMcp = result.path("structuredContent");

        assertThat(keys(fromMcp)).isEqualTo(keys(fromCli)).contains("stats.llm_calls", "sources[].url");
        ((ObjectNode) fromCli.path("stats")).remove("elapsed_ms");
        ((ObjectNode) fromMcp.path("stats")).remove("elapsed_ms");
        assertThat(fromMcp).as("the same summary, written the same way").isEqualTo(fromCli);
    }

    /** Every key path in {@code node}: {@code stats.llm_calls}, {@code sources[].url}, … */
    private static TreeSet<String> keys(JsonNode node) {
        TreeSet<String> out = new TreeSet<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, TreeSet<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                out.add(p);
                collect(e.getValue(), p, out);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, path + "[]", out));
        }
    }
}
