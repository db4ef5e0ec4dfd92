package dev.mcpweb.config;

import java.nio.file.Path;
import java.time.Duration;

/** Settings of the two-tier cache; {@code redisUrl} is used by the {@link Backend#REDIS} backend only. */
public record CacheConfig(
        boolean enabled,
        Path dir,
        Duration ttl,
        Duration fetchTtl,
        Duration robotsTtl,
        long maxSize,
        long memorySize,
        Backend backend,
        String redisUrl) {

    /** Where entries live behind the memory tier. */
    public enum Backend {
        /** One SQLite file: one machine, the default. */
        SQLITE,
        /** A Redis server shared by every replica. */
        REDIS
    }

    /** A SQLite-backed cache in {@code dir}. */
    public CacheConfig(
            boolean enabled,
            Path dir,
            Duration ttl,
            Duration fetchTtl,
            Duration robotsTtl,
            long maxSize,
            long memorySize) {
        this(enabled, dir, ttl, fetchTtl, robotsTtl, maxSize, memorySize, Backend.SQLITE, "");
    }
}
