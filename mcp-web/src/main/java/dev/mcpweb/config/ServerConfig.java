package dev.mcpweb.config;

import java.util.List;
import java.util.Optional;

/** Settings of the MCP server's HTTP transport. */
public record ServerConfig(
        String host,
        int port,
        Optional<Secret> authToken,
        List<String> allowedOrigins,
        int rateLimit,
        int maxConcurrentTools) {}
