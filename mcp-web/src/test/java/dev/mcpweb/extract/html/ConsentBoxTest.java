package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A cookie consent box goes however long its list of cookies; a story about cookies stays. */
class ConsentBoxTest {
    private static final String STORY = """
            <h1>Neue Folgen am Fürstenhof</h1>
            <p>Seit 2005 läuft die Telenovela im Fernsehen, und jetzt steht die zwanzigste Staffel in den
            Startlöchern. Wie die Macher bekannt gaben, rückt eine neue Figur in den Vordergrund der Handlung.</p>
            <p>Um die Rolle ihres Gegenübers buhlen zwei Figuren, die in den kommenden Wochen um ihre Gunst
            kämpfen werden, während am Hof ein altes Geheimnis ans Licht kommt und die Familie entzweit.</p>
            """;

    private static String extracted(String html) {
        return new MainContentExtractor()
                .extract(Jsoup.parse(html, "https://example.org/2023/11/06/"), false)
                .text();
    }

    /** A consent box listing the site's cookies, as long as the story or longer. */
    private static String consentBox() {
        StringBuilder box = new StringBuilder("""
                <div id="BorlabsCookieBoxWrap"><div id="BorlabsCookieBox" role="dialog">
                <p>Wir verwenden Cookies. Wenn Sie unter 16 Jahre alt sind, bitten Sie Ihre Erziehungsberechtigten
                um Erlaubnis.</p><p>Alle akzeptieren · Nur essenzielle Cookies akzeptieren</p>
                """);
        for (int i = 1; i <= 6; i++) {
            box.append("<table><tr><td>Cookie Name</td><td>tracker-")
                    .append(i)
                    .append("</td></tr>")
                    .append("<tr><td>Zweck</td><td>Speichert die Einstellungen der Besucher, die in der Box ")
                    .append("ausgewählt wurden, und misst die Zugriffe auf die Seiten dieser Website.</td></tr>")
                    .append("<tr><td>Laufzeit</td><td>1 Jahr</td></tr></table>");
        }
        return box.append("</div></div>").toString();
    }

    @Test
    void aConsentBoxLeavesHoweverLongItsListOfCookies() {
        String text =
                extracted("<html><body><div class=\"site\">" + STORY + "</div>" + consentBox() + "</body></html>");

        assertThat(text)
                .contains("Seit 2005 läuft die Telenovela", "ein altes Geheimnis")
                .doesNotContain("Wir verwenden Cookies", "Speichert die Einstellungen", "tracker-1");
    }

    @Test
    void aStoryAboutCookiesInABoxNamedForThemStays() {
        String text = extracted("""
                <html><body><div class="cookie-recipe"><h1>Chocolate chip cookies</h1>
                <p>These cookies bake in twelve minutes: cream the butter with both sugars until pale, beat in the
                egg and the vanilla, then fold in the flour, the salt and the soda before the chocolate.</p>
                <p>Rest the dough for an hour in the fridge, so that the cookies spread less and brown evenly,
                and take them out while the middles still look soft: they set as they cool on the tray.</p>
                </div></body></html>
                """);

        assertThat(text).contains("These cookies bake in twelve minutes", "they set as they cool");
    }
}
