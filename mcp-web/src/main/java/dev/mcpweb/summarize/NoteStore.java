package dev.mcpweb.summarize;

import dev.mcpweb.llm.LlmException;

/**
 * Where map outputs are kept between summaries, keyed by everything that made them (prompt version,
 * model, chunk text, section, query, output budget), so a page that changed in one section costs one
 * map call, not all of them. The pipeline backs it with the cache's {@code map} namespace.
 */
public interface NoteStore {
    NoteStore NONE = (key, take) -> take.take();

    /**
     * The notes kept under {@code key}, or else those {@code take} returns, kept when they are not blank.
     * Callers asking for one key at the same time may share one {@code take} and its outcome.
     */
    String notes(String key, Take take) throws LlmException, InterruptedException;

    /** Takes notes on one chunk (a map call). */
    @FunctionalInterface
    interface Take {
        String take() throws LlmException;
    }
}
