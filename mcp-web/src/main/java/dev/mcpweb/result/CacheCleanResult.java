package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What {@code clear_cache} or {@code prune_cache} removed. */
public record CacheCleanResult(
        long removed,

        @JsonPropertyDescription("The namespace cleaned, or all.")
        String namespace) {}
