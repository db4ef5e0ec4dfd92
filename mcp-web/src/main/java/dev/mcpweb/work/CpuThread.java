package dev.mcpweb.work;

/**
 * The platform thread of one CPU task and its place in the {@link FairShare}: how long it has been
 * served, and whether it holds a slot. Its work's {@link StopToken#check() checks} are its yield points.
 */
final class CpuThread extends Thread {
    final StopToken token;
    final long size;
    private final FairShare share;
    private final long arrival;
    private final Runnable work;
    /** Set once, under the share's lock, when it first gets a slot. */
    boolean started;
    /** Nanoseconds it has held a slot, counted at its yield points; under the share's lock. */
    long served;
    /** When its current slot was given, or its slice last counted. */
    long sliceStart;
    /** Set once, under the share's lock, when it became long and was given the lowest priority. */
    boolean demoted;

    volatile boolean holding;

    CpuThread(FairShare share, StopToken token, long size, long arrival, Runnable work) {
        super("mcp-web-cpu-" + arrival);
        setDaemon(true);
        this.share = share;
        this.token = token;
        this.size = size;
        this.arrival = arrival;
        this.work = work;
    }

    /** Served less, or as much and come earlier. */
    boolean before(CpuThread other) {
        return served != other.served ? served < other.served : arrival < other.arrival;
    }

    void yieldPoint() {
        share.yieldPoint(this);
    }

    @Override
    public void run() {
        try {
            work.run();
        } finally {
            share.exit(this);
        }
    }
}
