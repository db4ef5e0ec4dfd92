package dev.mcpweb.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Measures how a transformation's time grows with its input, robustly enough for a shared, loaded
 * machine: this thread's CPU time (waiting for a core is most of the wall time under load; user time
 * alone would be cleaner, but the JVM reads it in 10 ms ticks), the least of several interleaved runs
 * per size (what differs between runs of the same work, such as another
 * process evicting the caches or the collector's safepoints, only ever adds), both sizes warmed up,
 * a small input grown until one run takes at least {@value #MIN_RUN_MILLIS} ms, and a large one
 * {@value #DOUBLINGS} doublings above it. Over three doublings linear work takes about 8x, a quadratic
 * 64x; the bound is {@value #MAX_PER_DOUBLING}x per doubling (15.6x), so noise in one run no longer
 * decides, and the verdict is judged against plain linear work measured on the same inputs in the
 * same run (memory and caches grow with the input too). A transformation is judged non-linear only when
 * a second measurement says so too: a quadratic grows 64x every time, a burst of load once (CI saw
 * 18.1x once for work that measures 7.5-8.3x). {@code -Dmcpweb.linearTime.verbose=true} prints every
 * measurement on stderr.
 */
final class LinearTime {
    static final int DOUBLINGS = 3;
    static final double MAX_PER_DOUBLING = 2.5;
    private static final int RUNS = 5;
    private static final long MIN_RUN_MILLIS = 20;
    private static final int MAX_GROWTH = 64;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LinearTime() {}

    /** What one check measured; {@link #excess()} is the growth left after the baseline's. */
    record Measurement(String unit, int smallLength, long smallNanos, long largeNanos, double baseline) {
        double growth() {
            return (double) largeNanos / smallNanos;
        }

        /** The growth over {@value #DOUBLINGS} doublings, less what plain linear work grew beyond 8x. */
        double excess() {
            return growth() * (1 << DOUBLINGS) / Math.max(1 << DOUBLINGS, baseline);
        }

        boolean linear() {
            return excess() <= Math.pow(MAX_PER_DOUBLING, DOUBLINGS);
        }

        @Override
        public String toString() {
            return String.format(
                    "CPU time(%dx) / time(n) for %s repeated to n = %,d characters: %.1fx (least of %d runs:"
                            + " %.1f ms -> %.1f ms; plain linear work %.1fx), allowed %.1fx",
                    1 << DOUBLINGS,
                    escape(unit),
                    smallLength,
                    growth(),
                    RUNS,
                    smallNanos / 1e6,
                    largeNanos / 1e6,
                    baseline,
                    Math.pow(MAX_PER_DOUBLING, DOUBLINGS));
        }
    }

    /** Fails with the figures when the transformation of {@code unit} repeated grows faster than linearly. */
    static void assertLinear(String unit, int startLength, Consumer<String> transformation) {
        Measurement first = measure(unit, startLength, transformation);
        if (first.linear()) {
            return;
        }
        Measurement second = measure(unit, startLength, transformation);
        if (!second.linear()) {
            throw new AssertionError("not linear, twice: " + first + "; then " + second);
        }
    }

    static Measurement measure(String unit, int startLength, Consumer<String> transformation) {
        int repeats = Math.max(1, startLength / unit.length());
        String small = unit.repeat(repeats);
        // Grow until one warmed-up run is long enough to measure; the runs double as the JIT's warm-up.
        for (int growth = 1;
                growth < MAX_GROWTH && leastOf(2, small, transformation) < MIN_RUN_MILLIS * 1_000_000;
                growth *= 2) {
            repeats *= 2;
            small = unit.repeat(repeats);
        }
        String large = unit.repeat(repeats << DOUBLINGS);
        transformation.accept(large); // warm-up, and a heap grown to hold the large input
        long[][] times = interleaved(small, large, transformation);
        // As many passes as it takes the baseline to run long enough on the small input, the same on both.
        int passes = Math.max(1, 2_000_000 / small.length());
        long[][] baseline = interleaved(small, large, s -> linearWork(s, passes));
        Measurement measurement = new Measurement(
                unit,
                small.length(),
                least(times[0]),
                least(times[1]),
                (double) least(baseline[1]) / least(baseline[0]));
        if (Boolean.getBoolean("mcpweb.linearTime.verbose")) {
            System.err.println(measurement);
        }
        return measurement;
    }

    /** Runs of both sizes in turn, so that a change in the machine's load falls on both. */
    private static long[][] interleaved(String small, String large, Consumer<String> transformation) {
        long[][] times = new long[2][RUNS];
        for (int r = 0; r < RUNS; r++) {
            times[0][r] = cpuTime(small, transformation);
            times[1][r] = cpuTime(large, transformation);
        }
        return times;
    }

    private static long leastOf(int runs, String input, Consumer<String> transformation) {
        long least = Long.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            least = Math.min(least, cpuTime(input, transformation));
        }
        return least;
    }

    private static long cpuTime(String input, Consumer<String> transformation) {
        long start = THREADS.getCurrentThreadCpuTime();
        transformation.accept(input);
        return Math.max(1, THREADS.getCurrentThreadCpuTime() - start);
    }

    private static long least(long[] times) {
        return Arrays.stream(times).min().orElseThrow();
    }

    /** Linear work of about the same kind as the transformations: passes over the text building a copy. */
    private static void linearWork(String s, int passes) {
        for (int pass = 0; pass < passes; pass++) {
            StringBuilder copy = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                copy.append(Character.isWhitespace(c) ? ' ' : Character.toLowerCase(c));
            }
            if (copy.toString().split(" ").length < 0) {
                throw new AssertionError(); // keeps the work from being optimised away
            }
        }
    }

    private static String escape(String s) {
        return s.replace("\n", "\\n").replace("\t", "\\t").replace("\u2028", "\\u2028");
    }
}
