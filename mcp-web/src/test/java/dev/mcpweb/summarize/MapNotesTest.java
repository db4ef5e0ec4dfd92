package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MapNotesTest {
    private final NoteSizer sizer = new NoteSizer(MapReduceSummarizerTest.TOKENS);
    private final List<String> warnings = new ArrayList<>();

    private static MapResult answered(int index, String text) {
        return new MapResult(StepFixture.chunk(index, 1, "Part " + index, "text"), Optional.of(text), Optional.empty());
    }

    private static MapResult failed(int index) {
        return MapResult.failed(StepFixture.chunk(index, 2, "Part " + index, "text"), "HTTP 503");
    }

    @Test
    void answersBecomeNotesLabelledBySourceAndSectionAndEmptyOrIrrelevantOnesAreDropped() throws Exception {
        List<Note> notes = MapNotes.of(
                List.of(answered(0, "Rain fell."), answered(1, "  "), answered(2, "**NOTHING_RELEVANT.**")),
                sizer,
                "fake",
                warnings);

        assertThat(notes)
                .extracting(Note::label, Note::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("[1] (Part 0)", "Rain fell."));
        assertThat(warnings).isEmpty();
    }

    @Test
    void failedSectionsAreNamedInOneWarningUpToEight() throws Exception {
        List<MapResult> results = new ArrayList<>(List.of(answered(0, "Rain fell.")));
        for (int i = 1; i <= 10; i++) {
            results.add(failed(i));
        }

        MapNotes.of(results, sizer, "fake", warnings);

        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .startsWith(
                                "10 of 11 sections could not be summarized and are missing: source [2] “Part 1” (HTTP 503)")
                        .contains("“Part 8”")
                        .doesNotContain("“Part 9”")
                        .endsWith("; and 2 more."));
    }

    @Test
    void whenEveryCallFailedThereIsNothingToSummarize() {
        assertThatThrownBy(() -> MapNotes.of(List.of(failed(0), failed(1)), sizer, "fake", warnings))
                .isInstanceOf(SummaryException.class)
                .hasMessage("every one of the 2 map calls to fake failed; the first said: HTTP 503");
    }
}
