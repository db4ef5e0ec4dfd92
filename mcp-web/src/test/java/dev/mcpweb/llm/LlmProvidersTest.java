package dev.mcpweb.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.ConfigException;
import dev.mcpweb.sim.SimulatedLlmServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LlmProvidersTest {
    private static final String PAGE = """
            The harbour opened in 1892. It was dredged twice since.

            Ships of up to 40,000 tonnes dock there today. Most carry grain.

            A new terminal is planned for 2030.""";
    private static final String ANSWER =
            "The harbour opened in 1892.\nShips of up to 40,000 tonnes dock there today.\nA new terminal is planned for 2030.";

    private SimulatedLlmServer server;

    @BeforeEach
    void start() throws Exception {
        server = SimulatedLlmServer.start(SimulatedLlmServer.Settings.instant().withApiKey(SimulatedLlm.KEY));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama", "lmstudio", "custom"})
    void eachAdapterGetsACompleteAnswerFromTheSimulatedServer(String name) throws Exception {
        try (LlmProvider provider = SimulatedLlm.provider(server, name)) {
            Completion completion = provider.complete(new LlmRequest("Summarize.", PAGE, 200, 0.2));

            assertThat(completion.text()).isEqualTo(ANSWER);
            assertThat(completion.finishReason()).isEqualTo("stop");
            assertThat(completion.outputTokens()).isEqualTo(21);
            assertThat(completion.inputTokens()).isGreaterThan(20);
            SimulatedLlmServer.Recorded seen = server.requests().getLast();
            assertThat(seen.user()).isEqualTo(PAGE);
            assertThat(seen.system()).isEqualTo("Summarize.");
            assertThat(seen.maxTokens()).isEqualTo(200);
            assertThat(seen.stream()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama"})
    void eachAdapterStreamsTheAnswerPieceByPiece(String name) throws Exception {
        try (LlmProvider provider = SimulatedLlm.provider(server, name)) {
            List<String> deltas = new CopyOnWriteArrayList<>();
            Completion completion = provider.stream(new LlmRequest("Summarize.", PAGE, 200, 0.2), deltas::add);

            assertThat(completion.text()).isEqualTo(ANSWER);
            assertThat(String.join("", deltas)).isEqualTo(ANSWER);
            assertThat(deltas).hasSizeGreaterThan(10);
            assertThat(completion.outputTokens()).isEqualTo(21);
            assertThat(server.requests().getLast().stream()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama"})
    void anAnswerCutByMaxTokensSaysSo(String name) throws Exception {
        try (LlmProvider provider = SimulatedLlm.provider(server, name)) {
            Completion plain = provider.complete(new LlmRequest("", PAGE, 6, 0.2));
            Completion streamed = provider.stream(new LlmRequest("", PAGE, 6, 0.2), d -> {});

            assertThat(plain.text()).isEqualTo("The harbour opened in 1892.\nShips");
            assertThat(plain.finishReason()).isEqualTo("length");
            assertThat(streamed.text()).isEqualTo(plain.text());
            assertThat(streamed.finishReason()).isEqualTo("length");
        }
    }

    @Test
    void extractiveMeansNoProvider() {
        assertThat(LlmProviders.fromConfig(Config.defaults().summarizer())).isEmpty();
    }

    @Test
    void customWithoutABaseUrlSaysWhatToSet() {
        var config = Config.defaults()
                .with(Map.of("summarizer.provider", "custom", "summarizer.model", "m"))
                .summarizer();
        assertThatThrownBy(() -> LlmProviders.fromConfig(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MCP_WEB_SUMMARIZER_API_BASE");
    }

    @Test
    void openAiWithoutAKeySaysWhereToPutOne() {
        var config =
                Config.defaults().with(Map.of("summarizer.provider", "openai")).summarizer();
        assertThatThrownBy(() -> LlmProviders.fromConfig(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MCP_WEB_SUMMARIZER_API_KEY")
                .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void aliasesPointAtTheirUsualLocalServers() {
        var lmstudio = Config.defaults()
                .with(Map.of("summarizer.provider", "lmstudio"))
                .summarizer();
        var localai =
                Config.defaults().with(Map.of("summarizer.provider", "localai")).summarizer();
        assertThat(LlmProviders.baseUrlOf(lmstudio)).isEqualTo("http://localhost:1234/v1");
        assertThat(LlmProviders.baseUrlOf(localai)).isEqualTo("http://localhost:8080/v1");
    }

    @Test
    void samplingNeedsAnMcpClientAndUsesItWhenGiven() throws Exception {
        var config = Config.defaults()
                .with(Map.of("summarizer.provider", "sampling"))
                .summarizer();
        assertThatThrownBy(() -> LlmProviders.fromConfig(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mcp-web serve");

        List<SamplingClient.SamplingRequest> sent = new CopyOnWriteArrayList<>();
        SamplingClient client = request -> {
            sent.add(request);
            return new SamplingClient.SamplingResult("A short answer.", "client-model", "endTurn");
        };
        try (LlmProvider provider = LlmProviders.fromConfig(config, client).orElseThrow()) {
            List<String> deltas = new CopyOnWriteArrayList<>();
            Completion completion = provider.stream(new LlmRequest("Be brief.", PAGE, 64, 0.3), deltas::add);

            assertThat(completion.text()).isEqualTo("A short answer.");
            assertThat(completion.finishReason()).isEqualTo("stop");
            assertThat(deltas).containsExactly("A short answer.");
            assertThat(sent).singleElement().satisfies(r -> {
                assertThat(r.systemPrompt()).isEqualTo("Be brief.");
                assertThat(r.userMessage()).isEqualTo(PAGE);
                assertThat(r.maxTokens()).isEqualTo(64);
            });
        }
    }
}
