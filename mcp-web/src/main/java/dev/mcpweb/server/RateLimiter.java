package dev.mcpweb.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per client: {@code perMinute} requests a minute, bursts up to the same number.
 * Clients are forgotten after two idle minutes, and at most 10,000 are tracked, so memory stays
 * bounded whoever connects.
 */
final class RateLimiter {
    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(2))
            .build();

    /** {@code perMinute} 0 means unlimited. */
    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Empty when {@code client} may go on; otherwise the seconds to wait before trying again. */
    OptionalLong take(String client) {
        if (perMinute <= 0) {
            return OptionalLong.empty();
        }
        return buckets.get(client, k -> new Bucket(perMinute)).take(System.nanoTime());
    }

    private static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long updated;

        Bucket(int perMinute) {
            this.capacity = perMinute;
            this.perNano = perMinute / 60e9;
            this.tokens = perMinute;
            this.updated = System.nanoTime();
        }

        synchronized OptionalLong take(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of((long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
