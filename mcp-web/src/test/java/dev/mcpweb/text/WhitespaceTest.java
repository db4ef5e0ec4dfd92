package dev.mcpweb.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.RandomText;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WhitespaceTest {
    @Test
    void runsOfWhiteSpaceBecomeOneSpaceAsTheRegularExpressionMadeThem() {
        String alphabet = " \t\n\u000B\f\r\u00A0\u2003\u3000ab.";
        Random random = new Random(18);
        for (int k = 0; k < 5_000; k++) {
            String text = RandomText.of(random, alphabet, 30);
            assertThat(Whitespace.collapse(text))
                    .as(
                            "%s",
                            text.codePoints()
                                    .mapToObj(c -> String.format("U+%04X", c))
                                    .toList())
                    .isEqualTo(text.replaceAll("\\s+", " "));
        }
    }
}
