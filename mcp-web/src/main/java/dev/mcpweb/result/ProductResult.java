package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpweb.document.Metadata.ProductFact;
import dev.mcpweb.document.Metadata.ProductFact.Kind;
import java.util.List;
import java.util.Optional;

/**
 * The product a page sells, from its structured data (schema.org Product in JSON-LD), each fact as a
 * reader would say it; a fact the page does not give is absent.
 */
public record ProductResult(
        Optional<String> name,
        Optional<String> brand,

        @JsonPropertyDescription("Amount and currency as the page states them: \"129.99 USD\", \"from 99 to 149 EUR\".")
        Optional<String> price,

        @JsonPropertyDescription("\"In stock\", \"Out of stock\", \"Pre order\", …")
        Optional<String> availability,

        @JsonPropertyDescription("\"4.6 out of 5 (1,204 ratings)\".")
        Optional<String> rating) {

    /** The product of {@code facts}, or nothing when the page declares none. */
    static Optional<ProductResult> of(List<ProductFact> facts) {
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProductResult(
                fact(facts, Kind.NAME),
                fact(facts, Kind.BRAND),
                fact(facts, Kind.PRICE),
                fact(facts, Kind.AVAILABILITY),
                fact(facts, Kind.RATING)));
    }

    private static Optional<String> fact(List<ProductFact> facts, Kind kind) {
        return facts.stream()
                .filter(f -> f.kind() == kind)
                .map(ProductFact::value)
                .findFirst();
    }
}
