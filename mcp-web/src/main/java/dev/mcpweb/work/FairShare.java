package dev.mcpweb.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Shares the cores among CPU tasks, least served first. A task runs while it holds one of the slots (as
 * many as the cores); at a {@link StopToken#check() check}, once it has held its slot for a slice, it
 * hands the slot to a waiting task that has been served less, and waits for a slot again. A new task has
 * been served nothing, so it waits about a slice behind long tasks however many there are (a FIFO queue
 * made it wait for all of them), and long tasks take turns. Each task has its own thread, started when
 * it first gets a slot, so that a task that waits keeps its place in its work and its CPU time.
 *
 * <p>A task holds its input in memory from when it starts until it ends, so a task that would take the
 * input of the tasks in progress beyond {@code maxInProgress} does not start until others end (a task
 * always starts when none is in progress): interleaving many huge pages must not multiply their memory.
 *
 * <p>A task that has held a slot for longer than {@code longNanos} in all (no ordinary page takes that
 * long) is long, and long tasks hold at most all slots but one: the last core is left to the tasks of
 * ordinary calls, the virtual threads that serve them and the collector, so that hostile pages slow
 * themselves down rather than everyone else (on one core they still take turns with the rest). A long
 * task's thread runs at the lowest priority ({@link Thread#MIN_PRIORITY}; the launcher maps it to nice 19
 * on Linux), so whatever else needs a core gets it first.
 *
 * <p>Checks are cooperative, and work inside a library (a parser deep in a hostile page) may not reach
 * one for a long time. A watchdog therefore applies the same rule every slice to each task that has held
 * its slot a slice without a check: the slot goes to the task waiting, which starts at once, while the
 * other runs on without a slot until its next check and waits there for its turn.
 */
final class FairShare {
    private final int slots;
    private final int capacity;
    private final long sliceNanos;
    private final long maxInProgress;
    private final long longNanos;
    /** Slots long tasks may hold at once: all but one, so a new task never waits for a long one's slice. */
    private final int maxLong;

    private final ReentrantLock lock = new ReentrantLock();
    private final List<CpuThread> waiting = new ArrayList<>(); // small: at most the capacity
    private final List<CpuThread> admitted = new ArrayList<>();
    private volatile int waitingCount; // read without the lock at every check
    private int running;
    private int inProgressTasks;
    private long inProgressSize;
    private long arrivals;
    /** Takes slots from tasks that do not reach a check in time; running while tasks are in. */
    private Thread watchdog;

    FairShare(int slots, int capacity, long sliceNanos, long maxInProgress, long longNanos) {
        this.slots = slots;
        this.capacity = capacity;
        this.sliceNanos = sliceNanos;
        this.maxInProgress = maxInProgress;
        this.longNanos = longNanos;
        this.maxLong = Math.max(1, slots - 1);
    }

