package dev.mcpweb.config;

/** Settings of the chunk stage; a chunk size of 0 lets the model's token budget decide. */
public record ChunkerConfig(String strategy, int chunkSize, int chunkOverlap) {}
