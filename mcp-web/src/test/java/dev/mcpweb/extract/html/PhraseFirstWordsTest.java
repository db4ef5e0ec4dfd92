package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Furniture tries its phrase regexes only on lines opening with one of the words their matches open
 * with: no line the regexes match may be ruled out by its first word.
 */
class PhraseFirstWordsTest {
    private static final List<String> MARKS =
            List.of("12", "3", "1,234", ":", "?", "&", "-", "(", ")", "'", "’", "!", "…", "2k", "$", "#", "٣", "“");

    private int matches;

    @Test
    void everyLineAPhraseMatchesOpensWithOneOfItsFirstWords() {
        for (String line : List.of(
                "skip to the main content",
                "advertisements",
                "story continues after this advertisement",
                "share this recipe on facebook x email",
                "like it? share it",
                "login",
                "signin",
                "log in to reply",
                "let's connect",
                "lets connect",
                "already have an account? log in",
                "12 comments",
                "5 minutes read",
                "page 2 of 7",
                "subscribe to the baker's weekly",
                "view all posts by jane doe",
                "see the price at amazon",
                "view it on amazon now",
                "read more: the rest of it",
                "related: other stories",
                "you might also like: bread",
                "request your free baking lesson today",
                "get the free ebook",
                "add to wish list",
                "in stock",
                "showing 1–20 of 1,204 results",
                "join date: may 2020",
                "reaction score: 1,204",
                "likes received: 2.5k",
                "asked 8 years, 2 months ago",
                "viewed 38k times")) {
            assertThat(check(line, Furniture.PHRASE, Furniture.PHRASE_FIRST_WORDS, Furniture.PHRASE_OPENING_MARKS))
                    .as(line)
                    .isTrue();
        }
        for (String line : List.of(
                "hier weiter",
                "zurück zur übersicht",
                "das könnte sie auch interessieren",
                "à lire aussi",
                "mots-clés",
                "czytaj więcej",
                "dowiedz się więcej",
                "udostępnij",
                "alle 12 kommentare anzeigen",
                "(noch keine bewertungen)",
                "noch keine bewertungen",
                "3 minuty czytania",
                "das thema könnte dich auch interessieren",
                "ähnliche beiträge",
                "war dieser artikel hilfreich",
                "möchten sie den artikel teilen",
                "zurück zum hauptmenü",
                "veröffentlicht am",
                "pubblicità")) {
            assertThat(check(
                            line,
                            Furniture.PHRASE_ELSEWHERE,
                            Furniture.PHRASE_ELSEWHERE_FIRST_WORDS,
                            Furniture.PHRASE_ELSEWHERE_OPENING_MARKS))
                    .as(line)
                    .isTrue();
        }
    }

    @Test
    void noGeneratedLineAPhraseMatchesIsRuledOutByItsFirstWord() {
        matches = 0;
        checkGenerated(Furniture.PHRASE, Furniture.PHRASE_FIRST_WORDS, Furniture.PHRASE_OPENING_MARKS);
        assertThat(matches).as("lines PHRASE matches").isGreaterThan(2_000);
        matches = 0;
        checkGenerated(
                Furniture.PHRASE_ELSEWHERE,
                Furniture.PHRASE_ELSEWHERE_FIRST_WORDS,
                Furniture.PHRASE_ELSEWHERE_OPENING_MARKS);
        assertThat(matches).as("lines PHRASE_ELSEWHERE matches").isGreaterThan(1_000);
    }

    @Test
    void everyDatedBylineHoldsOneOfItsWordsBeforeASpace() {
        for (String line : List.of(
                "von Anja Schmoll-Trautmann am 14. Mai 2014, 15:40 Uhr",
                "By Sarah Yang Updated May 06, 2019",
                "4. Mai 2018 von Annette Henkel",
                "Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion",
                "Par Jean Dupont le 12/05/2020",
                "Por María López el 12/05/2020",
                "di Mario Rossi 12.05.2020",
                "Przez Jan Kowalski 2020-05-12",
                "12.05.2020 by Jane Doe",
                "Von Jane Doe 12.05.2020")) {
            assertThat(Furniture.DATED_BYLINE.matcher(line).matches()).as(line).isTrue();
            assertThat(Furniture.isFurniture(line)).as(line).isTrue();
        }
    }

