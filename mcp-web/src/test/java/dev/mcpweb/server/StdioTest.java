package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.Pipeline;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stdio transport in-process: JSON lines in, JSON lines out, nothing else on the output. */
class StdioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path cacheDir;

    /** Writes {@code lines} then ends the input; returns every line the server wrote before returning. */
    private List<JsonNode> session(String... lines) throws Exception {
        return session(Map.of(), lines);
    }

    private List<JsonNode> session(Map<String, String> settings, String... lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(feed, 1 << 16);
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("cache.dir", cacheDir.toString());
        Config config = Config.defaults().with(all);
        try (McpWebServer server = McpWebServer.create(config, meters -> Pipeline.create(config, meters), "test")) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try (feed) {
                    for (String line : lines) {
                        feed.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            server.serveStdio(in, out);
            writer.join(Duration.ofSeconds(10));
        }
        List<JsonNode> messages = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new StringReader(out.toString(StandardCharsets.UTF_8)));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            messages.add(JSON.readTree(line)); // every line of output is one JSON message
        }
        return messages;
    }

    private static JsonNode byId(List<JsonNode> messages, int id) {
        return messages.stream()
                .filter(m -> m.path("id").asInt(-1) == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no response " + id + " in " + messages));
    }

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @Test
    void answersInitializeAndListsTheToolsThenReturnsWhenInputEnds() throws Exception {
        List<JsonNode> out =
                session(INITIALIZE, INITIALIZED, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        assertThat(byId(out, 1).at("/result/serverInfo/name").asText()).isEqualTo("mcp-web");
        List<String> names = new ArrayList<>();
        byId(out, 2).at("/result/tools").forEach(t -> names.add(t.get("name").asText()));
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "summarize_urls", "fetch_url", "get_cache_stats", "clear_cache", "prune_cache");
    }

    @Test
    void aLineThatIsNotJsonGetsAParseErrorAndTheSessionGoesOn() throws Exception {
        List<JsonNode> out = session(
                INITIALIZE, INITIALIZED, "this is not json", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
        assertThat(out).anySatisfy(m -> assertThat(m.at("/error/code").asInt()).isEqualTo(-32700));
        assertThat(byId(out, 2).has("result")).isTrue();
    }

    @Test
    void badArgumentsAreToolResultsWithIsErrorAndAnActionableMessage() throws Exception {
        List<JsonNode> out = session(
                INITIALIZE,
                INITIALIZED,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"summarize_urls\","
                        + "\"arguments\":{\"urls\":\"\",\"max_length\":3}}}");
        JsonNode result = byId(out, 2).get("result");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").asText()).contains("'urls' is required");
    }

    @Test
    void aPipelineThatCannotStartStillLetsTheServerAnswerAndSaysWhatToFix() throws Exception {
        List<JsonNode> out = session(
                Map.of("summarizer.provider", "openai"),
                INITIALIZE,
                INITIALIZED,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_cache_stats\","
                        + "\"arguments\":{}}}");
        assertThat(byId(out, 1).at("/result/serverInfo/name").asText()).isEqualTo("mcp-web");
        JsonNode result = byId(out, 2).get("result");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").asText())
                .contains("could not start its pipeline", "API key", "MCP_WEB_SUMMARIZER_API_KEY");
    }
}
