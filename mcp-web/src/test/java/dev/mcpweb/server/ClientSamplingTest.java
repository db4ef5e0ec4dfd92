package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSamplingTest {
    @Test
    void theClientsModelIsChosenOnceWithTheServersOtherSummarizerSettings() {
        Config config = Config.defaults()
                .with(Map.of(
                        "summarizer.provider", "extractive",
                        "summarizer.timeout", "42s",
                        "summarizer.max_tokens", "777"));

        ClientSampling.Choice choice = ClientSampling.Choice.of(config);

        assertThat(choice.summarizer().provider()).isEqualTo("sampling");
        assertThat(choice.summarizer().timeout()).isEqualTo(Duration.ofSeconds(42));
        assertThat(choice.summarizer().maxTokens()).isEqualTo(777);
        assertThat(choice.summarizer())
                .isEqualTo(
                        config.with(Map.of("summarizer.provider", "sampling")).summarizer());
    }
}
