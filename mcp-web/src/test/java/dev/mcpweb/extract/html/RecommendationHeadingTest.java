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
 * Boilerplate searches a heading for a recommendation only when its folded text holds one of the pieces
 * every match holds: these tests check the pieces against the regexes on lines made of the regexes' own
 * words, and that each piece is needed.
 */
class RecommendationHeadingTest {

    private static final Pattern HEADING = Boilerplate.RECOMMENDATION_HEADING;
    private static final Pattern ELSEWHERE = Boilerplate.RECOMMENDATION_HEADING_ELSEWHERE;

    @Test
    void theHeadingsFoundThroughThePiecesAreThoseTheSearchFinds() {
        for (String line : lines(HEADING)) {
            assertThat(Boilerplate.isRecommendationHeading(line))
                    .as(line)
                    .isEqualTo(HEADING.matcher(line).find());
        }
        for (String line : lines(ELSEWHERE)) {
            assertThat(Boilerplate.isRecommendationHeadingElsewhere(line))
                    .as(line)
                    .isEqualTo(ELSEWHERE.matcher(line).find());
        }
    }

    @Test
    void everyPieceIsNeededByALineTheSearchFinds() {
        assertEveryPieceNeeded(Boilerplate.RECOMMENDATION_PIECES, HEADING);
        assertEveryPieceNeeded(Boilerplate.RECOMMENDATION_PIECES_ELSEWHERE, ELSEWHERE);
    }

    /** Without any one of {@code pieces}, the pre-check would rule out a line {@code regex} finds a match in. */
    private static void assertEveryPieceNeeded(List<String> pieces, Pattern regex) {
        List<String> found =
                lines(regex).stream().filter(l -> regex.matcher(l).find()).toList();
        for (String piece : pieces) {
            List<String> others = new ArrayList<>(pieces);
            others.remove(piece);
            String[][] byFirst = Furniture.byFirstCharacter(others);
            Predicate<String> missed = l -> !Furniture.holdsAny(TrailingNotes.folded(l), byFirst);
            assertThat(found).as("a line only %s lets through", piece).anyMatch(missed);
        }
    }

    /**
     * Lines of the words of {@code regex} in its order, with case and Unicode variants a case-insensitive
     * search matches ("ſ" for "s", the Kelvin sign for "k", dotted and dotless i), and every pair of words.
     */
    private static List<String> lines(Pattern regex) {
        List<String> words = List.of(regex.pattern().substring(6).split("[^\\p{L}']+")).stream()
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
