package dev.mcpweb.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpweb.limit.Limits;
import dev.mcpweb.limit.TokenBucket;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per client: {@code perMinute} requests a minute, bursts up to the same number, the
 * buckets from {@link Limits} (in Redis, shared by the replicas, when the cache is there). Clients are
 * forgotten after two idle minutes, and at most 10,000 are tracked, so memory stays bounded whoever
 * connects.
 */
final class RateLimiter {
    private final int perMinute;
    private final Limits limits;
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(2))
            .build();

    /** {@code perMinute} 0 means unlimited. */
    RateLimiter(int perMinute, Limits limits) {
        this.perMinute = perMinute;
        this.limits = limits;
    }

    /** Empty when {@code client} may go on; otherwise the seconds to wait before trying again. */
    OptionalLong take(String client) {
        if (perMinute <= 0) {
            return OptionalLong.empty();
        }
        Duration wait = buckets.get(client, k -> limits.perMinute("client:" + client, perMinute))
                .tryTake(1);
        // Retry-After is in whole seconds: round up, so a client that obeys it is let in
        return wait.isZero() ? OptionalLong.empty() : OptionalLong.of((wait.toNanos() + 999_999_999) / 1_000_000_000);
    }
}
