package dev.mcpweb.pipeline;

import dev.mcpweb.cache.CacheStats;
import dev.mcpweb.config.Config;
import dev.mcpweb.extract.Document;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.summarize.SummaryListener;
import java.util.Optional;

/**
 * The one place that knows the order of the stages: fetch, extract, chunk, summarize, with the cache
 * around them. Built once from a {@link Config} (the composition root) and shared; the CLI and the MCP
 * server are thin adapters over it. Work is cancelled by interrupting the calling thread.
 *
 * <p>API first: the bodies are written by the pipeline issue (#5).
 */
public final class Pipeline implements AutoCloseable {
    private final Config config;

    private Pipeline(Config config) {
        this.config = config;
    }

    public static Pipeline create(Config config) {
        return new Pipeline(config);
    }

    public Config config() {
        return config;
    }

    /** Fetches and extracts one source; progress stages {@code fetch} and {@code extract}. */
    public Document read(String source, SummaryListener listener) throws PipelineException {
        throw new UnsupportedOperationException("pipeline not assembled yet");
    }

    /**
     * Summarizes the sources that can be read; the others are listed in the result. {@code clientModel}
     * is the MCP client's model (sampling), used when the configuration asks for it or names no LLM.
     */
    public PipelineResult summarize(
            SummarizeRequest request, SummaryListener listener, Optional<LlmProvider> clientModel)
            throws PipelineException {
        throw new UnsupportedOperationException("pipeline not assembled yet");
    }

    public CacheStats cacheStats() {
        throw new UnsupportedOperationException("pipeline not assembled yet");
    }

    /** Removes every entry, or those of one namespace; returns how many went. */
    public long clearCache(Optional<String> namespace) {
        throw new UnsupportedOperationException("pipeline not assembled yet");
    }

    /** Removes expired entries and trims to the size bound; returns how many went. */
    public long pruneCache(Optional<String> namespace) {
        throw new UnsupportedOperationException("pipeline not assembled yet");
    }

    @Override
    public void close() {}
}
