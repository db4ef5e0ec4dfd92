package dev.mcpweb.summarize;

import java.time.Duration;

/** How a summary was made: by whom, with how many calls and tokens, and how long it took. */
public record SummaryStats(
        String provider,
        String model,
        String mode,
        int chunks,
        int llmCalls,
        int retries,
        long inputTokens,
        long outputTokens,
        Duration elapsed) {}
