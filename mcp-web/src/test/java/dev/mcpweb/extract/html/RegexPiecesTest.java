package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Boilerplate searches a heading for a recommendation, CommentSections for a comment heading, and ClosingNotes a paragraph for a prompt, only when
 * its folded text holds one of the pieces every match holds: these tests check the pieces against the
 * regexes on lines made of the regexes' own words, and that each piece is needed.
 */
class RegexPiecesTest {

    /** Prompts whose words the regex splits (a character class, a hyphen) or spreads apart. */
    private static final List<String> PROMPTS = List.of(
            "Follow us on Twitter",
            "follow the Guardian on Instagram",
            "Get our app",
            "Get the app",
            "Download the free Example app",
            "Install the news apps",
            "Suscríbete",
            "suscribirte",
            "Síguenos",
            "siguenos",
            "Hágase miembro",
            "hagase miembro",
            "Únete",
            "unete al canal",
            "Siga-nos",
            "Suivez-nous",
            "s'abonner",
            "Folge uns",
            "Folgen Sie uns",
            "Zapisz się do subskrypcji",
            "Letter to the editor");

    /** Comment headings with the numbers and marks the regex allows around its words. */
    private static final List<String> COMMENT_HEADINGS = List.of(
            "3 Comments",
            "One Response",
            "12 Replies",
            "Kommentare (12)",
            "Top Rated Comments",
            "Readers' comments",
            "Leave a Reply",
            "Post your comment",
            "Schreiben Sie einen Kommentar verfassen",
            "Schreibe einen Kommentar",
            "Laissez un commentaire",
            "Dodaj komentarz",
            "Deja tu comentario",
            "Comentários",
            "What do you think?");

    @Test
    void theHeadingsAndPromptsFoundThroughThePiecesAreThoseTheSearchFinds() {
        assertSameAsSearch(CommentSections.COMMENT_HEADING, CommentSections::isCommentHeading, COMMENT_HEADINGS);
        assertSameAsSearch(Boilerplate.RECOMMENDATION_HEADING, Boilerplate::isRecommendationHeading, List.of());
        assertSameAsSearch(
                Boilerplate.RECOMMENDATION_HEADING_ELSEWHERE, Boilerplate::isRecommendationHeadingElsewhere, List.of());
        assertSameAsSearch(ClosingNotes.PROMPT, ClosingNotes::namesAnAction, PROMPTS);
    }

    @Test
    void everyPieceIsNeededByALineTheSearchFinds() {
        assertEveryPieceNeeded(
                CommentSections.COMMENT_HEADING_PIECES, CommentSections.COMMENT_HEADING, COMMENT_HEADINGS);
        assertEveryPieceNeeded(Boilerplate.RECOMMENDATION_PIECES, Boilerplate.RECOMMENDATION_HEADING, List.of());
        assertEveryPieceNeeded(
                Boilerplate.RECOMMENDATION_PIECES_ELSEWHERE, Boilerplate.RECOMMENDATION_HEADING_ELSEWHERE, List.of());
        assertEveryPieceNeeded(ClosingNotes.PROMPT_PIECES, ClosingNotes.PROMPT, PROMPTS);
    }

    private static void assertSameAsSearch(Pattern regex, Predicate<String> test, List<String> examples) {
        for (String line : lines(regex, examples)) {
            assertThat(test.test(line)).as(line).isEqualTo(regex.matcher(line).find());
        }
    }

    /** Without any one of {@code pieces}, the pre-check would rule out a line {@code regex} finds a match in. */
    private static void assertEveryPieceNeeded(List<String> pieces, Pattern regex, List<String> examples) {
        List<String> found = lines(regex, examples).stream()
                .filter(l -> regex.matcher(l).find())
                .toList();
        for (String piece : pieces) {
            List<String> others = new ArrayList<>(pieces);
            others.remove(piece);
            String[][] byFirst = Furniture.byFirstCharacter(others);
            Predicate<String> missed = l -> !Furniture.holdsAny(TrailingNotes.folded(l), byFirst);
            assertThat(found).as("a line only %s lets through", piece).anyMatch(missed);
        }
    }

    /**
     * {@code examples} and lines of the words of {@code regex} in its order, every pair of its words, with
     * case and Unicode variants a case-insensitive search matches ("ſ" for "s", the Kelvin sign for "k",
     * dotted and dotless i).
     */
    private static List<String> lines(Pattern regex, List<String> examples) {
        List<String> words = List.of(regex.pattern().substring(6).split("[^\\p{L}'-]+")).stream()
                .filter(w -> !w.isEmpty())
                .toList();
        List<String> lines = new ArrayList<>();
        for (String a : words) {
            lines.add(a);
            for (String b : words) {
                lines.add(a + " " + b);
            }
        }
        Random random = new Random(13);
        for (String example : examples) {
            lines.add(example);
            for (int i = 0; i < 100; i++) {
                lines.add(variant(example, random));
            }
        }
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "" : "Unsere ");
            int at = random.nextInt(words.size());
            for (int n = 1 + random.nextInt(4), w = 0; w < n; w++) {
                s.append(w == 0 ? "" : " ").append(words.get(Math.min(at, words.size() - 1)));
                at += 1 + random.nextInt(3);
            }
            String line = s.toString();
            lines.add(line);
            lines.add(line.toUpperCase(Locale.ROOT));
            lines.add(variant(line, random));
        }
        return lines;
    }

    private static String variant(String line, Random random) {
        StringBuilder s = new StringBuilder();
        for (char c : line.toCharArray()) {
            s.append(
                    switch (random.nextInt(6)) {
                        case 0 -> Character.toUpperCase(c);
                        case 1 -> c == 's' ? '\u017f' : c == 'i' ? '\u0131' : c == 'k' ? '\u212a' : c;
                        case 2 -> c == 'i' ? '\u0130' : c;
                        default -> c;
                    });
        }
        return s.toString();
    }
}
