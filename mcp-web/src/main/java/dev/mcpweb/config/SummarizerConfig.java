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
        String mode,
        int collapseMaxDepth,
        int maxLength) {}
