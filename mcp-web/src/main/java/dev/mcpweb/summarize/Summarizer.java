package dev.mcpweb.summarize;

/**
 * Writes a cited Markdown summary of one or more documents. Two implementations: map-reduce over an
 * LLM, and the embedded extractive summarizer used when no LLM is configured.
 */
public interface Summarizer {
    Summary summarize(SummaryRequest request, SummaryListener listener) throws SummaryException;
}
