package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ProductPageTest {
    private static final String PRODUCT_JSON_LD = """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
            "name":"Harbor kettle","sku":"HK-2","offers":{"@type":"Offer","price":"64.00","priceCurrency":"USD"}}
            </script>""";

    private final MainContentExtractor extractor = new MainContentExtractor();

    private MainContent extract(String head, String body) {
        String html = "<html><head><title>Harbor kettle</title>" + head + "</head><body>" + body + "</body></html>";
        return extractor.extract(Jsoup.parse(html, "https://shop.example/kettle"), false);
    }

    private static final String DESCRIPTION = """
            <h1>Harbor kettle</h1>
            <p>A stovetop kettle of brushed steel that boils a litre of water in four minutes on gas or induction.</p>
            <ul><li>Capacity: 1.2 litres</li><li>Handle: walnut, stays cool</li><li>Weight: 900 g</li></ul>""";

    private static final String REVIEWS = """
            <div class="product-reviews">
              <div class="review"><h4>Lovely kettle</h4><p>I have used this kettle every morning for a year and
              it still looks new. The whistle is loud enough to hear from the garden, which I like a lot.</p></div>
              <div class="review"><h4>Handle gets warm</h4><p>Boils quickly but the handle gets warm on my old gas
              hob when the flame is high. Otherwise a good kettle that pours without dripping.</p></div>
              <div class="review"><h4>Great gift</h4><p>Bought it for my sister who loves tea; she says it is the
              best kettle she has owned and she has owned many kettles over the years, believe me.</p></div>
            </div>""";

    @Test
    void shoppersReviewsAreLeftOutOfAProductPageEvenWhenTheyOutweighTheDescription() {
        MainContent content = extract(PRODUCT_JSON_LD, "<main>" + DESCRIPTION + REVIEWS + "</main>");

        assertThat(content.text())
                .contains("boils a litre of water")
                .contains("Capacity: 1.2 litres")
                .doesNotContain("every morning for a year")
                .doesNotContain("Great gift");
    }

    @Test
    void theSameReviewsStayOnAPageThatDeclaresNoProduct() {
        MainContent content = extract("", "<main>" + DESCRIPTION + REVIEWS + "</main>");

        assertThat(content.text()).contains("every morning for a year");
    }

    @Test
    void aSectionHeadedCustomerReviewsIsLeftOutWhateverItsMarkup() {
        MainContent content = extract("<meta property=\"og:type\" content=\"product\">", """
                <main>%s
                <section><h2>Customer reviews</h2>
                <p>Four stars. The lid rattles a little when the water boils hard, but it is a fine kettle all
                the same and it looks great on our stove, so we are keeping it and buying another.</p></section>
                </main>""".formatted(DESCRIPTION));

        assertThat(content.text()).contains("boils a litre of water").doesNotContain("The lid rattles");
    }

    @Test
    void otherProductsOfferedAlongsideInPricedTilesAreLeftOut() {
        MainContent content = extract(PRODUCT_JSON_LD, """
                <main>%s
                <ul class="carousel">
                  <li><a href="/mug"><img src="mug.jpg" alt="">Enamel mug, blue</a><span>$12.00</span></li>
                  <li><a href="/tea">Breakfast tea, 250 g tin</a><span>$9.50</span></li>
                  <li><a href="/cosy">Wool tea cosy</a><span>$24.00</span></li>
                  <li><a href="/trivet">Cork trivet</a><span>$7.00</span></li>
                </ul></main>""".formatted(DESCRIPTION));

        assertThat(content.text())
                .contains("Handle: walnut")
                .doesNotContain("Enamel mug")
                .doesNotContain("$9.50");
    }

    @Test
    void theProductInTheMainLandmarkWinsOverALongPolicyDialogInTheFooter() {
        String policy = "<p>We process personal information to run our business, to meet our legal duties and to"
                + " protect our customers; this paragraph explains which data we keep and for how long.</p>";
        MainContent content = extract(
                PRODUCT_JSON_LD,
                "<main>" + DESCRIPTION + "</main><footer><div class=\"dialog\">" + policy.repeat(12)
                        + "</div></footer>");

        assertThat(content.text()).contains("boils a litre of water").doesNotContain("personal information");
    }

    @Test
    void aDescriptionFoldedIntoACollapsedAccordionIsKeptOnAProductPage() {
        String page = """
                <main>%s
                <div class="accordion"><button>Care and cleaning</button>
                <div class="accordion-collapse" style="display:none"><p>Rinse with warm water after use and dry
                the spout upside down; descale twice a year with a spoon of citric acid.</p></div></div>
                <div class="promo-banner" style="display:none"><p>Sign up today and save ten percent on your
                first order of kettles, mugs and tea from our shop.</p></div>
                </main>""".formatted(DESCRIPTION);

        assertThat(extract(PRODUCT_JSON_LD, page).text())
                .contains("descale twice a year")
                .doesNotContain("save ten percent");
        assertThat(extract("", page).text()).doesNotContain("descale twice a year");
    }

    @Test
    void aProductPageShellThatOnlyLinksElsewhereYieldsNoContent() {
        MainContent content = extract("<meta property=\"og:type\" content=\"product\">", """
                <div id="root"><h1>Shop</h1></div>
                <div><h3>Help</h3><a href="/help">Help centre</a>, <a href="/returns">Returns and refunds</a>,
                <a href="/report">Report a listing</a>, <a href="/recalls">Product recalls</a></div>
                <div><h3>Sites</h3><a href="/de">Deutsch</a>, <a href="/fr">Français</a>, <a href="/es">Español</a>,
                <a href="/it">Italiano</a>, <a href="/pl">Polski</a>, <a href="/nl">Nederlands</a></div>""");

        assertThat(content.text()).isEmpty();
    }
}
