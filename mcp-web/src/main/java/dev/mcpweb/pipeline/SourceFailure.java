package dev.mcpweb.pipeline;

/**
 * A source that could not be read: {@code kind} is {@link FailureKind#INVALID} (neither a URL nor a
 * path), {@link FailureKind#REFUSED} (policy: guard, robots, roots, type, size), {@link
 * FailureKind#FAILED} (network, HTTP) or {@link FailureKind#UNREADABLE} (extraction).
 */
public record SourceFailure(String source, FailureKind kind, String message) {}
