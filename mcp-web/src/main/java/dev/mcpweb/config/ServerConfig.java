package dev.mcpweb.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the MCP server: its HTTP transport, its limits, and the threads for CPU-bound work. */
public record ServerConfig(
        String host,
        int port,
        Optional<Secret> authToken,
        List<String> allowedOrigins,
        int rateLimit,
        List<String> trustedProxies,
        int maxConcurrentTools,
        int cpuThreads,
        int cpuQueue,
        Duration headerTimeout) {}
