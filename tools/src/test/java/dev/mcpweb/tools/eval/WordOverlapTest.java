package dev.mcpweb.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WordOverlapTest {
    @Test
    void overlapCountsRepeatedWordsOnlyAsOftenAsBothTextsHaveThem() {
        WordOverlap s = WordOverlap.score("the cat the cat the", "The cat sat on the mat");

        // predicted: the×3 cat×2 (5); reference: the×2 cat sat on mat (6); overlap: the×2 + cat = 3
        assertThat(s.precision()).isCloseTo(3.0 / 5, within(1e-9));
        assertThat(s.recall()).isCloseTo(3.0 / 6, within(1e-9));
        assertThat(s.f1()).isCloseTo(2 * 0.6 * 0.5 / 1.1, within(1e-9));
    }

    @Test
    void wordsAreUnicodeWordCharactersCaseFolded() {
        WordOverlap s = WordOverlap.score("STRASSE Straße café—東京", "straße Café 東京 strasse");

        assertThat(s.f1()).isEqualTo(1.0);
    }

    @Test
    void emptyTextsScoreAsTheBenchmarkDefines() {
        assertThat(WordOverlap.score("", "").f1()).isEqualTo(1.0);
        assertThat(WordOverlap.score("something", "").f1()).isZero();
        assertThat(WordOverlap.score("", "reference words").f1()).isZero();
        assertThat(WordOverlap.score("unrelated", "reference words").f1()).isZero();
    }

    @Test
    void snippetsAreComparedWithWhiteSpaceCollapsedAndCaseFolded() {
        assertThat(WordOverlap.normalize("  Hello\n\n  World\t!  ")).isEqualTo("hello world !");
    }

    @Test
    void foldingMapsTypographicQuotesAndDashesToAscii() {
        assertThat(WordOverlap.fold("It\u2019s \u201cfine\u201d \u2014 really\u2026"))
                .isEqualTo("it's \"fine\" - really...");
    }
}
