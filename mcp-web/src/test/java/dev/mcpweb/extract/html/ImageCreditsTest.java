package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A picture's credit line leaves the main content; what its caption says about the picture stays. */
class ImageCreditsTest {

    private static String cleaned(String html) {
        Element main = Jsoup.parseBodyFragment(html).body();
        ImageCredits.remove(main, TextLengths.of(main));
        return main.text();
    }

    @Test
    void aCreditNamedByItsPageLeavesTheCaptionsDescription() {
        String text = cleaned("""
                <figure><img src="/a.jpg" alt="">
                <figcaption><span class="figure__text">Der Hafen von Bremerhaven im Morgennebel.</span>
                <span class="figure__copyright">AFP / Marco Bertorello</span></figcaption></figure>
                <figure class="c-picture"><img src="/b.jpg" alt=""><figcaption>Ein Streikposten in der Halle.
                <cite class="c-picture__source">Thinkstock</cite></figcaption></figure>
                <div class="wp-caption"><img src="/c.jpg" alt=""><p class="wp-caption-text">Die neue Fähre.
                <em class="image-credit">Hafenamt</em></p></div>
                """);

        assertThat(text)
                .contains(
                        "Der Hafen von Bremerhaven im Morgennebel.",
                        "Ein Streikposten in der Halle.",
                        "Die neue Fähre.")
                .doesNotContain("Bertorello", "Thinkstock", "Hafenamt");
    }

    @Test
    void aCaptionThatIsOnlyAgencyAndPhotographerGoes() {
        String text = cleaned("""
                <p>Die Regierung hat am Mittwoch das Gesetz beschlossen.</p>
                <figure><img src="/a.jpg" alt=""><figcaption>Bundesregierung/Steffen Kugler</figcaption></figure>
                <figure><img src="/b.jpg" alt=""><figcaption>DCV / Oppitz</figcaption></figure>
                """);

        assertThat(text).isEqualTo("Die Regierung hat am Mittwoch das Gesetz beschlossen.");
    }

    @Test
    void descriptionsListingsAndTheArticlesOwnSourcesStay() {
        String html = """
                <figure><img src="/d.png" alt=""><figcaption>Input/output diagram of the pump</figcaption></figure>
                <figure class="listing"><pre><code>let f = File::open("hello.txt");</code></pre>
                <figcaption>Listing 9-3: Opening a file</figcaption></figure>
                <figure><blockquote>It changed how we teach.</blockquote><figcaption>— Abbie Y</figcaption></figure>
                <p class="source">Source: the city's annual report on the harbour, 2024 edition.</p>
                """;

        assertThat(cleaned(html)).isEqualTo(Jsoup.parseBodyFragment(html).body().text());
    }

    @Test
    void aCaptionThatCarriesItsCreditGoesWholeButOneThatOnlyDescribesStays() {
        String text = cleaned("""
                <p>Das Theater zeigt das Stück bis Ende Mai an sechs Abenden.</p>
                <figure><img src="/a.jpg" alt=""><figcaption>Die lachende Menge wird zum Mob.
                Bild: Gregory Batardon/Theater St. Gallen</figcaption></figure>
                <figure><img src="/b.jpg" alt=""><figcaption>Marco Odermatt, Ski-Star aus der Schweiz.
                © AFP / MARCO BERTORELLO</figcaption></figure>
                <div class="wp-caption"><img src="/c.jpg" alt=""><p class="wp-caption-text">Le piquet de grève
                dans le hall de l'université / (C) Kab Ni</p></div>
                <figure><img src="/d.jpg" alt=""><figcaption>Figure 2: the image of the pump at rest, before
                the valve opens.</figcaption></figure>
                """);

        assertThat(text)
                .contains("an sechs Abenden", "Figure 2: the image of the pump at rest")
                .doesNotContain("lachende Menge", "Batardon", "Odermatt", "piquet de grève");
    }

    @Test
    void aPicturesLabelOutsideAFigureGoesWithTheCreditItsPageNamesButCardsQuotesAndStoryParagraphsStay() {
        String text = cleaned("""
                <div class="image-container"><a href="/zdk.jpg"><img src="/zdk.jpg" alt=""></a>
                <div class="image-subtitle">Logo des Zdk (Archiv)</div><div class="image-copyright">© KNA</div></div>
                <p class="icaption"><span class="caption">Die Präsidentin nach der Wahl.</span>
                <span class="credits">DCV / Oppitz</span></p>
                <ul><li class="card"><picture><img src="/ev.jpg" alt=""></picture><h5>Which EVs have the longest ranges?</h5>
                <p>These are the vehicles that go farthest on a single charge.</p><span class="card__credit">Photo: Hyundai</span></li></ul>
                <figure><blockquote>Olivia is a great teacher.</blockquote><figcaption class="source">— Ben G</figcaption></figure>
                <img src="/harbour.jpg" alt="">
                <p>The harbour reopened on Monday after the storm. <span class="source">Reuters</span></p>
                """);

        assertThat(text)
                .contains(
                        "Which EVs have the longest ranges?",
                        "farthest on a single charge",
                        "Olivia is a great teacher.",
                        "The harbour reopened on Monday after the storm. Reuters")
                .doesNotContain("Logo des Zdk", "KNA", "Die Präsidentin nach der Wahl", "Oppitz");
    }

    @Test
    void aBlockRightAfterAPictureOutsideAFigureIsACaptionAndGoesWithItsCredit() {
        String text = cleaned("""
                <p>Die PGA Tour veranstaltet das Pro-Am in Kalifornien.</p>
                <div class="img-box"><img src="/a.jpg" alt=""></div>
                <p class="text-center"><small>Golf im TV: die Turniere im Überblick. (Foto: Getty)</small></p>
                <a href="/b.jpg"><picture><img src="/b.jpg" alt=""></picture></a>
                <div class="img-metadata">Roman Prymula, photo: Archives du Gouvernement tchèque</div>
                <figure><img src="/c.jpg" alt=""><figcaption>Striking members of the UCU at University College.
                Photograph: Guy Smallman/Getty Images</figcaption></figure>
                <div><img src="/d.jpg" alt=""></div>
                <p>Das Turnier beginnt am Donnerstag in Pebble Beach.</p>
                """);

        assertThat(text)
                .isEqualTo("Die PGA Tour veranstaltet das Pro-Am in Kalifornien. "
                        + "Das Turnier beginnt am Donnerstag in Pebble Beach.");
    }
}
