package dev.mcpweb.work;

/**
 * Thrown at a {@link StopToken#check() check} when the work must end: its caller cancelled it, its
 * deadline passed, or it used up its CPU-time budget. The message says which and what to do.
 */
public final class Stopped extends RuntimeException {
    /** Why the work ended. */
    public enum Reason {
        CANCELLED,
        DEADLINE,
        CPU_BUDGET
    }

    private final Reason reason;

    Stopped(Reason reason, String message) {
        super(message, null, false, false); // thrown to unwind, not to debug: no stack trace to fill
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
