package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.chunk.Chunk;
import dev.mcpweb.config.MapMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MapperTest {
    private final StepFixture fixture = new StepFixture(16_000, Map.of("summarizer.max_concurrent", "4"));

    @AfterEach
    void close() {
        fixture.close();
    }

    private static List<Chunk> chunks(int n) {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chunks.add(StepFixture.chunk(i, 1, "Part " + i, "PART-%02d begins here. More follows.".formatted(i)));
        }
        return chunks;
    }

    private List<MapResult> map(MapMode mode, List<Chunk> chunks, long mapDeadline) throws SummaryException {
        MapCall call = new MapCall(
                fixture.brief, fixture.budget, NoteStore.NONE, fixture.llm, fixture.config.temperature(), fixture.run);
        return new Mapper(mode, fixture.run, mapDeadline, Duration.ofSeconds(30)).map(chunks, call);
    }

    @ParameterizedTest
    @EnumSource(MapMode.class)
    void resultsComeBackInSourceOrderWithProgressForEveryChunk(MapMode mode) throws Exception {
        List<MapResult> results =
                map(mode, chunks(12), System.nanoTime() + Duration.ofSeconds(20).toNanos());

        assertThat(results)
                .extracting(r -> r.text().orElseThrow())
                .containsExactlyElementsOf(chunks(12).stream()
                        .map(c -> "PART-%02d begins here.".formatted(c.index()))
                        .toList());
        assertThat(fixture.listener.progress).hasSize(13).startsWith("map 0/12").endsWith("map 12/12");
        assertThat(fixture.llm.peak.get()).isLessThanOrEqualTo(mode == MapMode.SEQUENTIAL ? 1 : 4);
    }

    @ParameterizedTest
    @EnumSource(MapMode.class)
    void aChunkUnfinishedAtTheMapDeadlineIsAFailureNamingTheDeadline(MapMode mode) throws Exception {
        fixture.llm.blockUntilInterrupted = true;

        List<MapResult> results =
                map(mode, chunks(2), System.nanoTime() + Duration.ofMillis(200).toNanos());

        assertThat(results)
                .hasSize(2)
                .allSatisfy(r ->
                        assertThat(r.failure()).hasValue("the summary deadline (30 s, summarizer.deadline) passed"));
        assertThat(results).extracting(MapResult::chunk).containsExactlyElementsOf(chunks(2));
    }
}
