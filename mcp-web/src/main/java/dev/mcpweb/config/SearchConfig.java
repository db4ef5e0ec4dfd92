package dev.mcpweb.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of web search: the provider as configured ({@code auto}, {@code searxng}, {@code brave} or
 * {@code tavily}), where each provider is and its key, how many results a search returns by default,
 * and the deadline of one request to the provider.
 */
public record SearchConfig(
        String provider,
        String searxngUrl,
        Optional<Secret> braveApiKey,
        String braveUrl,
        Optional<Secret> tavilyApiKey,
        String tavilyUrl,
        int maxResults,
        Duration timeout) {}
