package dev.mcpweb.config;

import java.time.Duration;

/**
 * Settings of site maps and crawls: the default and hard caps on pages, the depth, time and byte
 * budgets, concurrency, how many read pages a summary is made from, and the bounds of a site map.
 */
public record CrawlConfig(
        int maxPages,
        int maxPagesCap,
        int maxDepth,
        Duration maxTime,
        long maxBytes,
        int maxConcurrent,
        int maxSources,
        int mapMaxUrls,
        int mapMaxSitemaps,
        int mapMaxPages,
        int mapDepth) {}
