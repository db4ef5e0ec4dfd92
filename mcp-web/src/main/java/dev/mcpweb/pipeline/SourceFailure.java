package dev.mcpweb.pipeline;

/**
 * A source that could not be read: {@code kind} is {@code refused} (policy: guard, robots, roots,
 * type, size), {@code failed} (network, HTTP) or {@code unreadable} (extraction).
 */
public record SourceFailure(String source, String kind, String message) {}
