package dev.mcpweb.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Settings of the fetch stage; see docs/configuration.md for each. */
public record FetcherConfig(
        String userAgent,
        Duration timeout,
        Duration connectTimeout,
        Duration readTimeout,
        long maxBodySize,
        long maxDecompressedSize,
        int maxRedirects,
        int maxConcurrent,
        int maxPerHost,
        int maxRetries,
        Duration retryMaxWait,
        List<String> allowedHosts,
        boolean respectRobots,
        List<Path> allowedRoots,
        boolean allowSensitiveFiles,
        List<String> resolve) {}
