package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * A box whose class hides it on a desktop's screen ("a-u-hide-from-desktop", "elementor-hidden-desktop") is
 * a copy or an extra made for phones, and goes like any hidden element; one hidden on phones stays.
 */
class MobileOnlyBoxTest {
    private static final String HEAD = """
            <h1>Lithium aus dem Schredder</h1>
            <p>Die Ökobilanz von Elektroautos wird vor allem durch die Produktion der Batterien beeinträchtigt.
            Ein Betrieb bei Braunschweig hat ein Verfahren entwickelt, ausgediente Akkus effizienter zu recyceln.</p>
            """;

    private static final String REST = """
            <p>Die Zellen werden zunächst entladen und unter Stickstoff zerkleinert, bevor der Elektrolyt
            abgedampft wird; übrig bleibt ein Pulver, aus dem sich Lithium, Nickel und Kobalt zurückgewinnen lassen.</p>
            <p>Nach Angaben des Betriebs lassen sich so rund 85 Prozent der Rohstoffe einer Batterie wiederverwenden,
            deutlich mehr als beim Einschmelzen, bei dem Lithium und Graphit verloren gehen.</p>
            """;

    private static String extracted(String html) {
        return new MainContentExtractor()
                .extract(Jsoup.parse(html, "https://example.org/news/lithium"), false)
                .text();
    }

    @Test
    void aBoxHiddenOnDesktopsGoesButOneHiddenOnPhonesStays() {
        String page = """
                <html><body><main><article>
                %s<div class="collapse-box a-u-hide-from-desktop"><h2>TR 7/2019</h2>
                <p>Dieser Beitrag stammt aus Ausgabe 7/2019. Highlights aus dem Heft:</p></div>
                <div class="elementor-section elementor-hidden-mobile"><p>Die Anlage soll 2020 in Betrieb gehen, sagt
                der Betrieb, und jährlich die Batterien von rund 25.000 Elektroautos verarbeiten.</p></div>
                %s</article></main></body></html>
                """.formatted(HEAD, REST);

        assertThat(extracted(page))
                .contains("Lithium aus dem Schredder", "unter Stickstoff zerkleinert", "2020 in Betrieb", "85 Prozent")
                .doesNotContain("TR 7/2019", "Highlights aus dem Heft");
    }
}
