package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

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
}
