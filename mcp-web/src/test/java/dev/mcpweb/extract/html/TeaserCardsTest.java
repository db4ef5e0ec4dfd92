package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Teasers of other stories leave an article: cards wrapped in one link, rows of linked headlines with a
 * line under each, blocks of links set between its paragraphs, and the heading left over at its end.
 */
class TeaserCardsTest {
    private static final String HEAD =
            "<html><head><meta property=\"og:type\" content=\"article\"></head><body><main><article>";
    private static final String TAIL = "</article></main></body></html>";
    private static final String FIRST = """
            <p>Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen, die alte Markthalle an der
            Uferstraße zu sanieren, statt sie abzureißen und an ihrer Stelle ein Parkhaus zu bauen.</p>
            <p>Die Sanierung soll im Frühjahr beginnen und rund zwei Jahre dauern; die Händler ziehen so lange
            in Zelte auf dem Platz vor dem Rathaus, wo auch der Wochenmarkt wieder stattfinden wird.</p>
            """;
    private static final String SECOND = """
            <p>Die Kosten schätzt die Verwaltung auf elf Millionen Euro, von denen das Land einen großen Teil
            übernimmt, weil die Halle als Baudenkmal gilt und ihre Eisenkonstruktion erhalten bleiben muss.</p>
            <p>Kritik kam von der Opposition, die den Zeitplan für zu knapp hält und auf die Erfahrungen mit dem
            Umbau des Hallenbads verweist, der am Ende doppelt so lange gedauert hat wie geplant.</p>
            <p>Der Bürgerverein begrüßte den Beschluss und kündigte an, die Geschichte der Halle in einer
            Ausstellung zu zeigen, die während der Bauzeit im Foyer des Stadtmuseums zu sehen sein wird.</p>
            """;

    private static String extracted(String html) {
        return new MainContentExtractor()
                .extract(Jsoup.parse(html, "https://example.org/2023/11/06/markthalle"), false)
                .text();
    }

    @Test
    void aCardWrappedInOneLinkLeaves() {
        String text = extracted(HEAD + FIRST + SECOND + """
                <div class="box"><a href="/2023/11/05/hallenbad"><span>Stadt</span>
                <h2>Hallenbad öffnet nach dem Umbau wieder</h2><p>Nach vier Jahren dürfen die Schwimmer zurück.</p></a></div>
                """ + TAIL);

        assertThat(text)
                .contains("Der Stadtrat hat am Dienstagabend", "im Foyer des Stadtmuseums")
                .doesNotContain("Hallenbad öffnet", "Nach vier Jahren");
    }

    @Test
    void aRowOfLinkedHeadlinesWithSummariesLeavesWithItsLabel() {
        String text = extracted(HEAD + FIRST + SECOND + """
                <h3>Mehr aus der Stadt</h3><div class="row">
                <div class="item"><h4><a href="/a">Neue Buslinie fährt ab Montag</a></h4><p>Zwei Haltestellen mehr.</p></div>
                <div class="item"><h4><a href="/b">Bäckerei am Eck schließt</a></h4><p>Nach siebzig Jahren.</p></div>
                </div>
                """ + TAIL);

        assertThat(text)
                .contains("im Foyer des Stadtmuseums")
                .doesNotContain("Mehr aus der Stadt", "Neue Buslinie", "Zwei Haltestellen", "Bäckerei am Eck");
    }

    @Test
    void aRoundupOfLinkedNamesWithoutSummariesStays() {
        String text = extracted(HEAD + FIRST + """
                <h4>Unsere Empfehlungen:</h4>
                <ul><li><h3><a href="https://shop.example/a">Zange von Knipex, lang</a></h3></li>
                <li><h3><a href="https://shop.example/b">Zange von Channellock</a></h3></li></ul>
                """ + SECOND + TAIL);

        assertThat(text).contains("Zange von Knipex", "Zange von Channellock");
    }

    @Test
    void aBlockOfLinksBetweenParagraphsLeavesWithItsLabel() {
        String text = extracted(HEAD + FIRST + """
                <p><strong>Lesen Sie auch:</strong></p>
                <div class="insert"><a href="/2023/10/01/parkhaus">Parkhaus am Ufer: Die Pläne im Überblick</a></div>
                """ + SECOND + TAIL);

        assertThat(text)
                .contains("wo auch der Wochenmarkt", "Die Kosten schätzt die Verwaltung")
                .doesNotContain("Lesen Sie auch", "Parkhaus am Ufer");
    }

    @Test
    void aListOfAnchorsOnThePageStays() {
        String text = extracted(HEAD + FIRST + """
                <ul><li><a href="#kosten">Was die Sanierung der Halle kostet</a></li></ul>
                """ + SECOND + TAIL);

        assertThat(text).contains("Was die Sanierung der Halle kostet");
    }

    @Test
    void aHeadingThatEndsTheArticleLeaves() {
        String text = extracted(HEAD + FIRST + SECOND + "<h3>Weitere Themen aus der Stadt</h3>" + TAIL);

        assertThat(text).contains("im Foyer des Stadtmuseums").doesNotContain("Weitere Themen");
    }

    @Test
    void anAdLabelBetweenDashesLeaves() {
        String text = extracted(HEAD + FIRST + SECOND + "<p>- Anzeige-</p>" + TAIL);

        assertThat(text).contains("im Foyer des Stadtmuseums").doesNotContain("Anzeige");
    }
}
