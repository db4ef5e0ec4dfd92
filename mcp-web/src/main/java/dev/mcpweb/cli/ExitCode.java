package dev.mcpweb.cli;

import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.pipeline.FailureKind;
import dev.mcpweb.search.SearchException;
import java.util.List;

/** Process exit codes, the same for every command and for the same outcome whichever command met it. */
public final class ExitCode {
    public static final int OK = 0;
    /** A bad command line or configuration value, or a source that is neither a URL nor a path. */
    public static final int USAGE = 2;
    /** Refused by policy: the URL guard, robots.txt, file roots, sensitive files, content type or size. */
    public static final int REFUSED = 3;
    /** Failed: network, timeout, HTTP error, or a stage that could not finish. */
    public static final int FAILED = 4;

    private ExitCode() {}

    /** The exit code of a request the pipeline could not serve. */
    static int of(FailureKind kind) {
        return switch (kind) {
            case INVALID -> USAGE;
            case REFUSED -> REFUSED;
            case FAILED, UNREADABLE, SUMMARY, BUSY, CANCELLED -> FAILED;
        };
    }

    /** The exit code of a search that could not be made: the user's to fix (2) or the provider's (4). */
    static int of(SearchException.Kind kind) {
        return switch (kind) {
            case INVALID, NOT_CONFIGURED -> USAGE;
            case REFUSED, FAILED -> FAILED;
        };
    }

    static int of(FetchOutcome outcome) {
        return switch (outcome) {
            case FetchOutcome.Fetched f -> OK;
            case FetchOutcome.Refused r -> r.malformedSource() ? USAGE : REFUSED;
            case FetchOutcome.Failed f -> FAILED;
        };
    }

    /** Several sources' codes as one: OK when all are, the shared code when every problem has the same, else FAILED. */
    static int combined(List<Integer> codes) {
        List<Integer> problems = codes.stream().filter(c -> c != OK).distinct().toList();
        return problems.isEmpty() ? OK : problems.size() == 1 ? problems.getFirst() : FAILED;
    }
}
