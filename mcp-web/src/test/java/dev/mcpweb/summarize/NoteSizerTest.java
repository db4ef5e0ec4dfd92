package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoteSizerTest {
    private final NoteSizer sizer = new NoteSizer(MapReduceSummarizerTest.TOKENS);

    @Test
    void aNoteCostsItsLabelItsTextAndTheJoinBetweenNotes() {
        Note note = sizer.note("[1]", "Rain fell all week.");
        assertThat(note.cost())
                .isEqualTo(MapReduceSummarizerTest.TOKENS.applyAsInt("[1]")
                        + MapReduceSummarizerTest.TOKENS.applyAsInt("Rain fell all week.")
                        + 2);
        assertThat(NoteSizer.size(List.of(note, note))).isEqualTo(2 * note.cost());
    }

    @Test
    void notesAreJoinedLabelFirstWithABlankLineBetween() {
        assertThat(NoteSizer.join(List.of(sizer.note("[1]", "A."), sizer.note("[2] (Intro)", "B."))))
                .isEqualTo("[1] A.\n\n[2] (Intro) B.");
    }

    @Test
    void aTextThatFitsIsKeptWhole() {
        assertThat(sizer.cut("Short text.", 10)).isEqualTo("Short text.");
    }

    @Test
    void aLongTextIsCutToTheBudgetAndMarked() {
        String text = "The remaining sentences describe the measurements in ordinary detail. ".repeat(20);
        String cut = sizer.cut(text, 30);
        assertThat(cut).endsWith(" […]");
        assertThat(text).startsWith(cut.substring(0, cut.length() - " […]".length()));
        assertThat(MapReduceSummarizerTest.TOKENS.applyAsInt(cut)).isLessThanOrEqualTo(30);
    }
}
