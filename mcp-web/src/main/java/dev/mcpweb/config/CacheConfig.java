package dev.mcpweb.config;

import java.nio.file.Path;
import java.time.Duration;

/** Settings of the two-tier cache. */
public record CacheConfig(
        boolean enabled,
        Path dir,
        Duration ttl,
        Duration fetchTtl,
        Duration robotsTtl,
        long maxSize,
        long memorySize) {}
