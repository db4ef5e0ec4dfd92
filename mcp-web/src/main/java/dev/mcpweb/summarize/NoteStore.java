package dev.mcpweb.summarize;

import java.util.Optional;

/**
 * Where map outputs are kept between summaries, keyed by everything that made them (prompt version,
 * model, chunk text, section, query, output budget), so a page that changed in one section costs one
 * map call, not all of them. The pipeline backs it with the cache's {@code map} namespace.
 */
public interface NoteStore {
    NoteStore NONE = new NoteStore() {
        @Override
        public Optional<String> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, String notes) {}
    };

    Optional<String> get(String key);

    void put(String key, String notes);
}
