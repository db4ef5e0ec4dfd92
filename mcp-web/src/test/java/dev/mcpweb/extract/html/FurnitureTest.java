package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class FurnitureTest {
    private static String extract(String article) {
        return new MainContentExtractor()
                .extract(
                        Jsoup.parse(
                                "<html><body><article>" + article + "</article></body></html>",
                                "https://example.org/blog/post"),
                        false)
                .text();
    }

    private static final String PROSE = """
            <p>Sourdough needs three things: flour, water and time. The starter does the rest, if it is fed
            every day and kept somewhere warm enough for the yeast to stay active.</p>
            <p>Bake the loaf in a preheated pot, lid on for twenty minutes, so the steam lets it rise fully
            before the crust sets.</p>""";

    @Test
    void callsToActionSkipLinksAndAdLabelsStandingAloneAreRemoved() {
        String text = extract("""
                <a href="#main">Skip to content</a>
                <h1>Baking your first sourdough</h1>
                <div class="x1">Advertisement</div>
                %s
                <p><a class="btn" href="/signup">Start your free trial →</a></p>
                <ul><li><a href="/contact">Contact us</a></li></ul>
                <p>Share this article:</p>
                <div><a href="/blog">← Back to blog</a></div>
                """.formatted(PROSE));

        assertThat(text).contains("Baking your first sourdough", "flour, water and time", "crust sets");
        assertThat(text).doesNotContain("Skip to", "Advertisement", "free trial", "Contact", "Share", "Back to");
    }

    @Test
    void disclosuresNewsletterPromptsBylinesCreditsAndCopyrightLinesAreRemoved() {
        String text = extract("""
                <h1>The best bread knives</h1>
                <p><em>We may earn a commission when you buy through links on this page.</em></p>
                <p>Written by Jane Baker | 6 min read</p>
                <figure><img src="knife.jpg" alt=""><figcaption>Photo: Kitchen Lab</figcaption></figure>
                %s
                <div><h3>Sign up for our weekly baking newsletter</h3></div>
                <p>Never miss a recipe by signing up to our newsletter today!</p>
                <p>© 2025 Example Media. All rights reserved.</p>
                """.formatted(PROSE));

        assertThat(text).contains("The best bread knives", "flour, water and time");
        assertThat(text)
                .doesNotContain(
                        "commission", "Jane Baker", "Kitchen Lab", "newsletter", "Never miss", "rights reserved");
    }

    @Test
    void theSameLinesInOtherLanguagesAreRemoved() {
        String text = extract("""
                <h1>Sauerteig für Anfänger</h1>
                <p>Anzeige</p>
                %s
                <figure><img src="brot.jpg" alt=""><figcaption>Foto: Backstube Nord</figcaption></figure>
                <p><a href="/mehr">Weiterlesen</a></p>
                <div>Schlagworte</div>
                <p><a href="/">Zurück zur Übersicht</a></p>
                <p><a href="#top">Nach oben</a></p>
                <p>Reklama</p>
                <p>Dieser Artikel kann Links zu Anbietern enthalten, von denen wir eine Provision erhalten.</p>
                <p><a href="/x">Lire la suite »</a></p>
                """.formatted(PROSE));

        assertThat(text).contains("Sauerteig für Anfänger", "flour, water and time");
        assertThat(text)
                .doesNotContain(
                        "Anzeige",
                        "Backstube",
                        "Weiterlesen",
                        "Schlagworte",
                        "Zurück",
                        "Nach oben",
                        "Reklama",
                        "Provision",
                        "suite");
    }

    @Test
    void sentencesThatOnlyMentionTheSamePhrasesStay() {
        String text = extract("""
                <h1>Opening a bakery</h1>
                %s
                <p>Contact us before nine if you need a large order for the next morning.</p>
                <p><strong>Learn more:</strong> <a href="/guide">How to keep a starter alive on holiday</a></p>
                <p>Share the dough between two tins and <a href="/subscribe">subscribe</a> to the weekly list
                of bakes.</p>
                <p>By Monday the levain will smell sour and be ready to use.</p>
                <p>Home is where the bread is.</p>
                """.formatted(PROSE));

        assertThat(text)
                .contains("Contact us before nine", "Learn more:", "How to keep a starter alive")
                .contains("Share the dough between two tins and subscribe to the weekly list")
                .contains("By Monday the levain", "Home is where the bread is.");
    }

    @Test
    void landingPageCallsShopControlsAndForumMemberCardsStandingAloneAreRemoved() {
        String text = extract("""
                <h1>Baking your first sourdough</h1>
                %s
                <p><a href="/demo">Book your free demo today</a></p>
                <div><a href="/experts">Talk to our baking experts</a></div>
                <button>Add to cart</button>
                <p>Showing 1-24 of 133 results</p>
                <dl><dt>Joined</dt><dd>Mar 4, 2019</dd><dt>Posts: 1,077</dt></dl>
                <p><a href="/reply">Log in to reply</a></p>
                """.formatted(PROSE));

        assertThat(text).contains("Baking your first sourdough", "flour, water and time", "Mar 4, 2019");
        assertThat(text).doesNotContain("demo", "experts", "Add to cart", "133 results", "Joined", "1,077", "reply");
    }

    @Test
    void sentencesAboutTheSameThingsStay() {
        assertThat(Furniture.isFurniture("Book a demo")).isTrue();
        assertThat(Furniture.isFurniture("Book a demo of the oven before you buy it, the shop is open daily."))
                .isFalse();
        assertThat(Furniture.isFurniture("Out of stock until Friday, when the next flour delivery arrives."))
                .isFalse();
        assertThat(Furniture.isFurniture("Posts about bread")).isFalse();
    }

    @Test
    void aListingsBareAuthorLineStays() {
        assertThat(Furniture.isFurniture("By Jason Miller")).isFalse();
        assertThat(Furniture.isFurniture("By Jason Miller | March 3, 2025")).isTrue();
        assertThat(Furniture.isFurniture("Photograph of the harbour at dawn")).isFalse();
        assertThat(Furniture.isFurniture("Image credit: Getty Images")).isTrue();
    }

    @Test
    void linksToOtherStoriesAndFollowPromptsOnTheirOwnLineAreRemoved() {
        String text = extract("""
                <h1>Baking your first sourdough</h1>
                %s
                <p><strong>Related:</strong> <a href="/rye">Ten rye breads to try this winter</a></p>
                <p>Subscribe to The Crumb</p>
                <p><a href="/author/jane">View all posts by Jane Baker</a></p>
                <div>Posted by Jane Baker at March 3, 2025 10:15 AM</div>
                """.formatted(PROSE));

        assertThat(text).contains("flour, water and time", "crust sets");
        assertThat(text).doesNotContain("Related", "rye breads", "The Crumb", "Jane Baker");
    }

    @Test
    void teaserLinesDateLinesAndLabelsInOtherLanguagesAreRemoved() {
        String text = extract("""
                <h1>Sauerteig für Anfänger</h1>
                <p>Aktualisiert: 11.04.2020, 10:27</p>
                <p>15. Mai 2019, 05:28 Uhr</p>
                %s
                <p><strong>VEA TAMBIÉN:</strong> <a href="/x">Entre heces y guaricha: la educación no brilla</a></p>
                <p>Czytaj też: <a href="/y">Wyścig zbrojeń ruszył z kopyta</a></p>
                <p>Siehe auch</p>
                <p>Externer Inhalt</p>
                <p>Crédits photos : Bestimage</p>
                <p>Gefällt mir Wird geladen …</p>
                """.formatted(PROSE));

        assertThat(text).contains("Sauerteig für Anfänger", "flour, water and time", "crust sets");
        assertThat(text)
                .doesNotContain(
                        "Aktualisiert",
                        "05:28",
                        "VEA",
                        "Entre heces",
                        "Czytaj",
                        "Siehe auch",
                        "Externer",
                        "Bestimage",
                        "Gefällt");
    }

    @Test
    void aSentenceThatStartsWithADateOrALabelStays() {
        String text = extract("""
                <h1>Sourdough</h1>%s
                <p>15. Mai 2019 was the day the bakery first sold its rye loaf to the village.</p>
                <p>Mira: the starter we named after the baker's grandmother still lives in the cellar today.</p>
                """.formatted(PROSE));

        assertThat(text).contains("was the day the bakery", "starter we named");
    }

    @Test
    void linkBoxLabelsRatingAndSharePromptsStandingAloneAreRemoved() {
        String text = extract("""
                <h1>Sauerteig für Anfänger</h1>
                %s
                <p><strong>LE PUEDE INTERESAR:</strong> <a href="/x">La ficha de la semana</a></p>
                <p>Lea más: <a href="/y">El congreso aprueba la ley</a></p>
                <p><strong>Das Thema könnte dich auch interessieren:</strong></p>
                <p>Mehr Themen:</p>
                <h2>Wie bewerten Sie diesen Artikel?</h2>
                <p>(Noch keine Bewertungen)</p>
                <h4>Like it? Share it!</h4>
                <p>Vorschau auf den nächsten Artikel</p>
                <p><a href="/news">Zurück zum Newsroom</a></p>
                <p><b>Aktualisiert am</b></p>
                <p><em>Anzeige, enthält Affiliate Links</em></p>
                <p>*Werbung. Dieser Beitrag enthält Werbung für einen Hersteller von Backöfen.</p>
                """.formatted(PROSE));

        assertThat(text).contains("Sauerteig für Anfänger", "flour, water and time", "crust sets");
        assertThat(text)
                .doesNotContain(
                        "INTERESAR",
                        "La ficha",
                        "Lea más",
                        "congreso",
                        "Thema",
                        "Themen",
                        "bewerten",
                        "Bewertungen",
                        "Share it",
                        "Vorschau");
    }

    @Test
    void aLineThatIsAnAuthorAndADateInEitherOrderIsABylineButAStorySentenceWithBothIsNot() {
        assertThat(Furniture.isFurniture("von Anja Schmoll-Trautmann am 14. Mai 2014, 15:40 Uhr"))
                .isTrue();
        assertThat(Furniture.isFurniture("By Sarah Yang Updated May 06, 2019")).isTrue();
        assertThat(Furniture.isFurniture("4. Mai 2018 von Annette Henkel")).isTrue();
        assertThat(Furniture.isFurniture("Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion"))
                .isTrue();
        assertThat(Furniture.isFurniture("Ultima modifica 19 Febbraio 2020 12:02"))
                .isTrue();
        assertThat(Furniture.isFurniture("By May 06, 2019 the bakery had sold its ten thousandth loaf."))
                .isFalse();
        assertThat(Furniture.isFurniture("Am 14. Mai 2014 von Hamburg nach Berlin gezogen, backt sie dort weiter."))
                .isFalse();
        assertThat(Furniture.isFurniture("By Jason Miller")).isFalse();
    }

    @Test
    void labelsThatIntroduceALinkToAnotherStoryAreRemovedInEveryLanguage() {
        String text = extract("""
                <h1>Sauerteig für Anfänger</h1>
                %s
                <p>Lesen Sie hier: <a href="/a">Spielabbruch in der Kreisliga</a></p>
                <p><strong>Dowiedz się więcej:</strong> <a href="/b">Kto jak głosował ws. funduszy?</a></p>
                <p>Leia mais: <a href="/c">Polícia faz operação de combate</a></p>
                <p>À lire également : <a href="/d">Le pain au levain expliqué</a></p>
                """.formatted(PROSE));

        assertThat(text).contains("flour, water and time", "crust sets");
        assertThat(text).doesNotContain("Kreisliga", "funduszy", "Polícia", "levain expliqué");
    }

    @Test
    void aLineThatIsOnlyALinkWithAnArrowIsRemovedButAQuotedHeadlineStays() {
        String text = extract("""
                <h1>Sourdough</h1>
                %s
                <p><a href="/deal">Zum Deal</a> »</p>
                <p><a href="/events">→ All baking classes</a></p>
                <div><a href="/issues">Read previous issues ➔</a></div>
                <p><a href="/q">«Wir backen jeden Tag»</a></p>
                <p><a href="/r">»Abzocke wird als Klimaschutz verkauft«</a></p>
                """.formatted(PROSE));

        assertThat(text).contains("flour, water and time", "«Wir backen jeden Tag»", "»Abzocke wird");
        assertThat(text).doesNotContain("Zum Deal", "baking classes", "previous issues");
    }
}
