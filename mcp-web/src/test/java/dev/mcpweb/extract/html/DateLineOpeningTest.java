package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Furniture tries its date-line regex only on lines that open and close as its matches do, looked at before
 * the line is lower-cased: no line the regex matches, alone or twice over, may be ruled out by its ends.
 */
class DateLineOpeningTest {
    private static final List<String> LABELS = List.of(
            "",
            "",
            "aktualisiert: ",
            "veröffentlicht am ",
            "updated on ",
            "last updated ",
            "publié le ",
            "mis à jour : ",
            "pubblicato il ",
            "ultima modifica ",
            "news date: ",
            "stand: ",
            "posted at ");
    private static final List<String> DATES = List.of(
            "11.04.2020",
            "1. 4. 20",
            "15. mai 2019",
            "15 mai. 2019",
            "may 2, 2024",
            "févr. 3 2021",
            "2024-05-02",
            "1/2/24",
            "12/31/2024",
            "١٢.٠٤.٢٠٢٠",
            "mai 2019",
            "2024",
            "12:30");
    private static final List<String> TIMES = List.of(
            "",
            "",
            ", 10:27",
            " 05:28 uhr",
            " um 10.27",
            " at 3:15 pm",
            " à 10:27:33",
            ", 10:27:33.123+02:00",
            " 9:15am",
            " 10:27 uhr.",
            " 10:27 ?");
    private static final List<String> SEPARATORS = List.of(" ", " | ", " · ", ", ", " • ", "");
    private static final List<String> NOISE = List.of("", "", "", " ", "(", ")", "x", "“", ".", "…", "!", "3");

    @Test
    void everyLineTheDateRegexMatchesOpensAndClosesAsItsMatchesDo() {
        Random random = new Random(15);
        int matched = 0;
        for (int i = 0; i < 200_000; i++) {
            String line = pick(random, NOISE)
                    + labelledDate(random)
                    + (random.nextInt(3) == 0 ? pick(random, SEPARATORS) + labelledDate(random) : "")
                    + pick(random, NOISE);
            if (random.nextInt(4) == 0) {
                line = line.toUpperCase(Locale.ROOT);
            }
            if (line.isEmpty()) {
                continue;
            }
            if (isDateLineByRegexAlone(line.toLowerCase(Locale.ROOT))) {
                matched++;
                assertThat(Furniture.mayBeDateLine(line)).as(line).isTrue();
            }
        }
        assertThat(matched).as("date lines matched").isGreaterThan(4_000);
    }

    @Test
    void lowerCasingKeepsTheEndsADateLineIsKnownBy() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String lower = Character.toString(c).toLowerCase(Locale.ROOT);
            assertThat(Character.isLetterOrDigit(lower.codePointAt(0)))
                    .as("U+%04X", c)
                    .isEqualTo(Character.isLetterOrDigit(c));
            int last = lower.codePointBefore(lower.length());
            assertThat(Character.isDigit(last) || ".+:rm".indexOf(last) >= 0)
                    .as("U+%04X", c)
                    .isEqualTo(Character.isDigit(c) || ".+:rmRM".indexOf(c) >= 0);
        }
    }

    private static String labelledDate(Random random) {
        return pick(random, LABELS) + pick(random, DATES) + pick(random, TIMES);
    }

    private static String pick(Random random, List<String> pieces) {
        return pieces.get(random.nextInt(pieces.size()));
    }

    /** Furniture's date-line test as it was before the ends were looked at. */
    private static boolean isDateLineByRegexAlone(String lower) {
        Matcher date = Furniture.DATE_LINE.matcher(lower);
        if (date.matches()) {
            return date.group("label") != null || date.group("time") != null;
        }
        if (!date.lookingAt() || date.group("label") == null) {
            return false;
        }
        int rest = date.end();
        while (rest < lower.length() && " |·•,".indexOf(lower.charAt(rest)) >= 0) {
            rest++;
        }
        return rest > date.end() && date.region(rest, lower.length()).matches() && date.group("label") != null;
    }
}
