package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowBudgetTest {
    private final WindowBudget budget = new WindowBudget(String::length, 1000, 400);

    @Test
    void aPromptFitsWhenItsTokensItsOutputAndTheSafetyMarginFitTheWindow() {
        String system = "s".repeat(300);
        assertThat(budget.fits(system, "u".repeat(268), 400)).isTrue();
        assertThat(budget.fits(system, "u".repeat(269), 400)).isFalse();
    }

    @Test
    void theRoomIsWhatThePromptItsOutputAndTheMarginLeave() {
        assertThat(budget.room("s".repeat(100), "u".repeat(50), 400)).isEqualTo(1000 - 100 - 50 - 400 - 32);
    }

    @Test
    void outputBudgetsStayBetweenTheMinimumAndMaxTokens() {
        assertThat(budget.output(10)).isEqualTo(WindowBudget.MIN_OUTPUT_TOKENS);
        assertThat(budget.output(300)).isEqualTo(300);
        assertThat(budget.output(5000)).isEqualTo(400);
        assertThat(new WindowBudget(String::length, 1000, 10).output(300)).isEqualTo(WindowBudget.MIN_OUTPUT_TOKENS);
    }

    @Test
    void theFinalAnswerGetsAboutOneAndAHalfTokensAWordPlusTheMinimum() {
        assertThat(budget.finalOutput(100)).isEqualTo(150 + 64);
        assertThat(budget.finalOutput(10_000)).isEqualTo(400);
    }
}
