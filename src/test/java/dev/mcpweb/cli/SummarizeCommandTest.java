package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.llm.sim.SimulatedLlmServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path page;

    @BeforeEach
    void writePage() throws Exception {
        StringBuilder md = new StringBuilder("# Tides\n\n");
        for (int i = 0; i < 12; i++) {
            md.append("Tide fact ")
                    .append(i)
                    .append(" says the moon pulls the sea. More words follow about tides.\n\n");
        }
        page = dir.resolve("tides.md");
        Files.writeString(page, md);
    }

    private int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private String[] withCommon(String... args) {
        String[] common = {
            "summarize", "--set", "fetcher.allowed_roots=" + dir, "--set", "cache.dir=" + dir.resolve("cache"),
        };
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        return all;
    }

    @Test
    void theEmbeddedSummarizerPrintsCitedMarkdownAndJsonOnRequest() throws Exception {
        int code = run(withCommon("--provider", "extractive", "--json", page.toString()));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("markdown").asText()).contains("Tide fact");
        assertThat(json.path("sources").get(0).path("url").asText()).startsWith("file:");
        assertThat(json.path("stats").path("provider").asText()).isNotEmpty();
    }

    @Test
    void anLlmSummaryStreamsToStdoutAndTheProfileGoesToStderrAndAFile() throws Exception {
        Path metrics = dir.resolve("metrics.json");
        try (SimulatedLlmServer llm = SimulatedLlmServer.start(SimulatedLlmServer.Settings.instant())) {
            int code = run(withCommon(
                    "--provider",
                    "openai",
                    "--base-url",
                    llm.v1Url(),
                    "--model",
                    "gpt-4o-mini",
                    "--set",
                    "summarizer.api_key=sk-test",
                    "--set",
                    "summarizer.map_reduce_threshold=60",
                    "--set",
                    "chunker.chunk_size=80",
                    "--mode",
                    "sequential",
                    "--profile",
                    "--metrics-json",
                    metrics.toString(),
                    page.toString()));
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(stdout).contains("Tide fact 0").contains("**Sources**").contains("1. [");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("map")
                .contains("reduce")
                .contains("LLM calls");
        JsonNode profile = new ObjectMapper().readTree(metrics.toFile());
        assertThat(profile.path("stages").path("map").path("count").asInt()).isEqualTo(1);
        assertThat(profile.path("llmCalls").asDouble()).isGreaterThan(2);
    }

    @Test
    void aSourceThatIsRefusedExitsWith3() {
        int code = run(withCommon("--provider", "extractive", "http://10.0.0.1/"));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("10.0.0.1");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
