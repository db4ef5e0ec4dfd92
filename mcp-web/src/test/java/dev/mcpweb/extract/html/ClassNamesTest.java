package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassNamesTest {
    @Test
    void namesAreFoundInALowerCaseSetAsLowerCasingEachNameFindsThem() {
        List<String> names = List.of("hidden", "sr-only", "d-none");
        for (String cls : List.of(
                "a HIDDEN b", "x\tSr-Only", "d-none", "hiddenx", "ſr-only", "hİdden", "\u212Aidden", "none", "")) {
            assertThat(ClassNames.anyLowerCasedIn(cls, names))
                    .as(cls)
                    .isEqualTo(ClassNames.anyMatch(cls, n -> names.contains(n.toLowerCase(Locale.ROOT))));
        }
    }

    @Test
    void theHiddenPiecesRuleOutOnlyClassAttributesWithNoHiddenName() {
        // the hidden names themselves (one added there that mayHoldHiddenClass misses fails here), then
        // variants and fragments of them
        List<String> pieces = new ArrayList<>(Boilerplate.HIDDEN_CLASSES);
        pieces.addAll(List.of(
                "HIDE",
                "Sr-Only",
                "OffScreen",
                "hid",
                "hi",
                "den",
                "none",
                "d-",
                "only",
                "sr",
                "reader",
                "invis",
                "ible",
                "off",
                "screen",
                "x",
                "-",
                "\u212A",
                "\u0130",
                "\u017F",
                "\u00e9",
                " ",
                "\t",
                "\n",
                "\u000B"));
        Random random = new Random(16);
        int hidden = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder cls = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                cls.append(pieces.get(random.nextInt(pieces.size())));
            }
            String attribute = cls.toString().trim();
            boolean expected = ClassNames.anyMatch(attribute, Boilerplate::isHiddenClass);
            assertThat(Boilerplate.hasHiddenClass(attribute)).as(attribute).isEqualTo(expected);
            hidden += expected ? 1 : 0;
        }
        assertThat(hidden).isGreaterThan(10_000);
    }
}
