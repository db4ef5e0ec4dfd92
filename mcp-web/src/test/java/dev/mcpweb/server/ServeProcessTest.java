package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcp-web serve} as a process, as MCP clients start it. */
@Tag("slow")
class ServeProcessTest {
    @TempDir
    Path dir;

    @Test
    void stdoutCarriesOnlyProtocolAndTheProcessExitsAfterAnsweringWhenStdinCloses() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.mcpweb.cli.Main",
                        "serve",
                        "--verbose")
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("MCP_WEB_"));
        builder.environment().put("MCP_WEB_CACHE_DIR", dir.resolve("cache").toString());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            String lines = String.join(
                    "\n",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_cache_stats\","
                            + "\"arguments\":{\"verbose\":true}}}",
                    "");
            in.write(lines.getBytes(StandardCharsets.UTF_8));
        } // stdin closes here, with the tool call possibly still running
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("exits after stdin closes")
                .isTrue();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<JsonNode> messages = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : stdout.split("\n")) {
            messages.add(json.readTree(line)); // throws on anything that is not JSON
        }
        assertThat(messages).extracting(m -> m.path("id").asInt()).containsExactly(1, 2, 3);
        assertThat(messages.get(2).at("/result/isError").asBoolean()).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("stderr.txt"))).isNotBlank(); // --verbose logs went to stderr
    }
}
