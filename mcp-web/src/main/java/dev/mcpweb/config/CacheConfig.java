package dev.mcpweb.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the two-tier cache; {@code redisUrl} and {@code leaseTtl} (how long a replica that died while
 * computing an entry keeps the others waiting) are used by the {@link Backend#REDIS} backend only.
 */
public record CacheConfig(
        boolean enabled,
        Path dir,
        Duration ttl,
        Duration fetchTtl,
        Duration robotsTtl,
        long maxSize,
        long memorySize,
        Backend backend,
        String redisUrl,
        Duration leaseTtl) {
    /** The default of {@code cache.lease_ttl}. */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(10);

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

    /** A cache on {@code backend} with the default lease time. */
    public CacheConfig(
            boolean enabled,
            Path dir,
            Duration ttl,
            Duration fetchTtl,
            Duration robotsTtl,
            long maxSize,
            long memorySize,
            Backend backend,
            String redisUrl) {
        this(enabled, dir, ttl, fetchTtl, robotsTtl, maxSize, memorySize, backend, redisUrl, DEFAULT_LEASE_TTL);
    }
}
