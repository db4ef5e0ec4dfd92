package dev.mcpweb.cache;

import dev.mcpweb.config.CacheConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long the entries of one namespace live: served while younger than {@code freshFor}, kept (for
 * revalidation) while younger than {@code keptFor}.
 */
record Lifetime(Duration freshFor, Duration keptFor) {
    /** Each namespace's lifetime under {@code config}. */
    static Map<Namespace, Lifetime> of(CacheConfig config) {
        Duration fetchKept = config.fetchTtl().compareTo(config.ttl()) > 0 ? config.fetchTtl() : config.ttl();
        Map<Namespace, Lifetime> lifetimes = new EnumMap<>(Namespace.class);
        lifetimes.put(Namespace.FETCH, new Lifetime(config.fetchTtl(), fetchKept));
        lifetimes.put(Namespace.EXTRACT, new Lifetime(config.ttl(), config.ttl()));
        lifetimes.put(Namespace.MAP, new Lifetime(config.ttl(), config.ttl()));
        lifetimes.put(Namespace.SUMMARY, new Lifetime(config.ttl(), config.ttl()));
        lifetimes.put(Namespace.ROBOTS, new Lifetime(config.robotsTtl(), config.robotsTtl()));
        return lifetimes;
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
