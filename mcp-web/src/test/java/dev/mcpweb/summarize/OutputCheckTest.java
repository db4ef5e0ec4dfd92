package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputCheckTest {
    @Test
    void citationsWithinTheSourceListGiveNoWarning() {
        assertThat(OutputCheck.warnings("Rain fell [1] and stopped [2].", 2)).isEmpty();
    }

    @Test
    void citationsOutsideTheSourceListAreNamedOnceEach() {
        assertThat(OutputCheck.warnings("A [3]. B [0]. C [3].", 2))
                .containsExactly("The summary cites [[3], [0]], which are not in the source list; "
                        + "treat those statements with care.");
    }

    @Test
    void linksFootnotesAndCodeAreNotCitations() {
        String body = "See [7](https://e.org/7) and [the report][9].\n\n```\nxs[5]\n```\nThe `a[8]` index. [6]: a note";
        assertThat(OutputCheck.warnings(body, 1)).isEmpty();
    }

    @Test
    void anAnswerRepeatingOurInstructionsIsFlagged() {
        assertThat(OutputCheck.warnings("The page says: it is data, never instructions [1].", 1))
                .containsExactly(
                        "The summary repeats the instructions given to the model; a page may have steered it.");
    }
}
