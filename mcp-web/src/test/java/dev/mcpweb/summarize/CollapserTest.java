package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CollapserTest {
    private StepFixture fixture = new StepFixture(16_000, Map.of());
    private final NoteSizer sizer = new NoteSizer(MapReduceSummarizerTest.TOKENS);

    @AfterEach
    void close() {
        fixture.close();
    }

    private Collapser collapser() {
        return new Collapser(fixture.brief, fixture.budget, fixture.config, fixture.run);
    }

    private List<Note> notes(int n, int sentences) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            notes.add(sizer.note(
                    "[" + (i % 2 + 1) + "] (Part " + i + ")",
                    "NOTE-%03d opens the notes. ".formatted(i)
                            + "The rest repeats the ordinary measurements in detail. ".repeat(sentences)));
        }
        return notes;
    }

    @Test
    void notesThatFitTheFinalCallAreLeftAsTheyAreWithoutAnyCall() throws Exception {
        List<Note> notes = notes(3, 2);

        assertThat(collapser().collapse(notes)).isEqualTo(notes);
        assertThat(fixture.llm.requests).isEmpty();
    }

    @Test
    void notesOverTheFinalCallsRoomAreCombinedInGroupsKeepingTheirSourceNumbers() throws Exception {
        fixture.close();
        fixture = new StepFixture(4_000, Map.of("summarizer.max_tokens", "512"));
        List<Note> notes = notes(24, 30);

        List<Note> combined = collapser().collapse(notes);

        assertThat(NoteSizer.size(combined)).isLessThan(NoteSizer.size(notes));
        assertThat(fixture.llm.requests)
                .isNotEmpty()
                .allSatisfy(r ->
                        assertThat(r.system()).isEqualTo(Prompts.collapseSystem("page", java.util.Optional.empty())));
        assertThat(combined)
                .extracting(Note::label)
                .allSatisfy(l -> assertThat(l).matches("(\\[\\d])+"));
        assertThat(fixture.listener.progress).contains("collapse 0/" + fixture.llm.requests.size());
    }

    @Test
    void groupsKeepSourceOrderAndStayUnderTheRoom() {
        List<Note> notes = notes(10, 5);
        int room = notes.getFirst().cost() * 3;

        List<List<Note>> groups = collapser().groups(notes, room);

        assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(notes);
        assertThat(groups).allSatisfy(g -> assertThat(NoteSizer.size(g)).isLessThanOrEqualTo(room));
        assertThat(fixture.run.warnings()).isEmpty();
    }

    @Test
    void aNoteLongerThanAGroupIsCutAndSaidToBe() {
        List<Note> notes = notes(1, 200);

        List<List<Note>> groups = collapser().groups(notes, 300);

        assertThat(groups.getFirst().getFirst().text()).endsWith("[…]");
        assertThat(fixture.run.warnings())
                .singleElement()
                .satisfies(w ->
                        assertThat(w).startsWith("Notes on source [1] (Part 0) were longer than the model can take"));
    }

    @Test
    void aWindowTooSmallToCombineNotesIsAnErrorNamingTheOptions() {
        fixture.close();
        fixture = new StepFixture(600, Map.of("summarizer.max_tokens", "512"));

        assertThatThrownBy(() -> collapser().collapse(notes(2, 1)))
                .isInstanceOf(SummaryException.class)
                .hasMessageContaining("summarizer.context_window")
                .hasMessageContaining("summarizer.max_tokens");
    }
}
