package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * An article's body ends with its last paragraphs: the boxes a site puts after them inside the same
 * wrapper go, whatever their names and language, while what the body holds stays.
 */
class ArticleEndTest {
    private static final String BODY = """
            <div class="c-body">
            <p>Die Stadtwerke haben am Montag die neue Fischtreppe an der Aller eröffnet, die erste von vier
            geplanten Anlagen am Unterlauf, nach zwei Jahren Bauzeit und einem langen Streit um die Kosten.</p>
            <figure><img src="/treppe.jpg" alt=""><figcaption>Die Treppe steigt in zwölf Becken vier Meter an.</figcaption></figure>
            <p>Lachse und Meerforellen erreichen den Oberlauf seit dem Bau des Wehrs im Jahr 1931 nicht mehr.
            Die Biologen erwarten die ersten Fische im Herbst, wenn die Zähler im obersten Becken laufen.</p>
            <blockquote><p>Wir haben neunzig Jahre darauf gewartet, sagte der Vorsitzende des Anglervereins.</p></blockquote>
            <table><tr><th>Anlage</th><th>Fertig</th></tr><tr><td>Celle</td><td>2025</td></tr><tr><td>Verden</td><td>2027</td></tr></table>
            <ul><li>Länge: 48 Meter</li><li>Becken: 12</li></ul>
            <p>Der Bau hatte sich um ein Jahr verzögert, weil das Hochwasser im Winter 2023 die Baugrube zweimal
            überflutete und die Spundwände danach neu gesetzt werden mussten, was die Kosten um ein Fünftel erhöhte.</p>
            <p>Der Landkreis und das Land teilen sich die Mehrkosten, der Bund hatte schon zu Beginn die Hälfte der
            ursprünglich veranschlagten Summe aus dem Programm für die Durchgängigkeit der Flüsse zugesagt.</p>
            <p>Umweltverbände begrüßen die Anlage, fordern aber, dass auch die kleineren Wehre an den Nebenflüssen
            umgebaut werden, weil die Fische sonst ihre alten Laichplätze in den Bächen nicht erreichen können.</p>
            <p>Die Stadt will die Zählung der Fische im Internet veröffentlichen, damit Schulen und Vereine verfolgen
            können, wie viele Lachse und Forellen die Treppe in den ersten Jahren tatsächlich nutzen.</p>
            <p>Für Besucher gibt es am Ufer eine Aussichtsplattform mit Schautafeln, die den Weg der Fische vom Meer bis
            zu den Laichgründen im Oberlauf erklären und an den Bau des alten Wehrs erinnern.</p>
            <p>Im Sommer sollen Taucher prüfen, ob sich in den Becken Treibgut sammelt; die Stadtwerke haben dafür
            einen Wartungsvertrag mit einer Firma aus Verden geschlossen, der zunächst fünf Jahre läuft.</p>
            <p>Auch die Kanuten profitieren: Neben der Treppe entsteht eine Rutsche für Boote, damit Paddler das Wehr
            nicht mehr zu Fuß umtragen müssen, wie es bisher an dieser Stelle nötig war.</p>
            <p>Die übrigen drei Anlagen sollen bis 2027 fertig sein; das Geld dafür ist nach Angaben der Stadt gesichert.</p>
            </div>
            """;

    /** What follows the body on many sites: a subscription box, teasers with summaries, an author card. */
    private static final String AFTER_BODY = """
            <div class="c-box"><p>Jeden Morgen die wichtigsten Nachrichten aus der Region in Ihrem Postfach, kostenlos und
            jederzeit kündbar.</p><a href="/abo">Jetzt bestellen</a></div>
            <div class="c-more">
            <div class="c-item"><a href="/a">Neue Brücke über die Weser freigegeben</a><p>Nach drei Jahren Bauzeit rollt der Verkehr wieder.</p></div>
            <div class="c-item"><a href="/b">Stadtrat streitet über Radwege</a><p>Die Opposition wirft der Verwaltung Verzögerung vor.</p></div>
            </div>
            <div class="c-card"><p>Anna Berger schreibt seit 2015 über Umwelt und Verkehr in der Region Celle.</p></div>
            """;

    private final MainContentExtractor extractor = new MainContentExtractor();

    private String text(String head, String article) {
        String html = """
                <html><head>%s</head><body><header><a href="/">Aller-Zeitung</a></header>
                <main>%s</main><footer><p>Aller-Zeitung, Marktplatz 1.</p></footer></body></html>
                """.formatted(head, article);
        return extractor
                .extract(Jsoup.parse(html, "https://example.org/lokales/fischtreppe"), false)
                .text();
    }

    @Test
    void theBoxesAfterADeclaredArticlesBodyGoAndTheBodyKeepsItsFiguresQuotesTablesAndLists() {
        String text = text(
                "<meta property=\"og:type\" content=\"article\">",
                "<article><h1>Fischtreppe an der Aller eröffnet</h1><p class=\"by\">Von Anna Berger</p>" + BODY
                        + AFTER_BODY + "</article>");

        assertThat(text)
                .contains(
                        "Fischtreppe an der Aller eröffnet",
                        "erste von vier",
                        "zwölf Becken",
                        "neunzig Jahre",
                        "Verden",
                        "Länge: 48 Meter",
                        "Geld dafür ist nach Angaben der Stadt gesichert")
                .doesNotContain("Postfach", "Weser", "Radwege", "Verzögerung", "schreibt seit 2015");
    }

    @Test
    void aPageThatDeclaresNothingLosesTheBoxesAfterItsBodyToo() {
        String text = text("", "<h1>Fischtreppe an der Aller eröffnet</h1>" + BODY + AFTER_BODY);

        assertThat(text)
                .contains("erste von vier", "neunzig Jahre", "Geld dafür ist nach Angaben der Stadt gesichert")
                .doesNotContain("Postfach", "Weser", "schreibt seit 2015");
    }

    @Test
    void aBodyWhoseParagraphsAreSpreadOverSeveralBlocksLosesNothing() {
        String spread = """
                <div class="part"><p>Die Stadtwerke haben am Montag die neue Fischtreppe an der Aller eröffnet, die erste
                von vier geplanten Anlagen am Unterlauf, nach zwei Jahren Bauzeit.</p></div>
                <div class="part"><p>Lachse und Meerforellen erreichen den Oberlauf seit dem Bau des Wehrs im Jahr 1931
                nicht mehr, und die Biologen erwarten die ersten Fische im Herbst.</p></div>
                <div class="part"><p>Die übrigen drei Anlagen sollen bis 2027 fertig sein; das Geld dafür ist nach
                Angaben der Stadt gesichert, sagt der Sprecher der Stadtwerke.</p></div>
                <div class="part"><p>Die Anwohner können die Anlage ab Mai an jedem Sonntag besichtigen, die Führungen
                dauern etwa eine Stunde und sind kostenlos.</p></div>
                """;
        String text = text("<meta property=\"og:type\" content=\"article\">", "<article>" + spread + "</article>");

        assertThat(text).contains("erste von vier", "Lachse", "drei Anlagen", "jedem Sonntag");
    }
}
