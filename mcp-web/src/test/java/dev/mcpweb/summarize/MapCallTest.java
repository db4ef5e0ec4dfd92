package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MapCallTest {
    private StepFixture fixture = new StepFixture(16_000, Map.of());

    @AfterEach
    void close() {
        fixture.close();
    }

    private MapCall call(NoteStore store) {
        return new MapCall(
                fixture.brief, fixture.budget, store, fixture.llm, fixture.config.temperature(), fixture.run);
    }

    /** Notes kept in a map, as the cache keeps them in its {@code map} namespace. */
    private static final class MapNoteStore implements NoteStore {
        final Map<String, String> kept = new ConcurrentHashMap<>();

        @Override
        public String notes(String key, Take take) throws dev.mcpweb.llm.LlmException {
            String found = kept.get(key);
            if (found == null) {
                found = take.take();
                kept.put(key, found);
            }
            return found;
        }
    }

    @Test
    void aChunksNotesComeFromTheModelWithThePageFencedAsData() throws Exception {
        MapResult r =
                call(NoteStore.NONE).take(StepFixture.chunk(0, 1, "Intro", "The bridge opened in 1932. It is long."));

        assertThat(r.text()).hasValue("The bridge opened in 1932.");
        assertThat(r.failure()).isEmpty();
        assertThat(fixture.llm.requests.getFirst().user()).contains("<page>").contains("Title: First");
    }

    @Test
    void theSameCallTwiceIsMadeOnceWhenTheNoteStoreKeepsIt() throws Exception {
        MapNoteStore store = new MapNoteStore();
        var chunk = StepFixture.chunk(0, 1, "Intro", "The bridge opened in 1932. It is long.");

        call(store).take(chunk);
        MapResult again = call(store).take(chunk);

        assertThat(again.text()).hasValue("The bridge opened in 1932.");
        assertThat(fixture.llm.requests).hasSize(1);
        assertThat(store.kept).hasSize(1);
    }

    @Test
    void aChunkTooLongForTheWindowIsCutAndSaidToBe() throws Exception {
        fixture.close();
        fixture = new StepFixture(1_200, Map.of("summarizer.max_tokens", "256"));
        String text = "The measurements were taken every hour of the day. ".repeat(200);

        MapResult r = call(NoteStore.NONE).take(StepFixture.chunk(0, 2, "Data", text));

        assertThat(r.failure()).isEmpty();
        assertThat(fixture.llm.requests.getFirst().user()).contains("[…]");
        assertThat(fixture.run.warnings())
                .containsExactly("A section of source [2] “Data” was too long for the model and was cut.");
    }

    @Test
    void aFailedCallIsAFailedResultNotAnException() throws Exception {
        fixture.llm.failWhenPromptContains = "bridge";

        MapResult r = call(NoteStore.NONE).take(StepFixture.chunk(0, 1, "Intro", "The bridge opened in 1932."));

        assertThat(r.text()).isEmpty();
        assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f).contains("503"));
    }
}
