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
import org.jsoup.nodes.Element;

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

    /**
     * The facts of the page's JSON-LD product, else of {@code microdataProduct}, its first microdata item of
     * a product type ({@link #isProductItem}), or none where it has none (null).
     */
    static List<ProductFact> of(JsonLd jsonLd, Element microdataProduct) {
        List<ProductFact> declared = of(jsonLd);
        return declared.isEmpty() && microdataProduct != null ? ofMicrodata(microdataProduct) : declared;
    }

    /**
     * Whether an element with an {@code itemscope} and this {@code itemtype} is a microdata item of a product
     * type ({@code itemtype} schema.org/Product and kin).
     */
    static boolean isProductItem(String itemtype) {
        return PRODUCT_TYPES.contains(typeName(itemtype));
    }

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

    /**
     * The facts of microdata item {@code product}: its {@code itemprop}s name, brand, offers (price,
     * priceCurrency, lowPrice, highPrice, availability) and aggregateRating, each read as the microdata model
     * says (a meta's content, a link's href, a time's datetime, else the text).
     */
    static List<ProductFact> ofMicrodata(Element product) {
        List<ProductFact> facts = new ArrayList<>();
        add(facts, Kind.NAME, property(product, "name").map(ProductFacts::itemValue));
        add(
                facts,
                Kind.BRAND,
                property(product, "brand")
                        .map(b -> b.hasAttr("itemscope")
                                ? property(b, "name")
                                        .map(ProductFacts::itemValue)
                                        .orElse("")
                                : itemValue(b)));
        property(product, "offers").filter(o -> o.hasAttr("itemscope")).ifPresent(offer -> {
            add(
                    facts,
                    Kind.PRICE,
                    price(
                            value(offer, "price"),
                            value(offer, "priceCurrency"),
                            value(offer, "lowPrice"),
                            value(offer, "highPrice")));
            add(facts, Kind.AVAILABILITY, value(offer, "availability").map(ProductFacts::availability));
        });
        property(product, "aggregateRating")
                .filter(r -> r.hasAttr("itemscope"))
                .ifPresent(r -> add(
                        facts,
                        Kind.RATING,
                        rating(
                                value(r, "ratingValue"),
                                value(r, "bestRating"),
                                value(r, "ratingCount").or(() -> value(r, "reviewCount")))));
        return facts;
    }

    /** "https://schema.org/Product" → "product"; the first of several types. */
    private static String typeName(String itemtype) {
        String first = itemtype.strip().split("\\s+")[0];
        return first.substring(first.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** The first element of {@code scope}'s own item (not of an item nested in it) with property {@code name}. */
    private static Optional<Element> property(Element scope, String name) {
        for (Element e : scope.getElementsByAttribute("itemprop")) {
            if (e != scope && ownerScope(e) == scope && hasToken(e.attr("itemprop"), name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> value(Element scope, String name) {
        return property(scope, name)
                .map(ProductFacts::itemValue)
                .map(String::strip)
                .filter(v -> !v.isEmpty());
    }

    private static Element ownerScope(Element e) {
        Element p = e.parent();
        while (p != null && !p.hasAttr("itemscope")) {
            p = p.parent();
        }
        return p;
    }

    private static boolean hasToken(String list, String name) {
        for (String token : list.strip().split("\\s+")) {
            if (token.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A property's value as microdata defines it, with the {@code content} attribute shops put on any element. */
    private static String itemValue(Element e) {
        if (e.hasAttr("content")) {
            return e.attr("content");
        }
        return switch (e.normalName()) {
            case "a", "link", "area" -> e.attr("href");
            case "img", "source", "audio", "video", "embed", "iframe" -> e.attr("src");
            case "time" -> e.hasAttr("datetime") ? e.attr("datetime") : e.text();
            case "data", "meter" -> e.attr("value");
            default -> e.text();
        };
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
        return price(price, currency, JsonLd.text(offer.get("lowPrice")), JsonLd.text(offer.get("highPrice")));
    }

    private static Optional<String> price(
            Optional<String> price, Optional<String> currency, Optional<String> lowPrice, Optional<String> highPrice) {
        String unit = currency.map(c -> " " + c).orElse("");
        Optional<String> amount = price.filter(ProductFacts::isAmount);
        if (amount.isPresent()) {
            return Optional.of(amount.get() + unit);
        }
        Optional<String> low = lowPrice.filter(ProductFacts::isAmount);
        Optional<String> high = highPrice.filter(ProductFacts::isAmount);
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
        return rating(
                JsonLd.text(rating.get("ratingValue")),
                JsonLd.text(rating.get("bestRating")),
                JsonLd.text(rating.get("ratingCount")).or(() -> JsonLd.text(rating.get("reviewCount"))));
    }

    private static Optional<String> rating(
            Optional<String> ratingValue, Optional<String> bestRating, Optional<String> count) {
        Optional<String> value = ratingValue.filter(ProductFacts::isAmount);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String best = bestRating.filter(ProductFacts::isAmount).orElse("5");
        String ratings = count.flatMap(ProductFacts::count)
                .map(c -> " (" + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(c)
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
