package dev.mcpweb.llm;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.SummarizerConfig;
import dev.mcpweb.sim.SimulatedLlmServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds providers pointed at a simulated server, with retries fast enough for tests. */
final class SimulatedLlm {
    static final String KEY = "sk-test-0123456789abcdefSECRET";

    private SimulatedLlm() {}

    static SummarizerConfig config(SimulatedLlmServer server, String provider, Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("summarizer.provider", provider);
        settings.put("summarizer.api_base", provider.equals("ollama") ? server.baseUrl() : server.v1Url());
        settings.put("summarizer.model", provider.equals("anthropic") ? "claude-haiku-4-5" : "gpt-4o-mini");
        settings.put("summarizer.api_key", KEY);
        settings.putAll(extra);
        return Config.defaults().with(settings).summarizer();
    }

    static ResilientProvider provider(SimulatedLlmServer server, String provider, Map<String, String> extra) {
        SummarizerConfig config = config(server, provider, extra);
        ResilientProvider.Policy fast = new ResilientProvider.Policy(
                config.maxRetries(),
                Duration.ofMillis(5),
                Duration.ofMillis(50),
                Duration.ofSeconds(5),
                config.maxConcurrent(),
                config.requestsPerMinute(),
                config.tokensPerMinute());
        return (ResilientProvider)
                LlmProviders.build(config, java.util.Optional.empty(), fast, dev.mcpweb.limit.Limits.local())
                        .orElseThrow();
    }

    static ResilientProvider provider(SimulatedLlmServer server, String provider) {
        return provider(server, provider, Map.of());
    }
}
