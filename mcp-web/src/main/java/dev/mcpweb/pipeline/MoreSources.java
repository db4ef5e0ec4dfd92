package dev.mcpweb.pipeline;

import dev.mcpweb.document.Document;
import dev.mcpweb.summarize.SummaryListener;
import java.util.List;
import java.util.Optional;

/**
 * Sources found from those a user gave (links followed out of them), read after them and summarized
 * with them, cited after them in the order found. {@link #NONE} finds none.
 */
@FunctionalInterface
public interface MoreSources {
    MoreSources NONE = (given, query, listener) -> new Found(List.of(), List.of());

    /** The sources found from the documents {@code given} (read already), for {@code query} when there is one. */
    Found from(List<Document> given, Optional<String> query, SummaryListener listener) throws PipelineException;

    /** The documents found and read, and those found that could not be read. */
    record Found(List<Document> documents, List<SourceFailure> failures) {
        public Found {
            documents = List.copyOf(documents);
            failures = List.copyOf(failures);
        }
    }
}
