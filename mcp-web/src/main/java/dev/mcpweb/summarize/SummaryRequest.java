package dev.mcpweb.summarize;

import dev.mcpweb.document.Document;
import dev.mcpweb.work.StopToken;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to summarize: the documents, numbered from 1 in the order given (the citation numbers), an
 * optional query to focus on, a length budget in words, the token CPU-bound summarizers check
 * between blocks of work, and the LLM calls the summary may make when fewer than
 * {@code summarizer.max_llm_calls}.
 */
public record SummaryRequest(
        List<Document> documents, Optional<String> query, int maxLengthWords, StopToken stop, OptionalInt maxLlmCalls) {
    public SummaryRequest {
        documents = List.copyOf(documents);
        query = query.map(String::strip).filter(q -> !q.isEmpty());
    }

    /** A request within the configured LLM-call budget. */
    public SummaryRequest(List<Document> documents, Optional<String> query, int maxLengthWords, StopToken stop) {
        this(documents, query, maxLengthWords, stop, OptionalInt.empty());
    }

    /** Characters of the documents' text: what work on them holds in memory (see {@code CpuRunner}). */
    public long textSize() {
        return documents.stream().mapToLong(d -> d.markdown().length()).sum();
    }

    /** A request that nothing stops but its summarizer's own deadline. */
    public SummaryRequest(List<Document> documents, Optional<String> query, int maxLengthWords) {
        this(documents, query, maxLengthWords, StopToken.none());
    }
}
