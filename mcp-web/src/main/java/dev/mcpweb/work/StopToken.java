package dev.mcpweb.work;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Optional;

/**
 * Tells CPU-bound work when to stop. Work calls {@link #check()} between blocks (elements of a page,
 * sentences of a summary); it throws {@link Stopped} once the token was {@link #cancel() cancelled},
 * its deadline passed, or — for a token made by {@link #withCpuBudget} — the thread that started it has
 * used more CPU time than the budget. A check costs a volatile read and a clock read; the thread's CPU
 * time is read at most every millisecond of wall time. Cancelling a token cancels the tokens made from it.
 */
public final class StopToken {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long CPU_READ_INTERVAL = Duration.ofMillis(1).toNanos();

    private static final long NO_DEADLINE = Long.MAX_VALUE;

    // Fields that may be null rather than Optionals: check() runs at every node of a page's walks, and C1,
    // which runs the cold CLI, calls an Optional's ifPresent and its lambda there rather than inline them.
    /** The token this one was made from, whose cancel stops it too; null for none. */
    private final StopToken parent;

    private final long deadline;
    private final Duration deadlineLength;
    private final String deadlineOption;
    /** The CPU-time budget of a token made by {@link #withCpuBudget}; null for none. */
    private final CpuBudget cpu;

    private volatile boolean cancelled;

    private StopToken(StopToken parent, long deadline, Duration deadlineLength, String deadlineOption, CpuBudget cpu) {
        this.parent = parent;
        this.deadline = deadline;
        this.deadlineLength = deadlineLength;
        this.deadlineOption = deadlineOption;
        this.cpu = cpu;
    }

    /** A token that stops only when cancelled. */
    public static StopToken none() {
        return new StopToken(null, NO_DEADLINE, Duration.ZERO, "", null);
    }

    /** A token whose deadline is {@code length} from now; {@code option} names the setting, for the message. */
    public static StopToken within(Duration length, String option) {
        long now = System.nanoTime();
        long deadline = now + Math.min(length.toNanos(), Long.MAX_VALUE / 2);
        return new StopToken(null, deadline, length, option, null);
    }

    /**
     * A token under this one that also stops once the current thread has used {@code max} of CPU time
     * from now ({@code what} and {@code option} name the work and the setting, for the message). Make it
     * on the thread that does the work: CPU time is counted per thread.
     */
    public StopToken withCpuBudget(Duration max, String what, String option) {
        CpuBudget budget = THREADS.isCurrentThreadCpuTimeSupported()
                ? new CpuBudget(Thread.currentThread(), max, what, option)
                : null;
        return new StopToken(this, deadline, deadlineLength, deadlineOption, budget);
    }

    /**
     * A token with this one's deadline but not its cancellation, for work that several callers share
     * (single-flight): such work stops when the last caller leaves (its thread is interrupted, and
     * {@link CpuPool#run} cancels the token it was given), not when the first one does.
     */
    public StopToken detached() {
        return new StopToken(null, deadline, deadlineLength, deadlineOption, null);
    }

    /** Asks the work to stop at its next check. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled || (parent != null && parent.isCancelled());
    }

    /**
     * Returns when the work may go on; throws {@link Stopped} when it must end. On a {@link CpuPool}
     * thread it is also where the work gives its core to a task that has waited (and waits its turn).
     */
    public void check() {
        if (Thread.currentThread() instanceof CpuThread task) {
            task.yieldPoint();
        }
        if (isCancelled()) {
            throw cancelledNow();
        }
        if (deadline == NO_DEADLINE && cpu == null) {
            return;
        }
        long now = System.nanoTime(); // one clock read for the deadline and the budget
        if (deadline != NO_DEADLINE && deadline - now <= 0) {
            throw pastDeadline();
        }
        if (cpu != null) {
            cpu.check(now);
        }
    }

    /** Why the work must end now, cancelled or out of time; empty while it may go on. */
    Optional<Stopped> stopped() {
        if (isCancelled()) {
            return Optional.of(cancelledNow());
        }
        if (nanosLeft() <= 0) {
            return Optional.of(pastDeadline());
        }
        return Optional.empty();
    }

    private static Stopped cancelledNow() {
        return new Stopped(Stopped.Reason.CANCELLED, "cancelled");
    }

    private Stopped pastDeadline() {
        return new Stopped(
                Stopped.Reason.DEADLINE,
                "not finished within the deadline of " + deadlineLength.toSeconds() + " s (" + deadlineOption + ")");
    }

    /** Nanoseconds to the deadline; {@link Long#MAX_VALUE} when there is none. */
    long nanosLeft() {
        return deadline == NO_DEADLINE ? Long.MAX_VALUE : deadline - System.nanoTime();
    }

    /** CPU time of one thread, from when the budget was made. */
    private static final class CpuBudget {
        private final Thread owner;
        private final Duration max;
        private final String what;
        private final String option;
        private final long start = THREADS.getCurrentThreadCpuTime();
        private long lastRead = System.nanoTime();

        CpuBudget(Thread owner, Duration max, String what, String option) {
            this.owner = owner;
            this.max = max;
            this.what = what;
            this.option = option;
        }

        /** {@code now} is {@link System#nanoTime()}, read by the caller. */
        void check(long now) {
            if (Thread.currentThread() != owner) {
                return; // another thread's clock says nothing about this work
            }
            if (now - lastRead < CPU_READ_INTERVAL) {
                return;
            }
            lastRead = now;
            if (THREADS.getCurrentThreadCpuTime() - start > max.toNanos()) {
                throw new Stopped(
                        Stopped.Reason.CPU_BUDGET,
                        what + " used more than its CPU-time budget of " + seconds(max) + " (" + option
                                + "): the input is too large or too complex; raise " + option + " to allow it");
            }
        }

        private static String seconds(Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
        }
    }
}
