package dev.mcpweb.search;

import java.util.Optional;

/** What to ask a provider: the query, how many results at most (1–20), and an optional language code. */
public record SearchQuery(String text, int count, Optional<String> language) {
    public SearchQuery {
        if (text.isBlank()) {
            throw new IllegalArgumentException("the search query is empty; give the words to search for");
        }
        if (count < 1 || count > 20) {
            throw new IllegalArgumentException("a search returns 1 to 20 results, not " + count);
        }
    }
}
