package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The notes a site sets after a story (a paywall, a plea, "follow us", a copyright line, a contact box, a
 * comment form) go; the story's last paragraph stays, whatever it says about subscribers or donations.
 */
class TrailingNotesTest {
    private static final String STORY = """
            <h1>Neue Brücke über den Main</h1>
            <div class="body">Die Stadt hat am Montag den Bau der neuen Fußgängerbrücke beschlossen. Nach
            jahrelanger Planung stimmte der Rat mit großer Mehrheit für den Entwurf eines Frankfurter Büros.
            <br><br>Die Brücke soll 180 Meter lang werden und die beiden Ufer zwischen Altstadt und Museumsufer
            verbinden. Die Kosten werden auf rund 24 Millionen Euro geschätzt, die zur Hälfte das Land trägt.
            <br><br>Der Baubeginn ist für das Frühjahr geplant, die Eröffnung für den Sommer in zwei Jahren.</div>
            """;

    private static String extracted(String body) {
        return new MainContentExtractor()
                .extract(
                        Jsoup.parse("<html><body><main>" + body + "</main></body></html>", "https://example.org/"),
                        false)
                .text();
    }

    @Test
    void aPleaAFollowLineAndACopyrightNoticeAfterTheStoryGo() {
        String text = extracted(STORY
                + "<div class=\"cta\"><em>Folgen Sie uns auf <a href=\"https://t.me/x\">Telegram</a> und"
                + " <a href=\"https://instagram.com/x\">Instagram</a></em></div>"
                + "<div class=\"support\">Jede kleine Spende hilft uns, unabhängig zu berichten.</div>"
                + "<div class=\"legal\">© 2024 Stadtzeitung. Alle Rechte vorbehalten.</div>");

        assertThat(text)
                .contains("Die Stadt hat am Montag", "die Eröffnung für den Sommer in zwei Jahren")
                .doesNotContain("Folgen Sie uns", "Jede kleine Spende", "Alle Rechte vorbehalten");
    }

    @Test
    void aContactBoxUnderItsLabelGoesWithItsLines() {
        String text = extracted(STORY
                + "<div class=\"contact\"><h4>Kontakt</h4><p>Dr. Jan Koch<br>Deutsches Klimarechenzentrum<br>"
                + "E-Mail: koch@example.org</p></div>");

        assertThat(text)
                .contains("die Eröffnung für den Sommer in zwei Jahren")
                .doesNotContain("Kontakt", "Jan Koch", "koch@example.org");
    }

    @Test
    void aBoxListingPhonesAndAddressesOnLinesOfTheirOwnGoes() {
        String text = extracted(STORY
                + "<div class=\"box\">Naher Osten, Nordafrika<br>Leiterin: Maryam Schmidt<br>Telefon: 089 1258-290<br>"
                + "Fax: 089 1258-359<br>E-Mail: schmidt@example.org</div>");

        assertThat(text)
                .contains("die Eröffnung für den Sommer in zwei Jahren")
                .doesNotContain("Maryam Schmidt", "Telefon", "schmidt@example.org");
    }

    @Test
    void aCommentFormAfterTheStoryGoesWithItsLabels() {
        String text = extracted(STORY
                + "<form action=\"/comment\"><p><label>Name (wird benötigt)</label><input name=\"author\"></p>"
                + "<p><label>E-Mail (wird benötigt und nicht veröffentlicht)</label><input name=\"email\"></p>"
                + "<p><textarea name=\"comment\"></textarea></p><p>Hinweis: Einträge mit Werbung werden gelöscht.</p>"
                + "</form>");

        assertThat(text)
                .contains("die Eröffnung für den Sommer in zwei Jahren")
                .doesNotContain("wird benötigt", "Werbung werden gelöscht");
    }

    @Test
    void creditRecordAndAdvertisementLinesAfterTheStoryGo() {
        String text = extracted(STORY
                + "<p>- Anzeige -</p><p>Titelbild: Max Muster / Stadtarchiv</p><p>Kategorie: Stadt, Verkehr</p>"
                + "<p><small><address>bruecke.html - Created 03-10-2004 - Last Modified: 03-10-2024 2:20pm"
                + "</address></small></p>");

        assertThat(text)
                .contains("die Eröffnung für den Sommer in zwei Jahren")
                .doesNotContain("Anzeige", "Titelbild", "Kategorie", "Last Modified");
    }

