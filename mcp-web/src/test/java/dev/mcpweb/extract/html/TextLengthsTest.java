package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.RandomText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextLengthsTest {
    @Test
    void visibleLengthCountsEveryCharacterButJavaWhiteSpaceAndTheNoBreakSpace() {
        List<Character> miscounted = new ArrayList<>();
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            int expected = Character.isWhitespace(ch) || ch == '\u00a0' ? 0 : 1;
            if (TextLengths.visibleLength("a" + ch + "b") != expected + 2) {
                miscounted.add(ch);
            }
        }
        assertThat(miscounted).isEmpty();
    }

    @Test
    void aCappedCountIsTheCountUpToItsLimit() {
        java.util.Random random = new java.util.Random(14);
        String letters = "ab \u00a0\n\tc\u2003";
        for (int round = 0; round < 2_000; round++) {
            String s = RandomText.of(random, letters, 60);
            int limit = random.nextInt(50);
            assertThat(TextLengths.visibleLength(s, limit))
                    .as("%s up to %d", s, limit)
                    .isEqualTo(Math.min(TextLengths.visibleLength(s), limit));
        }
    }
}
