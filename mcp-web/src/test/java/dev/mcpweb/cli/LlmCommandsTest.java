package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.sim.SimulatedLlmServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmCommandsTest {
    private static final String KEY = "sk-doctor-test-key-123456789";

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    private String stdout() {
        return cli.out();
    }

    @Test
    void doctorMakesATinyCallAndSaysTheProviderIsReady() throws Exception {
        try (SimulatedLlmServer sim =
                SimulatedLlmServer.start(SimulatedLlmServer.Settings.instant().withApiKey(KEY))) {
            int code = run(
                    "doctor",
                    "--set",
                    "summarizer.provider=anthropic",
                    "--set",
                    "summarizer.api_base=" + sim.v1Url(),
                    "--set",
                    "summarizer.api_key=" + KEY);

            assertThat(code).isZero();
            assertThat(stdout())
                    .contains("✓ plain call answered")
                    .contains("✓ streamed call answered")
                    .contains("\"Say: ok.\"")
                    .contains("✓ ready to summarize with anthropic claude-haiku-4-5")
                    .doesNotContain(KEY);
            assertThat(sim.stats().requests()).isEqualTo(2);
        }
    }

    @Test
    void doctorSaysWhatToFixAndExitsWith4WhenTheKeyIsWrong(@TempDir Path dir) throws Exception {
        try (SimulatedLlmServer sim =
                SimulatedLlmServer.start(SimulatedLlmServer.Settings.instant().withApiKey(KEY))) {
            Path keyFile = Files.writeString(dir.resolve("key"), "sk-wrong-key-987654321\n");
            int code = run(
                    "doctor", "--provider", "openai", "--base-url", sim.v1Url(), "--api-key-file", keyFile.toString());

            assertThat(code).isEqualTo(4);
            assertThat(stdout())
                    .contains("✗ plain call failed (permanent): 401 from " + sim.v1Url()
                            + ": check MCP_WEB_SUMMARIZER_API_KEY")
                    .doesNotContain("sk-wrong-key-987654321");
            assertThat(cli.err()).doesNotContain("sk-wrong-key-987654321");
        }
    }

    @Test
    void doctorExplainsAProviderThatCannotBeBuilt() {
        int code = run("doctor", "--set", "summarizer.provider=custom", "--set", "summarizer.model=m");

        assertThat(code).isEqualTo(4);
        assertThat(stdout()).contains("✗ summarizer.provider=custom needs summarizer.api_base");
    }

    @Test
    void doctorIsHappyWithTheExtractiveSummarizer() {
        assertThat(run("doctor", "--set", "summarizer.provider=extractive")).isZero();
        assertThat(stdout()).contains("needs no model");
    }
}
