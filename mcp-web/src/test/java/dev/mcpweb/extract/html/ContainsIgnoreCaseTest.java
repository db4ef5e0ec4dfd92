package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.RandomText;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Boilerplate#containsIgnoreCase} skips positions by their first character: the same answers as trying each. */
class ContainsIgnoreCaseTest {
    private static final List<String> WORDS =
            List.of("cookie", "consent", "none", "hidden", "yesterday", "gestern", "hier", "wp-caption-text", "Kelvin");

    @Test
    void everyCharacterInPlaceOfTheFirstIsJudgedAsRegionMatchesJudgesIt() {
        for (String word : WORDS) {
            for (char c = 0; c < Character.MAX_VALUE; c++) {
                String s = "x" + c + word.substring(1) + "y";
                assertThat(Boilerplate.containsIgnoreCase(s, word))
                        .as("U+%04X %s", (int) c, word)
                        .isEqualTo(tryingEach(s, word));
            }
        }
    }

    @Test
    void randomTextsGetTheAnswerOfTryingEachPosition() {
        Random random = new Random(14);
        String alphabet = "cCoOkKiIeEnNsStThHdDyYgGrR-\u212a\u017f\u0131\u0130 \u00e9";
        for (int i = 0; i < 200_000; i++) {
            String s = RandomText.of(random, alphabet, 12);
            String word = WORDS.get(random.nextInt(WORDS.size()));
            String text = random.nextBoolean() ? s : s + word.toUpperCase() + s;
            assertThat(Boilerplate.containsIgnoreCase(text, word)).as(text).isEqualTo(tryingEach(text, word));
        }
    }

    private static boolean tryingEach(String s, String word) {
        for (int i = 0; i <= s.length() - word.length(); i++) {
            if (s.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
