package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Furniture reads a line's first word and its sentence words without lower-casing the whole line first. */
class FurnitureCaseTest {
    private static final List<String> SENTENCE_WORDS =
            List.of("commission", "affiliate", "©", "copyright", "(c) ", "rights reserved", "inbox", "newsletter");
    private static final List<String> BY_WORDS = List.of("by ", "von ", "par ", "por ", "di ", "przez ");
    private static final List<String> PIECES = List.of(
            "Commission",
            "COPYRIGHT",
            "(C) ",
            "©",
            "İnbox",
            "inBox",
            "DI ",
            "dİ ",
            "dI ",
            "By ",
            "BY",
            "Von ",
            "Przez ",
            "rights Reserved",
            "K",
            "\u212a",
            "İ",
            "ΣΑΣ",
            "Σ'Α",
            "ß",
            "Ǆ",
            "ǅ",
            "Ⓐ",
            "ﬀ",
            "𐐀",
            " ",
            "x",
            "1",
            ".",
            "Photo",
            "Über",
            "Éditer",
            "İstanbul",
            "\u0307",
            "zurück",
            "Read");

    @Test
    void noCharacterThatIsNoLetterLowerCasesToOne() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String s = Character.toString(c);
            if (!Character.isLetter(s.charAt(0))) {
                assertThat(Character.isLetter(s.toLowerCase(Locale.ROOT).charAt(0)))
                        .as("U+%04X", c)
                        .isFalse();
            }
        }
    }

    @Test
    void onlyTheDottedCapitalIAndTheKelvinSignLowerCaseToAsciiFromBeyondIt() {
        for (int c = 0x80; c <= Character.MAX_CODE_POINT; c++) {
            String lower = Character.toString(c).toLowerCase(Locale.ROOT);
            if (lower.chars().anyMatch(ch -> ch < 0x80)) {
                assertThat(c).as("U+%04X", c).isIn(0x130, 0x212a);
            }
        }
    }

    @Test
    void wordsAreFoundInALineAsInItsLowerCase() {
        Furniture.Words sentenceWords = new Furniture.Words(SENTENCE_WORDS);
        Furniture.Words byWords = new Furniture.Words(BY_WORDS);
        Random random = new Random(15);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = 1 + random.nextInt(6), p = 0; p < n; p++) {
                line.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String s = line.toString();
            String lower = s.toLowerCase(Locale.ROOT);
            assertThat(sentenceWords.foundIn(s))
                    .as(s)
                    .isEqualTo(Furniture.holdsAny(lower, Furniture.byFirstCharacter(SENTENCE_WORDS)));
            assertThat(byWords.foundIn(s))
                    .as(s)
                    .isEqualTo(Furniture.holdsAny(lower, Furniture.byFirstCharacter(BY_WORDS)));
            assertThat(Furniture.lowerCaseFirstWord(s)).as(s).isEqualTo(Furniture.firstWord(lower));
        }
    }
}
