package dev.mcpweb.config;

/** Settings of the extract stage. */
public record ExtractorConfig(boolean includeComments) {}