    /** Queues {@code work} (input of {@code size}); empty when {@code capacity} tasks are in already. */
    java.util.Optional<CpuThread> enter(StopToken token, long size, Runnable work) {
        lock.lock();
        try {
            if (admitted.size() >= capacity) {
                return java.util.Optional.empty();
            }
            CpuThread task = new CpuThread(this, token, size, arrivals++, work);
            admitted.add(task);
            if (watchdog == null) {
                watchdog = Thread.ofPlatform()
                        .daemon()
                        .name("mcp-web-cpu-watchdog")
                        .start(this::watch);
            }
            waiting.add(task);
            waitingCount = waiting.size();
            dispatch();
            return java.util.Optional.of(task);
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code task} out if it has not started; false when it has (it then ends at its next check). */
    boolean withdraw(CpuThread task) {
        lock.lock();
        try {
            if (task.started) {
                return false;
            }
            waiting.remove(task);
            waitingCount = waiting.size();
            admitted.remove(task);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called on {@code task}'s thread at every check: hands its slot on once its slice is used and someone
     * waits, or waits for a slot when the watchdog has taken its own.
     */
    void yieldPoint(CpuThread task) {
        if (task.holding) {
            long now = System.nanoTime();
            if (now - task.sliceStart < sliceNanos) {
                return;
            }
            if (waitingCount == 0 && task.served + (now - task.sliceStart) < longNanos) {
                return; // nobody waits, and it cannot be a long task over the long tasks' slots
            }
            lock.lock();
            try {
                if (task.holding && !handOn(task, now)) {
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
        awaitSlot(task);
    }

    /**
     * Counts the slice {@code task} has used and gives its slot to a waiting task served less (or frees it
     * when long tasks hold more than their slots); true when it did. A task that has become long runs at the
     * lowest thread priority from then on. Under the lock.
     */
    private boolean handOn(CpuThread task, long now) {
        task.served += now - task.sliceStart;
        task.sliceStart = now;
        if (isLong(task) && !task.demoted) {
            task.demoted = true;
            task.setPriority(Thread.MIN_PRIORITY);
        }
        boolean overLongSlots = isLong(task) && longHolding() > maxLong;
        CpuThread next = next(task);
        if (!overLongSlots && (next == null || !next.before(task))) {
            return false;
        }
        task.holding = false;
        running--;
        waiting.add(task);
        waitingCount = waiting.size();
        dispatch();
        return true;
    }

    /**
     * While tasks are in, applies {@link #handOn} every slice to each task that has held its slot for a
     * slice without reaching a check (a parser deep in a hostile page checks rarely): its slot goes to the
     * task that waits, and it runs on without one, at the lowest priority once long, until its next check,
     * where it waits its turn. Ends when the last task leaves.
     */
    private void watch() {
        while (true) {
            LockSupport.parkNanos(this, sliceNanos);
            lock.lock();
            try {
                if (admitted.isEmpty()) {
                    watchdog = null;
                    return;
                }
                long now = System.nanoTime();
                for (CpuThread task : List.copyOf(admitted)) {
                    if (task.holding && now - task.sliceStart >= sliceNanos) {
                        handOn(task, now);
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Parks {@code task}'s thread until it holds a slot; throws {@link Stopped} when its token stops it first. */
    private void awaitSlot(CpuThread task) {
        while (!task.holding) {
            if (task.token.stopped().isPresent()) {
                lock.lock();
                try {
                    if (!task.holding) {
                        waiting.remove(task);
                        waitingCount = waiting.size();
                        throw task.token.stopped().get();
                    }
                } finally {
                    lock.unlock();
                }
            }
            LockSupport.parkNanos(this, task.token.nanosLeft());
        }
    }

    /** Called on {@code task}'s thread when its work has ended: frees its slot and its input's share. */
    void exit(CpuThread task) {
        lock.lock();
        try {
            if (task.holding) {
                task.holding = false;
                running--;
            } else {
                waiting.remove(task); // the watchdog took its slot after its last check
                waitingCount = waiting.size();
            }
            inProgressTasks--;
            inProgressSize -= task.size;
            admitted.remove(task);
            dispatch();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes {@code task} if it waits for a slot, so that it sees its token cancelled. */
    void wake(CpuThread task) {
        LockSupport.unpark(task);
    }

    /** Every task in, to be cancelled when the pool closes. */
    List<CpuThread> admitted() {
        lock.lock();
        try {
            return List.copyOf(admitted);
        } finally {
            lock.unlock();
        }
    }

    /** Slots, slots held, tasks waiting for one. */
    CpuPool.Load load(int queueCapacity) {
        lock.lock();
        try {
            return new CpuPool.Load(slots, running, waiting.size(), queueCapacity);
        } finally {
            lock.unlock();
        }
    }

    /** Gives free slots to the waiting tasks served least, starting the threads of those new. Under the lock. */
    private void dispatch() {
        while (running < slots) {
            CpuThread next = next();
            if (next == null) {
                return;
            }
            waiting.remove(next);
            waitingCount = waiting.size();
            running++;
            next.sliceStart = System.nanoTime();
            next.holding = true;
            if (next.started) {
                LockSupport.unpark(next);
            } else {
                next.started = true;
                inProgressTasks++;
                inProgressSize += next.size;
                next.start();
            }
        }
    }

    /**
     * The waiting task to run next: least served, then first come; null when none may run (a long task
     * may not while long tasks hold {@code maxLong} slots). Under the lock.
     */
    private CpuThread next() {
        return next(null);
    }

    /** As {@link #next()}, as if {@code yielding} (when not null) gave up its slot first. */
    private CpuThread next(CpuThread yielding) {
        int yieldingLong = yielding != null && isLong(yielding) ? 1 : 0;
        boolean longSlotFree = longHolding() - yieldingLong < maxLong;
        CpuThread best = null;
        for (CpuThread t : waiting) {
            boolean fits = t.started || inProgressTasks == 0 || inProgressSize + t.size <= maxInProgress;
            if (fits && (longSlotFree || !isLong(t)) && (best == null || t.before(best))) {
                best = t;
            }
        }
        return best;
    }

    /** A task that has held a slot for longer than any ordinary page takes (a hostile or huge one). */
    private boolean isLong(CpuThread task) {
        long holdingFor = task.holding ? System.nanoTime() - task.sliceStart : 0;
        return task.served + holdingFor >= longNanos;
    }

    /** Long tasks holding a slot. Under the lock. */
    private int longHolding() {
        int n = 0;
        for (CpuThread t : admitted) {
            if (t.holding && isLong(t)) {
                n++;
            }
        }
        return n;
    }
}
