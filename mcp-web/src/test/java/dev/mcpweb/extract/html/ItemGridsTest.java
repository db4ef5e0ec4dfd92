package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ItemGridsTest {
    private final MainContentExtractor extractor = new MainContentExtractor();

    private static final String[] LAMPS = {
        "Ridgeline Storm 500 Rechargeable Headlamp",
        "Ridgeline Spot 400 Waterproof Headlamp",
        "Ridgeline Astro 300 Compact Headlamp",
        "Ridgeline Cosmo 350 Dimmable Headlamp",
        "Ridgeline Sprint 225 Running Headlamp",
        "Ridgeline Onsight 375 Climbing Headlamp",
        "Ridgeline Moji Rechargeable Lantern",
        "Ridgeline Apollo Collapsible Lantern"
    };

    /**
     * Product tiles as shops render them: a title link and a price, each in its own box, so that every
     * piece on its own reads as a fragment.
     */
    private static String tiles() {
        StringBuilder tiles = new StringBuilder();
        for (int i = 0; i < LAMPS.length; i++) {
            tiles.append("""
                    <div class="tile post-%d"><div class="tile-image"><a href="/p/%d"><img src="/i/%d.jpg" alt=""></a></div>
                    <div class="tile-title"><h3><a href="/p/%d">%s</a></h3></div>
                    <div class="tile-price">$%d.95</div></div>
                    """.formatted(i, i, i, i, LAMPS[i], 20 + 10 * i));
        }
        return tiles.toString();
    }

    @Test
    void aShopGridOfShortTitledTilesIsKeptWholeOverASmallPromotion() {
        String html = """
                <html><body>
                <div class="offer"><p>Members save ten percent on every order placed before the end of the month,
                and orders over fifty dollars ship free.</p></div>
                <div class="catalog"><h1>Headlamps</h1><div class="grid">%s</div></div>
                </body></html>
                """.formatted(tiles());

        String text = extractor
                .extract(Jsoup.parse(html, "https://shop.example/"), false)
                .text();

        assertThat(text).contains("Headlamps");
        for (String lamp : LAMPS) {
            assertThat(text).contains(lamp);
        }
        assertThat(text).contains("$90.95");
    }

    @Test
    void relatedTeasersUnderAnArticleAreNotItsContent() {
        StringBuilder article = new StringBuilder("<article><h1>Choosing a headlamp for winter hiking</h1>");
        for (int i = 0; i < 8; i++) {
            article.append("<p>Cold drains batteries quickly, so pick a lamp that takes lithium cells and keep spares"
                    + " in an inside pocket where your body keeps them warm through the long evenings.</p>");
        }
        String html = "<html><body>" + article + "</article><div class=\"more\">" + tiles() + "</div></body></html>";

        Element body = Jsoup.parse(html, "https://blog.example/").body();

        assertThat(ItemGrids.find(body)).isEmpty();
        assertThat(extractor
                        .extract(Jsoup.parse(html, "https://blog.example/"), false)
                        .text())
                .contains("lithium cells")
                .doesNotContain("Storm 500 Headlamp");
    }

    @Test
    void aMenuOfBareLabelsIsNotAGrid() {
        StringBuilder menu = new StringBuilder("<ul>");
        for (String label : new String[] {"Headlamps", "Lanterns", "Flashlights", "Batteries", "Sale"}) {
            menu.append("<li class=\"entry\"><a href=\"/c\">").append(label).append("</a></li>");
        }
        Element body =
                Jsoup.parse("<html><body>" + menu + "</ul></body></html>").body();

        assertThat(ItemGrids.find(body)).isEmpty();
    }

    @Test
    void columnsOfManyLinksAreNotItems() {
        StringBuilder columns = new StringBuilder();
        for (int c = 0; c < 4; c++) {
            columns.append("<div class=\"col\"><h4>Section ").append(c).append("</h4>");
            for (int l = 0; l < 6; l++) {
                columns.append("<a href=\"/l\">Link ").append(l).append("</a> ");
            }
            columns.append("</div>");
        }
        Element body = Jsoup.parse("<html><body>" + columns + "</body></html>").body();

        assertThat(ItemGrids.find(body)).isEmpty();
    }
}
