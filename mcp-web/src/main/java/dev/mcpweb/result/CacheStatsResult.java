package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpweb.cache.CacheStats;
import dev.mcpweb.cache.Namespace;
import dev.mcpweb.cache.NamespaceStats;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The cache's figures per namespace: the {@code get_cache_stats} tool and {@code mcp-web cache stats --json}. */
public record CacheStatsResult(
        @JsonPropertyDescription("False when cache.enabled=false: nothing is cached.")
        boolean enabled,

        @JsonPropertyDescription("Figures by namespace name.")
        Map<String, Figures> namespaces) {

    public CacheStatsResult {
        namespaces = Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
    }

    public static CacheStatsResult of(CacheStats stats) {
        Map<String, Figures> namespaces = new LinkedHashMap<>(); // in the order data flows through them
        Namespace.wireNames().stream()
                .filter(stats.namespaces()::containsKey)
                .forEach(name ->
                        namespaces.put(name, Figures.of(stats.namespaces().get(name))));
        return new CacheStatsResult(stats.enabled(), namespaces);
    }

    /** One namespace: entries and their size, and lookups since the cache was opened. */
    public record Figures(
            long entries,
            long bytes,
            long hits,
            long misses,
            long evictions,

            @JsonPropertyDescription("hits / (hits + misses), 0 when there was no lookup.")
            double hitRate) {
        static Figures of(NamespaceStats s) {
            return new Figures(s.entries(), s.bytes(), s.hits(), s.misses(), s.evictions(), s.hitRate());
        }
    }
}
