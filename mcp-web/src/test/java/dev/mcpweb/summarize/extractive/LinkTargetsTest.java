package dev.mcpweb.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LinkTargetsTest {
    /** The regular expression the summarizer used to drop link targets, which the hand-written scan replaces. */
    private static final Pattern LINK =
            Pattern.compile("\\[([^\\[\\]]*)\\]\\((?:[^()\\s]|\\([^()]*\\))*+(?:\\s+\"[^\"]*\")?\\)");

    @Test
    void linksBecomeTheirTextAsTheRegularExpressionMadeThem() {
        List<String> pieces = List.of(
                "[",
                "]",
                "(",
                ")",
                "\"",
                " ",
                "\t",
                "\n",
                "a",
                "é",
                "\uD83D\uDE00",
                "](",
                "![",
                "[x](https://a.b/c)",
                "[t](u \"title\")",
                "[a](b(c))",
                "[a](b (c)",
                "[](x)",
                "\" )",
                "word");
        Random random = new Random(18);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(16); n > 0; n--) {
                s.append(pieces.get(random.nextInt(pieces.size())));
            }
            String text = s.toString();
            assertThat(MarkdownPassages.withoutLinkTargets(text))
                    .as("%s", text)
                    .isEqualTo(LINK.matcher(text).replaceAll("$1"));
        }
    }

    @Test
    void aLinkWithATitleOrParenthesesInItsTargetKeepsOnlyItsText() {
        assertThat(MarkdownPassages.withoutLinkTargets(
                        "See [the docs](https://x.org/a_(b) \"Docs\") and [`gap`](u), not [x] (y) or [z](w."))
                .isEqualTo("See the docs and `gap`, not [x] (y) or [z](w.");
    }
}
