package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpweb.document.Metadata;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** What a page says about itself; a field the page does not give is absent. */
public record MetadataResult(
        List<String> authors,

        @JsonPropertyDescription("ISO 8601 date, or date and time.")
        Optional<String> published,

        @JsonPropertyDescription("ISO 8601 date, or date and time.")
        Optional<String> modified,

        Optional<String> siteName,
        Optional<String> description,
        @JsonPropertyDescription("BCP 47 language tag.") Optional<String> language,
        Optional<String> canonicalUrl,

        @JsonPropertyDescription("The product the page sells, from its structured data; absent on other pages.")
        Optional<ProductResult> product) {

    public MetadataResult {
        authors = List.copyOf(authors);
    }

    static MetadataResult of(Metadata m) {
        return new MetadataResult(
                m.authors(),
                m.published(),
                m.modified(),
                m.siteName(),
                m.description(),
                m.language(),
                m.canonicalUrl().map(URI::toString),
                ProductResult.of(m.productFacts()));
    }
}
