package dev.mcpweb.document;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** What a page says about itself; dates are ISO 8601 ({@code 2024-05-01} or with a time). */
public record Metadata(
        Optional<String> title,
        List<String> authors,
        Optional<String> published,
        Optional<String> modified,
        Optional<String> siteName,
        Optional<String> description,
        Optional<String> language,
        Optional<URI> canonicalUrl) {

    public Metadata {
        authors = List.copyOf(authors);
    }

    public static Metadata empty() {
        return new Metadata(
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
