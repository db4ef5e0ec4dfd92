package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HiddenStyleTest {
    @Test
    void findsWhatTheHiddenStylePatternFindsInGeneratedStyles() {
        // pieces of declarations in mixed case, every regex white space, and characters whose case rules reach
        // beyond ASCII (the dotless i and the long s match i and s in regionMatches but not in the pattern)
        String[] pieces = {
            "display",
            "DISPLAY",
            "Display",
            "visibility",
            "VISIBILITY",
            "none",
            "NONE",
            "hidden",
            "Hidden",
            ":",
            ";",
            " ",
            "\t",
            "\n",
            "\u000b",
            "\f",
            "\r",
            "\u00a0",
            "x",
            "block",
            "color:red",
            "d\u0131splay",
            "di\u017fplay",
            "visibil\u0131ty",
            "hidde",
            "non",
            "display:none",
            ";Visibility :hidden"
        };
        Random random = new Random(15);
        int hidden = 0;
        for (int i = 0; i < 300_000; i++) {
            StringBuilder style = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                style.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = style.toString();
            boolean expected = Boilerplate.HIDDEN_STYLE.matcher(s).find();
            assertThat(Boilerplate.hasHiddenStyle(s)).as(s).isEqualTo(expected);
            hidden += expected ? 1 : 0;
        }
        assertThat(hidden).isGreaterThan(1_000);
    }
}
