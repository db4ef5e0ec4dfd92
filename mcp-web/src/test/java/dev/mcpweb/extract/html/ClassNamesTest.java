package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
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
}
