package dev.mcpweb.pipeline;

import java.util.Locale;

/**
 * Why a source or a whole request could not be served. {@link #SUMMARY} is a request that failed past
 * reading its sources (no source given, the summarizer failed); {@link #BUSY} and {@link #CANCELLED}
 * are about the call, not its sources. The CLI's exit codes and the tools' error hints derive
 * from it.
 */
public enum FailureKind {
    /** The source is neither a URL nor a path: a usage error. */
    INVALID,
    /** Policy: the URL guard, robots.txt, file roots, content type or size. */
    REFUSED,
    /** Network or HTTP: the source could not be fetched. */
    FAILED,
    /** Fetched, but its content could not be extracted. */
    UNREADABLE,
    /** The sources were read but no summary could be made. */
    SUMMARY,
    /** The server's CPU threads and queue are full: a passing overload, worth a retry. */
    BUSY,
    /** The caller cancelled the call. */
    CANCELLED;

    /** The name users read in messages and JSON: {@code refused}, {@code failed}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
