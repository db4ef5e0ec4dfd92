package dev.mcpweb.cli;

/** Process exit codes, the same for every command. */
public final class ExitCode {
    public static final int OK = 0;
    /** A bad command line or configuration value. */
    public static final int USAGE = 2;
    /** Refused by policy: the URL guard, robots.txt, file roots, content type or size. */
    public static final int REFUSED = 3;
    /** Failed: network, timeout, HTTP error, or a stage that could not finish. */
    public static final int FAILED = 4;

    private ExitCode() {}
}