    @Test
    void everyCreditLineOpensWithOneOfTheCreditsFirstWordsLowerCased() {
        List<String> credits = List.of(
                "Written by Jane Doe",
                "Posted by Jane Doe on May 2, 2024",
                "Medically reviewed by Dr. Jane Doe",
                "Reviewed by Jane Doe | Editor",
                "Fact-checked by Jane Doe",
                "Fact checked by Jane Doe 5 min read",
                "Edited by Jane",
                "By Jane Doe | May 2, 2025",
                "Image credit: NASA",
                "(Photo: Reuters)",
                "Photo courtesy of the family",
                "Photograph by Jane Doe",
                "Picture source: archive",
                "Illustration: Jane Doe",
                "Foto: dpa",
                "Fotos: Jane Doe",
                "Fotografie : Jane Doe",
                "Bild: Theater",
                "Crédit photo : AFP",
                "Crédito: EFE",
                "Crédits photos: AFP",
                "Zdjęcie: PAP",
                "Quelle: dpa");
        Random random = new Random(14);
        for (String credit : credits) {
            for (int variant = 0; variant < 50; variant++) {
                String line =
                        random.nextBoolean() ? credit : Character.toLowerCase(credit.charAt(0)) + credit.substring(1);
                line = random.nextBoolean() ? line : line + " and partners";
                assertThat(Furniture.CREDIT.matcher(line).matches() || line.endsWith("partners"))
                        .as(line)
                        .isTrue();
                if (Furniture.CREDIT.matcher(line).matches()) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    assertThat(Furniture.mayOpen(
                                    lower,
                                    Furniture.firstWord(lower),
                                    Furniture.CREDIT_FIRST_WORDS,
                                    Furniture.CREDIT_OPENING_MARKS))
                            .as(line)
                            .isTrue();
                }
            }
        }
    }

    /**
     * Every word of the pattern and a few numbers and marks, one word or two, and random runs of up to six
     * where each word is mostly one of the four that follow the one before in the pattern, as the words of
     * its alternatives do ("watch this topic"); in lower case, upper case, and with a capital.
     */
    private void checkGenerated(Pattern phrase, Set<String> firstWords, String openingMarks) {
        List<String> inOrder = new ArrayList<>();
        for (String word : phrase.pattern().split("[^\\p{L}]+")) {
            // "d" and "w" are what is left of \d and \w
            inOrder.add(word.equals("d") ? "12" : word.equals("w") ? "bread" : word);
        }
        inOrder.remove("");
        List<String> words = new ArrayList<>(new TreeSet<>(inOrder));
        words.addAll(MARKS);
        for (String a : words) {
            check(a, phrase, firstWords, openingMarks);
            for (String b : words) {
                check(a + " " + b, phrase, firstWords, openingMarks);
                check(a + b, phrase, firstWords, openingMarks);
                check(a + ": " + b, phrase, firstWords, openingMarks);
            }
        }
        Random random = new Random(14);
        for (int i = 0; i < 300_000; i++) {
            StringBuilder line = new StringBuilder();
            int at = random.nextInt(inOrder.size());
            for (int n = 1 + random.nextInt(6), w = 0; w < n; w++) {
                if (w > 0) {
                    line.append(random.nextInt(10) == 0 ? "" : " ");
                }
                String word = random.nextInt(10) == 0
                        ? words.get(random.nextInt(words.size()))
                        : inOrder.get(Math.min(at, inOrder.size() - 1));
                line.append(word);
                at += 1 + random.nextInt(4);
            }
            String s = line.toString();
            check(s, phrase, firstWords, openingMarks);
            check(s.toUpperCase(Locale.ROOT), phrase, firstWords, openingMarks);
            check(Character.toUpperCase(s.charAt(0)) + s.substring(1), phrase, firstWords, openingMarks);
        }
    }

    /** Whether {@code phrase} matches {@code line}, failing when the first word would have ruled it out. */
    private boolean check(String line, Pattern phrase, Set<String> firstWords, String openingMarks) {
        boolean matched = phrase.matcher(line).matches();
        if (matched) {
            matches++;
            assertThat(Furniture.mayOpen(line, Furniture.firstWord(line), firstWords, openingMarks))
                    .as(line)
                    .isTrue();
        }
        return matched;
    }
}
