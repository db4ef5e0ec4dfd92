package dev.mcpweb.search;

import java.util.List;

/**
 * A web search engine behind one call: a query in, at most {@link SearchQuery#count()} results out, in
 * the provider's order. Implementations treat the provider's answer as hostile input (bounded in size
 * and time, checked in shape) and fail with a {@link SearchException} that says what to do.
 */
public interface SearchProvider extends AutoCloseable {
    /** {@code searxng}, {@code brave} or {@code tavily}. */
    String name();

    List<SearchHit> search(SearchQuery query) throws SearchException;

    /** Releases the provider's connections. */
    @Override
    void close();
}
