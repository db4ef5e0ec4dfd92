package dev.mcpweb.summarize;

/** Hears a summary being made: Markdown as it streams, and progress per stage. Both optional. */
public interface SummaryListener {
    SummaryListener NONE = new SummaryListener() {};

    /** A piece of the final Markdown, in order. */
    default void onDelta(String markdown) {}

    /** {@code done} of {@code total} units of {@code stage} (e.g. "map") are finished. */
    default void onProgress(String stage, int done, int total) {}
}
