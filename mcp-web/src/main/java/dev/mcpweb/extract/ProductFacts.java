package dev.mcpweb.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpweb.document.Metadata.ProductFact;
import dev.mcpweb.document.Metadata.ProductFact.Kind;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The facts a page's JSON-LD gives about the product it sells: its name, brand, price (of its first
 * offer, or the range of an aggregate offer), availability and rating. Values are said as a reader
 * would say them ("129.99 USD", "In stock", "4.6 out of 5 (1,204 ratings)"); what is missing or
 * malformed is left out.
 */
final class ProductFacts {
    private static final Set<String> PRODUCT_TYPES =
            Set.of("product", "productgroup", "productmodel", "individualproduct");
    private static final int MAX_VALUE_CHARS = 300;
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*+");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");

    private ProductFacts() {}

    static List<ProductFact> of(JsonLd jsonLd) {
        Optional<JsonNode> product = jsonLd.firstOfType(PRODUCT_TYPES);
        if (product.isEmpty()) {
            return List.of();
        }
        JsonNode p = product.get();
        List<ProductFact> facts = new ArrayList<>();
        add(facts, Kind.NAME, JsonLd.text(p.get("name")));
        add(facts, Kind.BRAND, jsonLd.names(p.get("brand")).stream().findFirst());
        JsonNode offer = first(jsonLd.resolve(p.get("offers")));
        if (offer != null) {
            offer = jsonLd.resolve(offer);
            add(facts, Kind.PRICE, price(offer, jsonLd));
            add(facts, Kind.AVAILABILITY, JsonLd.text(offer.get("availability")).map(ProductFacts::availability));
        }
        JsonNode rating = jsonLd.resolve(p.get("aggregateRating"));
        if (rating != null && rating.isObject()) {
            add(facts, Kind.RATING, rating(rating));
        }
        return facts;
    }

    private static void add(List<ProductFact> facts, Kind kind, Optional<String> value) {
        value.map(v -> v.replaceAll("\\s+", " ").strip())
                .filter(v -> !v.isEmpty() && v.length() <= MAX_VALUE_CHARS)
                .ifPresent(v -> facts.add(new ProductFact(kind, v)));
    }

    private static JsonNode first(JsonNode node) {
        if (node != null && node.isArray()) {
            return node.isEmpty() ? null : node.get(0);
        }
        return node != null && node.isObject() ? node : null;
    }

    /** "129.99 USD", or "from 99 to 149 EUR" for an aggregate offer; a price of its price specification too. */
    private static Optional<String> price(JsonNode offer, JsonLd jsonLd) {
        Optional<String> currency = JsonLd.text(offer.get("priceCurrency"));
        Optional<String> price = JsonLd.text(offer.get("price")).filter(ProductFacts::isAmount);
        if (price.isEmpty()) {
            JsonNode spec = first(jsonLd.resolve(offer.get("priceSpecification")));
            if (spec != null) {
                price = JsonLd.text(spec.get("price")).filter(ProductFacts::isAmount);
                currency = currency.or(() -> JsonLd.text(spec.get("priceCurrency")));
            }
        }
        String unit = currency.map(c -> " " + c).orElse("");
        if (price.isPresent()) {
            return Optional.of(price.get() + unit);
        }
        Optional<String> low = JsonLd.text(offer.get("lowPrice")).filter(ProductFacts::isAmount);
        Optional<String> high = JsonLd.text(offer.get("highPrice")).filter(ProductFacts::isAmount);
        if (low.isPresent() && high.isPresent() && !low.equals(high)) {
            return Optional.of("from " + low.get() + " to " + high.get() + unit);
        }
        return low.or(() -> high).map(v -> v + unit);
    }

    private static boolean isAmount(String s) {
        return NUMBER.matcher(s).matches();
    }

    /** "https://schema.org/InStock" → "In stock". */
    private static String availability(String value) {
        String name = value.substring(value.lastIndexOf('/') + 1);
        String words = CAMEL.matcher(name).replaceAll(" ").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "4.6 out of 5 (1,204 ratings)". */
    private static Optional<String> rating(JsonNode rating) {
        Optional<String> value = JsonLd.text(rating.get("ratingValue")).filter(ProductFacts::isAmount);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String best = JsonLd.text(rating.get("bestRating"))
                .filter(ProductFacts::isAmount)
                .orElse("5");
        Optional<BigDecimal> count = JsonLd.text(rating.get("ratingCount"))
                .or(() -> JsonLd.text(rating.get("reviewCount")))
                .flatMap(ProductFacts::count);
        String ratings = count.map(c ->
                        " (" + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(c)
                                + (c.compareTo(BigDecimal.ONE) == 0 ? " rating)" : " ratings)"))
                .orElse("");
        return Optional.of(value.get() + " out of " + best + ratings);
    }

    private static Optional<BigDecimal> count(String s) {
        try {
            return Optional.of(new BigDecimal(s.strip().replace(",", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
