package dev.mcpweb.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.document.Metadata.ProductFact;
import dev.mcpweb.document.Metadata.ProductFact.Kind;
import dev.mcpweb.extract.Extractor;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import dev.mcpweb.work.StopToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A product's facts from structured data answer questions its prose does not, with a citation. */
class ProductFactPassagesTest {
    /** The prose of a shop page that never states the price, as many shops render it in a script. */
    private static final String KETTLE = """
            # Brewmaster kettle

            The Brewmaster kettle boils a full litre in under three minutes and keeps it warm for an hour.

            ## Design

            A brushed steel body with a cool-touch handle, and a spout that pours without dripping.

            ## Care

            Descale the kettle every month with a spoon of citric acid and a litre of water.
            """;

    private static final List<ProductFact> FACTS = List.of(
            new ProductFact(Kind.NAME, "Brewmaster kettle 1.7 l"),
            new ProductFact(Kind.BRAND, "Acme"),
            new ProductFact(Kind.PRICE, "49.90 EUR"),
            new ProductFact(Kind.AVAILABILITY, "In stock"),
            new ProductFact(Kind.RATING, "4.6 out of 5 (1,204 ratings)"));

    private static Document shopPage(List<ProductFact> facts) {
        Metadata metadata = new Metadata(
                Optional.of("Brewmaster kettle"),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("en"),
                Optional.empty(),
                facts);
        return new Document(
                URI.create("https://shop.example/kettle"), metadata, KETTLE, KETTLE, List.of(), List.of(), List.of());
    }

    private static String summary(Document page, String query, int words) {
        return new ExtractiveSummarizer()
                .summarize(new SummaryRequest(List.of(page), Optional.of(query), words), SummaryListener.NONE)
                .markdown();
    }

    @Test
    void howMuchItCostsIsAnsweredFromThePriceWithACitation() {
        String answer = summary(shopPage(FACTS), "How much does the Brewmaster kettle cost?", 30);

        assertThat(answer)
                .contains("## " + FactPassages.HEADING)
                .contains("- Price: 49.90 EUR [1]")
                .doesNotContain("citric acid");
    }

    @Test
    void availabilityAndRatingAreFoundByTheWordsPeopleAskWith() {
        assertThat(summary(shopPage(FACTS), "Is the kettle in stock?", 20)).contains("Availability: In stock [1]");
        assertThat(summary(shopPage(FACTS), "How many stars do buyers give the kettle?", 20))
                .contains("Rating: 4.6 out of 5 (1,204 ratings) [1]");
    }

    @Test
    void aPageWithoutFactsIsNotToldItHasAPrice() {
        String answer = summary(shopPage(List.of()), "How much does the Brewmaster kettle cost?", 30);

        assertThat(answer).doesNotContain("Price:").doesNotContain(FactPassages.HEADING);
    }

    @Test
    void eachFactIsOnePassageUnderItsOwnSection() {
        Corpus corpus = new Corpus(List.of(shopPage(FACTS)), StopToken.none());

        List<Passage> facts = corpus.passages.stream()
                .filter(p -> p.block().kind() == Block.Kind.FACT)
                .toList();

        assertThat(facts)
                .extracting(Passage::text)
                .containsExactly(
                        "Name: Brewmaster kettle 1.7 l",
                        "Brand: Acme",
                        "Price: 49.90 EUR",
                        "Availability: In stock",
                        "Rating: 4.6 out of 5 (1,204 ratings)");
        assertThat(facts)
                .allSatisfy(p -> assertThat(p.block().section().heading()).contains(FactPassages.HEADING));
    }

    @Test
    void aShopPageWhosePriceIsOnlyInItsJsonLdIsAnsweredThroughTheExtractor() throws Exception {
        String html = """
                <html><head><title>Brewmaster kettle</title>
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "Product", "name": "Brewmaster kettle 1.7 l",
                 "offers": {"@type": "Offer", "price": "49.90", "priceCurrency": "EUR",
                            "availability": "https://schema.org/InStock"}}
                </script></head><body><article>
                <h1>Brewmaster kettle</h1>
                <p>The Brewmaster kettle boils a full litre in under three minutes and keeps it warm for an hour.</p>
                <h2>Design</h2>
                <p>A brushed steel body with a cool-touch handle, and a spout that pours without dripping.</p>
                <h2>Care</h2>
                <p>Descale the kettle every month with a spoon of citric acid and a litre of water.</p>
                </article></body></html>""";
        Document page = new Extractor(Config.defaults().extractor())
                .extract(FetchResult.ofBytes(
                        URI.create("https://shop.example/kettle"), "text/html", html.getBytes(StandardCharsets.UTF_8)));

        String answer = summary(page, "How much does the Brewmaster kettle cost?", 30);

        assertThat(answer).contains("- Price: 49.90 EUR [1]");
    }
}
