package dev.mcpweb.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AsciiCaseTest {
    @Test
    void onlyCapitalsAToZBecomeSmall() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            char expected = c >= 'A' && c <= 'Z'
                    ? String.valueOf(c).toLowerCase(Locale.ROOT).charAt(0)
                    : c;
            assertThat(AsciiCase.lower(c)).as("U+%04X", (int) c).isEqualTo(expected);
        }
    }

    @Test
    void startsWithIgnoresTheCaseOfAsciiLettersOnly() {
        assertThat(AsciiCase.startsWith("x DISPLAY: none", 2, "display")).isTrue();
        assertThat(AsciiCase.startsWith("Application/LD+JSON", 0, "application/ld+json"))
                .isTrue();
        assertThat(AsciiCase.startsWith("\u212Aey", 0, "key")).isFalse(); // the Kelvin sign is no k here
        assertThat(AsciiCase.startsWith("displa", 0, "display")).isFalse(); // too short
        assertThat(AsciiCase.startsWith("display", 1, "display")).isFalse();
    }
}
