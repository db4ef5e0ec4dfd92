package dev.mcpweb.cache;

import dev.mcpweb.config.CacheConfig;
import java.time.Duration;
import java.util.List;

/**
 * One cache namespace and its lifetimes: an entry is served while it is younger than {@code freshFor}
 * and kept (for revalidation) while it is younger than {@code keptFor}.
 */
record Namespace(String name, Duration freshFor, Duration keptFor) {
    static List<Namespace> all(CacheConfig config) {
        Duration fetchKept = config.fetchTtl().compareTo(config.ttl()) > 0 ? config.fetchTtl() : config.ttl();
        return List.of(
                new Namespace(Cache.FETCH, config.fetchTtl(), fetchKept),
                new Namespace(Cache.EXTRACT, config.ttl(), config.ttl()),
                new Namespace(Cache.MAP, config.ttl(), config.ttl()),
                new Namespace(Cache.SUMMARY, config.ttl(), config.ttl()),
                new Namespace(Cache.ROBOTS, config.robotsTtl(), config.robotsTtl()));
    }

    boolean isFresh(long createdAtMillis, long nowMillis) {
        return nowMillis - createdAtMillis < millis(freshFor);
    }

    boolean isKept(long createdAtMillis, long nowMillis) {
        return nowMillis - createdAtMillis < millis(keptFor);
    }

    /** Entries created at or before this instant are past {@code keptFor}. */
    long keptCutoff(long nowMillis) {
        return nowMillis - millis(keptFor); // cannot overflow: now >= 0 and the ttl <= Long.MAX_VALUE
    }

    private static long millis(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
