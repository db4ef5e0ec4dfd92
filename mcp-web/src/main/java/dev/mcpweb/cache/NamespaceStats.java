package dev.mcpweb.cache;

/** Figures of one cache namespace; hits and misses count since the cache was created. */
public record NamespaceStats(long entries, long bytes, long hits, long misses, long evictions) {
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0.0 : (double) hits / lookups;
    }
}
