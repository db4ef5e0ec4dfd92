package dev.mcpweb.document;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What a page says about itself; dates are ISO 8601 ({@code 2024-05-01} or with a time). {@code
 * productFacts} are what its structured data says about the product it sells, if any.
 */
public record Metadata(
        Optional<String> title,
        List<String> authors,
        Optional<String> published,
        Optional<String> modified,
        Optional<String> siteName,
        Optional<String> description,
        Optional<String> language,
        Optional<URI> canonicalUrl,
        List<ProductFact> productFacts) {

    public Metadata {
        authors = List.copyOf(authors);
        productFacts = List.copyOf(productFacts);
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
                Optional.empty(),
                List.of());
    }

    /**
     * One fact about a page's product from its structured data (JSON-LD {@code Product} and its {@code
     * Offer} and {@code AggregateRating}), as a reader would say it: "129.99 USD", "In stock", "4.6 out
     * of 5 (1,204 ratings)".
     */
    public record ProductFact(Kind kind, String value) {
        public enum Kind {
            NAME("Name"),
            BRAND("Brand"),
            PRICE("Price"),
            AVAILABILITY("Availability"),
            RATING("Rating");

            private final String label;

            Kind(String label) {
                this.label = label;
            }

            /** The English label a summary quotes the fact under ("Price"). */
            public String label() {
                return label;
            }
        }
    }
}
