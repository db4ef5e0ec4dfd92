package dev.mcpweb.pipeline;

/**
 * A source that could not be read: {@code kind} is {@link FailureKind#REFUSED}, {@link
 * FailureKind#FAILED} or {@link FailureKind#UNREADABLE}, never {@link FailureKind#SUMMARY}.
 */
public record SourceFailure(String source, FailureKind kind, String message) {}
