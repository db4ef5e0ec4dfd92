package dev.mcpweb.tools;

import java.util.Arrays;

/** Figures the benchmarks report over their runs. */
final class Stats {
    private Stats() {}

    /** The median of {@code values}, which are left as they are; the mean of the middle two for an even count. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
