package dev.mcpweb.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the summarize stage and the LLM provider. {@code mode} is already resolved from the
 * Python mcp-web switches ({@code parallel_map}, {@code streaming_map}) when it was not set itself.
 * Zero for {@code contextWindow}, {@code requestsPerMinute} and {@code tokensPerMinute} means
 * "look it up" or "unlimited".
 */
public record SummarizerConfig(
        String provider,
        String model,
        String apiBase,
        Optional<Secret> apiKey,
        double temperature,
        int maxTokens,
        Duration timeout,
        Duration idleTimeout,
        Duration deadline,
        int maxRetries,
        int maxConcurrent,
        int contextWindow,
        int requestsPerMinute,
        int tokensPerMinute,
        int mapReduceThreshold,
        MapMode mode,
        int collapseMaxDepth,
        int maxLength,
        int maxLlmCalls) {
    /** These settings with the map phase in {@code mode}: a request's own choice, without re-reading the configuration. */
    public SummarizerConfig withMode(MapMode mode) {
        return new SummarizerConfig(
                provider,
                model,
                apiBase,
                apiKey,
                temperature,
                maxTokens,
                timeout,
                idleTimeout,
                deadline,
                maxRetries,
                maxConcurrent,
                contextWindow,
                requestsPerMinute,
                tokensPerMinute,
                mapReduceThreshold,
                mode,
                collapseMaxDepth,
                maxLength,
                maxLlmCalls);
    }
}
