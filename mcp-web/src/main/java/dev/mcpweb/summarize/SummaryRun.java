package dev.mcpweb.summarize;

import java.util.List;

/**
 * The machinery one summary's steps share: its call pool, the counter its calls go through, the
 * listener, the meters, the warnings the user will see (safe to add to from any thread) and its
 * deadline in {@link System#nanoTime()} terms.
 */
record SummaryRun(
        CallPool pool,
        CallCounter calls,
        SummaryListener listener,
        SummaryMetrics metrics,
        List<String> warnings,
        long started,
        long deadline) {}
