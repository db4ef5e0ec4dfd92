package dev.mcpweb.cache;

import java.util.Map;

/** Figures of every namespace ({@code fetch}, {@code extract}, {@code map}, {@code summary}, {@code robots}). */
public record CacheStats(boolean enabled, Map<String, NamespaceStats> namespaces) {
    public CacheStats {
        namespaces = Map.copyOf(namespaces);
    }
}