    @Test
    void aClosingSentenceWithAPhoneNumberAndAnAddressToWriteToStays() {
        String text = extracted(STORY
                + "<p>Weitere Informationen erteilt Anne Althaus im Bauamt unter Tel. 02382 59743"
                + " (althaus@example.org).</p>");

        assertThat(text).contains("Weitere Informationen erteilt Anne Althaus", "althaus@example.org");
    }

    @Test
    void aClosingParagraphAboutDonationsAndSubscribersStays() {
        String text = extracted(STORY.replace(
                "</div>",
                "<br><br></div><p>Solche Recherchen kosten viel Zeit und Geld; wir freuen uns wie immer über Spenden,"
                        + " und die Zeitung zählt inzwischen mehr Abonnenten als je zuvor.</p>"));

        assertThat(text).contains("wir freuen uns wie immer über Spenden", "mehr Abonnenten als je zuvor");
    }

    @Test
    void anAuthorsBioUnderAnAuthorLabelGoesWithTheLabelAndTheName() {
        String text = extracted(STORY + STORY
                + "<div class=\"author\"><h4>Autor</h4><p><strong>Dr. Thomas Berger</strong></p><p>ist Gründungspartner"
                + " der Kanzlei Berger und Partner in Berlin. Zu seinen Tätigkeitsfeldern zählen insbesondere Bank- und"
                + " Kapitalmarktrecht, Verbraucherschutzrecht und Internetrecht.</p></div>");

        assertThat(text)
                .contains("die Eröffnung für den Sommer in zwei Jahren")
                .doesNotContain("Thomas Berger", "Tätigkeitsfeldern");
    }

    @Test
    void aParagraphUnderAShortLineThatIsNoLabelStays() {
        String text = extracted(
                STORY
                        + "<h4>Ausblick</h4><p>Der Rat will im Herbst auch über eine zweite Brücke weiter flussabwärts"
                        + " beraten, für die es bereits einen ersten Entwurf des gleichen Büros gibt, der viel Zuspruch fand.</p>");

        assertThat(text).contains("Ausblick", "eine zweite Brücke weiter flussabwärts");
    }

    @Test
    void anAgencySignOffAtTheVeryEndGoes() {
        String text = extracted(STORY + "<p>aja/PAP</p>");

        assertThat(text).contains("die Eröffnung für den Sommer in zwei Jahren").doesNotContain("aja/PAP");
    }

    @Test
    void aCommentFormLongerThanAShortPostGoesAllTheSame() {
        String text = extracted("<h1>Virales Marketing</h1><p>Ich habe ein kleines Video gefunden, das zeigt, was"
                + " unter viralem Marketing zu verstehen ist und wie wir unbewusst dadurch beeinflusst werden.</p>"
                + "<form action=\"/comment\"><p><label>Name (wird benötigt)</label><input name=\"author\"></p>"
                + "<p><label>E-Mail (wird benötigt und nicht veröffentlicht)</label><input name=\"email\"></p>"
                + "<p><label>Spam-Schutz: Summiere 2 + 8 ! (ohne Taschenrechner)</label><input name=\"q\"></p>"
                + "<p>Hinweis: Gewerbliche Einträge und Einträge, die Werbung darstellen, werden ohne Angabe von"
                + " Gründen von mir gelöscht.</p><p>Spam: Es kann sein, dass Ihr Kommentar nicht sofort erscheint."
                + " Er wird dann manuell moderiert und freigegeben.</p></form>");

        assertThat(text)
                .contains("wie wir unbewusst dadurch beeinflusst werden")
                .doesNotContain("wird benötigt", "Summiere", "manuell moderiert");
    }

    @Test
    void aDisclaimerThatTheAuthorsOpinionIsNotTheSitesGoes() {
        String text = extracted(STORY + "<p><em>The views expressed here are the author's alone and do not"
                + " necessarily reflect those of the publisher.</em></p>");

        assertThat(text).contains("die Eröffnung für den Sommer in zwei Jahren").doesNotContain("views expressed");
    }
}
