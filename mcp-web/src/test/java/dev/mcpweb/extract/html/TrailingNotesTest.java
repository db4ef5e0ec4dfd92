package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
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

    @Test
    void aCreditSetAsLooseTextAfterTheLastParagraphInTheStorysOwnContainerGoes() {
        String text = extracted("<div class=\"article\"><p>Die Windgeschwindigkeit beeinflusst die Leistung einer"
                + " Anlage mit der dritten Potenz, der Rotorradius nur mit der zweiten. Verdoppelt sich also die"
                + " Windgeschwindigkeit, erhöht sich die Leistung um das Achtfache.</p><p>Wird hingegen der Radius der"
                + " Anlage verdoppelt, erhöht sich die Leistung nur um das Vierfache. Windgeschwindigkeit ist für die"
                + " Windenergie eben durch nichts zu ersetzen, auch nicht durch größere Rotoren.</p>"
                + "<br><a href=\"mailto:gw@example.org\"><b>Von:</b><br><br>Götz Warnke</a></div>");

        assertThat(text)
                .contains("durch nichts zu ersetzen, auch nicht durch größere Rotoren")
                .doesNotContain("Von:", "Götz Warnke");
    }

    @Test
    void aLineHeadedByAnAdLabelGoes() {
        String text = extracted(STORY + "<div><b>ANZEIGE - Heute mal ausgehen? Wie wäre es mit:</b></div>");

        assertThat(text).contains("die Eröffnung für den Sommer in zwei Jahren").doesNotContain("ausgehen");
    }

    @Test
    void aPleaOfSeveralSentencesWhollyInBoldGoes() {
        String text =
                extracted(STORY + STORY + STORY + "<p><strong>Gefällt dir unser Magazin? Bei seiner Gründung haben wir"
                        + " entschieden, keine Bezahlschranke einzuführen. Das wird auch so bleiben, denn wir möchten möglichst"
                        + " viele Leser mit Nachrichten aus der Stadt versorgen.</strong><br><br><strong>Um unabhängiger von"
                        + " Werbeeinnahmen zu sein und dir noch bessere Inhalte zu liefern, brauchen wir deine Unterstützung."
                        + " Darum: Hilf mit und unterstütze unser Magazin mit einem kleinen Beitrag. Natürlich profitierst du"
                        + " mehrfach davon, wie du auf unserer Seite erfährst.</strong></p>");

        assertThat(text).contains("die Eröffnung für den Sommer in zwei Jahren").doesNotContain("Bezahlschranke");
    }

    @Test
    void aPaywallsNoteGoesWithThePitchAfterIt() {
        String text = extracted(STORY
                + "<p>To view the full story, please subscribe to <a href=\"/subscribe\">The Times</a>.</p>"
                + "<p>When you join, you get unlimited digital access to journalism you won't find anywhere else.</p>"
                + "<p>First-time subscribers also receive a special welcome gift handmade by local artisans, with"
                + " our thanks for supporting independent reporting in the city and its neighbourhoods.</p>");

        assertThat(text)
                .contains("die Eröffnung für den Sommer in zwei Jahren")
                .doesNotContain("full story", "unlimited digital access", "welcome gift");
    }

    @Test
    void aCommentsHeadingGoesWithTheLinkUnderIt() {
        // A page's second h1 ("Comments") may stay through the comment sections; the walk takes it.
        Element main = Jsoup.parse("<div id=\"main\">" + STORY + "<div class=\"divider\"><h1>Comments</h1></div>"
                        + "<div><a href=\"/t/1\">Continue the Discussion</a></div></div>")
                .getElementById("main");

        TrailingNotes.remove(main, TextLengths.of(main));

        assertThat(main.text())
                .contains("die Eröffnung für den Sommer in zwei Jahren")
                .doesNotContain("Comments", "Continue the Discussion");
    }

    @Test
    void theLicenceOfTheSitesContentGoesButTheLicenceOfTheWorkStays() {
        String site = extracted(STORY + "<p>Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter"
                + " <a href=\"https://creativecommons.org/licenses/by/4.0/\">CC-BY</a></p>");
        String work = extracted(STORY + "<p>This work is licensed under a Creative Commons Attribution-ShareAlike"
                + " 4.0 International License.</p>");

        assertThat(site).contains("die Eröffnung für den Sommer in zwei Jahren").doesNotContain("CC-BY");
        assertThat(work).contains("This work is licensed");
    }

    @Test
    void aNoteThatAMapLoadsFromAnotherHostGoes() {
        String text = extracted(
                STORY + "<p>Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden.</p>");

        assertThat(text).contains("die Eröffnung für den Sommer in zwei Jahren").doesNotContain("komoot");
    }

    @Test
    void aCharacterThatCaseFoldingGivesAPaywallPiecesLetterLowerCasesToIt() {
        for (String piece : TrailingNotes.PAYWALL_PIECES) {
            for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
                char folded = Character.toLowerCase(Character.toUpperCase((char) c));
                if (piece.indexOf(folded) >= 0) {
                    assertThat(String.valueOf((char) c).toLowerCase(Locale.ROOT))
                            .as("U+%04X", c)
                            .isEqualTo(String.valueOf(folded));
                }
            }
        }
    }

    @Test
    void thePaywallNotesFoundThroughThePiecesAreThoseTheSearchFinds() {
        List<String> notes = List.of(
                "To view the full story, please subscribe.",
                "to continue reading the rest of the article",
                "to read the whole story",
                "Pour lire la suite, abonnez-vous",
                "Um den Artikel weiterzulesen",
                "um diesen Artikel weiterzulesen",
                "Para seguir leyendo",
                "para continuar leyendo",
                "Aby przeczytać całość",
                "aby czytać dalej",
                "The whole story, in full",
                "Read the full report");
        assertFoundAsSearched(
                notes,
                TrailingNotes.PAYWALL,
                TrailingNotes::isPaywallNote,
                text -> TrailingNotes.PAYWALL.matcher(text).find());
    }

    @Test
    void aCharacterIsFoldedToAPromptPiecesCharacterExactlyWhenTheRegexMatchesOneWithTheOther() {
        Set<Character> pieceCharacters = new TreeSet<>();
        TrailingNotes.PROMPT_PIECES.forEach(piece -> piece.chars().forEach(c -> pieceCharacters.add((char) c)));
        for (char p : pieceCharacters) {
            Pattern one = Pattern.compile("(?iU)" + Pattern.quote(String.valueOf(p)));
            for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
                String s = String.valueOf((char) c);
                assertThat(TrailingNotes.folded(s).equals(String.valueOf(p)))
                        .as("U+%04X against %s", c, p)
                        .isEqualTo(one.matcher(s).matches());
            }
        }
    }

    @Test
    void thePromptsFoundThroughThePiecesAreThoseTheSearchFinds() {
        List<String> prompts = List.of(
                "Subscribe now",
                "sign up here",
                "Log in to comment",
                "login to continue",
                "Support us",
                "supporting our work",
                "Become a patron",
                "Get our free newsletter",
                "Follow the team on Instagram",
                "Letters to the editor",
                "Donate",
                "make a donation",
                "To continue reading the rest of the story",
                "Visit our online shop",
                "Abonniere jetzt",
                "Abonnieren Sie",
                "jetzt abonnieren",
                "Unterstütze uns",
                "Unterstützen Sie",
                "Folgen Sie uns",
                "Werden Sie Mitglied",
                "zum Newsletter",
                "in deinen Posteingang",
                "Jetzt spenden",
                "jede noch so kleine Spende",
                "mit Ihrer Spende",
                "Registrieren Sie sich",
                "Lesen Sie das ganze Magazin",
                "die aktuelle Ausgabe",
                "unseren Buch-Shop",
                "Abonnez-vous",
                "s'abonner",
                "Soutenez-nous",
                "faites un don",
                "Suivez-nous",
                "notre newsletter",
                "Lire la suite",
                "Connectez-vous",
                "Suscríbete",
                "síguenos",
                "seguirnos a diario en Telegram",
                "apoya el periodismo",
                "Hazte socio",
                "Hágase miembro",
                "canal de YouTube",
                "haz una donación",
                "dona ahora",
                "Assine",
                "apoie",
                "Siga-nos",
                "Abbonati",
                "iscriviti",
                "Seguici",
                "Sostieni",
                "Zaprenumeruj",
                "wykup dostęp",
                "Wesprzyj nas",
                "Obserwuj nas",
                "Czytaj więcej w",
                "Zaloguj się",
                "Subscribers and donations",
                "The newsletters of the month?");
        assertFoundAsSearched(
                prompts,
                TrailingNotes.PROMPT,
                text -> TrailingNotes.isPrompt(text),
                text -> TrailingNotes.PROMPT.matcher(text).find() && !text.endsWith("?"));
    }

    @Test
    void theNoticesFoundThroughThePiecesAreThoseTheSearchFinds() {
        List<String> notices = List.of(
                "All rights reserved",
                "Copyrighted material",
                "You must be logged in to post",
                "Comments are closed",
                "Your email will not be published",
                "Click to load the external content",
                "Views do not necessarily reflect ours",
                "Opinions expressed are the author's",
                "Kommentare geben nicht die Meinung der Redaktion wieder",
                "n'engagent que leur auteur",
                "no necesariamente reflejan la opinión",
                "wyrażają wyłącznie opinie autorów",
                "Sie müssen sich einloggen",
                "Kommentare sind derzeit geschlossen",
                "wird nicht veröffentlicht",
                "Alle Rechte vorbehalten",
                "Nachdruck verboten",
                "Angaben ohne Gewähr",
                "Um den Inhalt von YouTube zu laden",
                "Tous droits réservés",
                "ne sera pas publiée",
                "Les commentaires sont fermés",
                "Charger le contenu",
                "Todos los derechos reservados",
                "no será publicado",
                "Cargar el contenido",
                "chronione prawem autorskim",
                "Wszelkie prawa zastrzeżone",
                "nie zostanie opublikowany",
                "Die Inhalte dieser Webseite stehen unter",
                "Text on this website is licensed under CC BY",
                "Contenidos de este sitio están bajo licencia",
                "The reserve was closed");
        assertFoundAsSearched(
                notices,
                TrailingNotes.NOTICE,
                text -> TrailingNotes.isNotice(text),
                text -> TrailingNotes.NOTICE.matcher(text).find());
    }

    /**
     * Whether {@code found}, the search through the pieces, agrees with {@code searched}, the search alone,
     * on variants of {@code samples} (case, the long s, the dotless and dotted i, the Kelvin sign, words
     * before and after) and on generated lines of the pattern's words, mostly in their order there.
     */
    private static void assertFoundAsSearched(
            List<String> samples, Pattern pattern, Predicate<String> found, Predicate<String> searched) {
        Random random = new Random(14);
        for (String sample : samples) {
            for (int variant = 0; variant < 100; variant++) {
                StringBuilder s = new StringBuilder(random.nextBoolean() ? "" : "Bitte: ");
                for (char c : sample.toCharArray()) {
                    s.append(
                            switch (random.nextInt(6)) {
                                case 0 -> Character.toUpperCase(c);
                                case 1 -> c == 's' ? '\u017f' : c == 'i' ? '\u0131' : c == 'k' ? '\u212a' : c;
                                case 2 -> c == 'i' ? '\u0130' : c == 'S' ? 's' : c;
                                default -> c;
                            });
                }
                s.append(random.nextBoolean() ? "" : " today.");
                String text = s.toString();
                assertThat(found.test(text)).as(text).isEqualTo(searched.test(text));
            }
        }
        List<String> words = List.of(pattern.pattern().split("[^\\p{L}'-]+"));
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            int at = random.nextInt(words.size());
            for (int n = 1 + random.nextInt(5), w = 0; w < n; w++) {
                s.append(w == 0 ? "" : " ").append(words.get(Math.min(at, words.size() - 1)));
                at += 1 + random.nextInt(4);
            }
            for (String text : List.of(s.toString(), s.toString().toUpperCase(Locale.ROOT))) {
                assertThat(found.test(text)).as(text).isEqualTo(searched.test(text));
            }
        }
    }
}
