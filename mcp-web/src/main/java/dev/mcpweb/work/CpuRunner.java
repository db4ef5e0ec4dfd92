package dev.mcpweb.work;

/**
 * Where CPU-bound work runs: a {@link CpuPool}, or the calling thread ({@link #CALLER}) where no pool
 * is wanted (a one-shot command, a test). Either way the work checks its {@link StopToken}.
 */
public interface CpuRunner {
    /** Runs the work on the calling thread. */
    CpuRunner CALLER = new CpuRunner() {
        @Override
        public <T, E extends Exception> T run(StopToken token, long size, CpuPool.Task<T, E> task) throws E {
            token.check();
            return task.run();
        }
    };

    /**
     * Runs {@code task}, whose input is {@code size} bytes or characters, and waits for it.
     *
     * @throws CpuPool.Busy when the work cannot be taken now
     * @throws InterruptedException when the waiting thread was interrupted (the work was cancelled)
     */
    <T, E extends Exception> T run(StopToken token, long size, CpuPool.Task<T, E> task)
            throws E, CpuPool.Busy, InterruptedException;
}
