package dev.mcpweb.summarize;

import dev.mcpweb.extract.Document;
import java.util.List;
import java.util.Optional;

/**
 * What to summarize: the documents, numbered from 1 in the order given (the citation numbers), an
 * optional query to focus on, and a length budget in words.
 */
public record SummaryRequest(List<Document> documents, Optional<String> query, int maxLengthWords) {
    public SummaryRequest {
        documents = List.copyOf(documents);
        query = query.map(String::strip).filter(q -> !q.isEmpty());
    }
}
