package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SummaryAssemblerTest {
    private final StepFixture fixture = new StepFixture(16_000, Map.of());

    @AfterEach
    void close() {
        fixture.close();
    }

    private SummaryAssembler assembler(List<String> injections) {
        return new SummaryAssembler(
                fixture.run, fixture.brief.sources(), fixture.llm, CompletableFuture.completedFuture(injections));
    }

    @Test
    void warningsFollowTheAnswerAsNotesInjectionsFirstThenTheNumberedSources() throws Exception {
        fixture.run.warnings().add("A section was cut.");

        Summary summary = assembler(List.of("Source [2] addresses an AI."))
                .finish("Rain fell [1], and [7] says more.", "parallel", 4);

        assertThat(summary.warnings())
                .containsExactly(
                        "Source [2] addresses an AI.",
                        "A section was cut.",
                        "The summary cites [[7]], which is not in the source list; treat those statements with care.");
        assertThat(summary.markdown())
                .startsWith("Rain fell [1], and [7] says more.\n\n> **Note:** Source [2] addresses an AI.\n")
                .endsWith("1. [First](https://example.com/1)\n2. [Second](https://example.com/2)\n");
        assertThat(fixture.listener.streamed.toString())
                .isEqualTo(summary.markdown().substring("Rain fell [1], and [7] says more.".length()));
    }

    @Test
    void theStatsNameTheModelTheModeAndTheChunks() throws Exception {
        Summary summary = assembler(List.of()).finish("Fine.\n", "streaming", 9);

        assertThat(summary.stats().provider()).isEqualTo("fake");
        assertThat(summary.stats().model()).isEqualTo("fake-1");
        assertThat(summary.stats().mode()).isEqualTo("streaming");
        assertThat(summary.stats().chunks()).isEqualTo(9);
        assertThat(summary.warnings()).isEmpty();
    }
}
