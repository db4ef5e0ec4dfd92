package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.llm.LlmRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FinalCallTest {
    private final StepFixture fixture = new StepFixture(16_000, Map.of());

    @AfterEach
    void close() {
        fixture.close();
    }

    private String stream(String page) throws SummaryException {
        return new FinalCall(fixture.run, "fake", Duration.ofSeconds(30))
                .stream("reduce", new LlmRequest("You write.", "<page>\n" + page + "\n</page>", 200, 0));
    }

    @Test
    void theAnswerStreamsToTheListenerAsItComesAndIsReturnedWhole() throws Exception {
        String text = stream("Rain fell all week. Then it stopped.");

        assertThat(text).isEqualTo("Rain fell all week.");
        assertThat(fixture.listener.streamed.toString()).isEqualTo(text);
        assertThat(fixture.listener.progress).containsExactly("reduce 0/1", "reduce 1/1");
        assertThat(fixture.run.calls().calls()).isEqualTo(1);
    }

    @Test
    void aFailedCallNamesTheProviderAndWhatItSaid() {
        fixture.llm.failWhenPromptContains = "Rain";

        assertThatThrownBy(() -> stream("Rain fell."))
                .isInstanceOf(SummaryException.class)
                .hasMessageStartingWith("the final summary call to fake failed: 503");
    }
}
