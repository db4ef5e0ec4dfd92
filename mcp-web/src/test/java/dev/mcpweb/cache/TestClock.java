package dev.mcpweb.cache;

import dev.mcpweb.config.CacheConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand, and the cache settings they start from. */
final class TestClock implements InstantSource {
    private final AtomicLong millis =
            new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    void advance(Duration d) {
        millis.addAndGet(d.toMillis());
    }

    static CacheConfig config(Path dir) {
        return new CacheConfig(
                true, dir, Duration.ofDays(7), Duration.ofHours(1), Duration.ofHours(24), 1L << 30, 64L << 20);
    }

    static CacheConfig config(Path dir, long maxSize, long memorySize) {
        return new CacheConfig(
                true, dir, Duration.ofDays(7), Duration.ofHours(1), Duration.ofHours(24), maxSize, memorySize);
    }

    static CacheConfig redisConfig(String url, long maxSize, long memorySize) {
        return new CacheConfig(
                true,
                Path.of("unused"),
                Duration.ofDays(7),
                Duration.ofHours(1),
                Duration.ofHours(24),
                maxSize,
                memorySize,
                CacheConfig.Backend.REDIS,
                url);
    }
}
