package dev.mcpweb.summarize.extractive;

import dev.mcpweb.document.Metadata.ProductFact;
import dev.mcpweb.document.Metadata.ProductFact.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts a source's structured data gives about its product ({@link ProductFact}), as passages of
 * their own ("Price: 129.99 USD") under a heading that says where they come from, cited like the
 * source's text. A question rarely names a fact's label ("how much does it cost" asks for the price),
 * so each fact is also matched by the words people ask about it with.
 */
final class FactPassages {
    static final String HEADING = "Product facts (from the page's structured data)";
    private static final Map<Kind, String> ASKED_WITH = new EnumMap<>(Map.of(
            Kind.NAME, "name called product model produkt nom produit nombre producto",
            Kind.BRAND, "brand make maker manufacturer marke hersteller marque fabricant marca",
            Kind.PRICE,
                    "price cost costs pay expensive cheap preis kosten kostet teuer prix coût coûte cher precio cuesta"
                            + " caro preço custa cena kosztuje",
            Kind.AVAILABILITY,
                    "available availability stock order ship verfügbar lieferbar lager disponible disponibilité stock"
                            + " disponibilidad dostępny",
            Kind.RATING,
                    "rating rated ratings stars reviews score bewertung sterne note avis étoiles valoración estrellas"
                            + " ocena"));

    private FactPassages() {}

    /** Appends the facts of source number {@code source} as one section of one-passage blocks. */
    static void append(
            List<ProductFact> facts, int source, List<Section> sections, List<Block> blocks, List<Passage> passages) {
        if (facts.isEmpty()) {
            return;
        }
        Section section = new Section(sections.size(), source, 1, Optional.of(HEADING), Optional.empty());
        sections.add(section);
        for (ProductFact fact : facts) {
            Block block = new Block(blocks.size(), source, section, Block.Kind.FACT, -1, "", 0);
            blocks.add(block);
            String text = fact.kind().label() + ": " + fact.value();
            passages.add(new Passage(passages.size(), block, 0, text, MarkdownPassages.wordCount(text), false));
        }
    }

    /** The text a fact's passage is matched by: the fact and the words its label is asked about with. */
    static String matchedText(Passage p) {
        for (Kind kind : Kind.values()) {
            if (p.text().startsWith(kind.label() + ": ")) {
                return p.text() + " " + ASKED_WITH.get(kind);
            }
        }
        return p.text();
    }
}
