package dev.mcpweb.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenBudgetTest {
    private static final String TEXT = "The quick brown fox jumps over the lazy dog.";

    @Test
    void openAiModelsCountWithTheirOwnEncoding() {
        TokenBudget gpt4o = TokenBudget.forModel("openai", "gpt-4o-mini", 0);
        TokenBudget gpt4 = TokenBudget.forModel("openai", "gpt-4", 0);

        assertThat(gpt4o.method()).isEqualTo("o200k_base");
        assertThat(gpt4.method()).isEqualTo("cl100k_base");
        assertThat(TokenBudget.forModel("openai", "gpt-5-mini", 0).method()).isEqualTo("o200k_base");
        assertThat(TokenBudget.forModel("openai", "gpt-4.1-nano", 0).method()).isEqualTo("o200k_base");
        assertThat(TokenBudget.forModel("openai", "o3-mini", 0).method()).isEqualTo("o200k_base");
        // Both encodings give this well-known pangram 10 tokens.
        assertThat(gpt4o.count(TEXT)).isEqualTo(10);
        assertThat(gpt4.count(TEXT)).isEqualTo(10);
        assertThat(gpt4.count("")).isZero();
        assertThat(gpt4.count("<|endoftext|>"))
                .as("special tokens in page text are plain text")
                .isGreaterThan(1);
    }

    @Test
    void anthropicAndLocalModelsAreEstimatedOnTheSafeSide() {
        TokenBudget claude = TokenBudget.forModel("anthropic", "claude-haiku-4-5", 0);
        TokenBudget llama = TokenBudget.forModel("ollama", "llama3.2", 0);

        assertThat(claude.count(TEXT)).isEqualTo(12);
        assertThat(llama.count(TEXT)).isEqualTo(13);
        assertThat(claude.method()).isEqualTo("cl100k_base x1.2");
    }

    @Test
    void contextWindowsComeFromTheTableUnlessOverridden() {
        assertThat(TokenBudget.forModel("openai", "gpt-4o-2024-08-06", 0).contextWindow())
                .isEqualTo(128_000);
        assertThat(TokenBudget.forModel("openai", "gpt-4", 0).contextWindow()).isEqualTo(8_192);
        assertThat(TokenBudget.forModel("openai", "gpt-4.1", 0).contextWindow()).isEqualTo(1_047_576);
        assertThat(TokenBudget.forModel("anthropic", "claude-sonnet-4-5", 0).contextWindow())
                .isEqualTo(200_000);
        assertThat(TokenBudget.forModel("custom", "meta-llama/llama3.1-8b", 0).contextWindow())
                .isEqualTo(131_072);
        assertThat(TokenBudget.forModel("ollama", "llama3.1", 0).contextWindow())
                .as("Ollama's default num_ctx, whatever the model could take")
                .isEqualTo(4_096);
        assertThat(TokenBudget.forModel("custom", "something-new", 0).contextWindow())
                .isEqualTo(8_192);
        assertThat(TokenBudget.forModel("openai", "gpt-4o", 32_000).contextWindow())
                .isEqualTo(32_000);

        var config = Config.defaults()
                .with(Map.of("summarizer.provider", "openai", "summarizer.context_window", "50000"))
                .summarizer();
        assertThat(TokenBudget.of(config).contextWindow()).isEqualTo(50_000);
        assertThat(TokenBudget.of(config).method())
                .as("the default OpenAI model is gpt-4o-mini")
                .isEqualTo("o200k_base");
    }

    @Test
    void fitsAndMaxChunkTokensLeaveRoomForInstructionsAndTheAnswer() {
        TokenBudget budget = TokenBudget.forModel("openai", "gpt-4", 1_000);
        String prompt = " word".repeat(500); // 500 tokens

        assertThat(budget.count(prompt)).isEqualTo(500);
        assertThat(budget.fits(prompt, 400)).isTrue();
        assertThat(budget.fits(prompt, 500))
                .as("500 + 500 + message framing > 1000")
                .isFalse();
        assertThat(budget.maxChunkTokens(200, 300)).isEqualTo(1_000 - 200 - 300 - TokenBudget.MESSAGE_OVERHEAD);
        assertThat(budget.maxChunkTokens(900, 300)).isZero();
        assertThat(budget.fits("short", 1_000)).isFalse();
        assertThat(TokenBudget.forModel("openai", "gpt-4.1", 0).fits("東京 ".repeat(100_000), 32_000))
                .as("decided without counting: 300k bytes fit a 1M window")
                .isTrue();
        assertThat(TokenBudget.forModel("openai", "gpt-4", 0).fits("東京 ".repeat(100_000), 1_000))
                .isFalse();
    }

    @Test
    void aLongTextCountsExactlyAsOneEncodingPassWould() {
        StringBuilder sb = new StringBuilder();
        String[] pieces = {
            "The harbour's",
            "opened",
            "in 1892,",
            "dredged",
            "twice;",
            "naïve",
            "Straße",
            "東京",
            "don't",
            "  spaced",
            "\n\n",
            "x=42;",
            "(see §3)",
            "emoji 🚢",
            "ALLCAPS",
            "it'll",
            "\t",
            "—",
            "e.g.",
            "url/path"
        };
        for (int i = 0; sb.length() < 300_000; i++) {
            sb.append(pieces[(i * 7 + i / 5) % pieces.length]).append(i % 3 == 0 ? " " : i % 3 == 1 ? "  " : "\n");
        }
        String text = sb.toString();
        for (String model : new String[] {"gpt-4o", "gpt-4"}) {
            TokenBudget budget = TokenBudget.forModel("openai", model, 0);
            var encoding = com.knuddels.jtokkit.Encodings.newDefaultEncodingRegistry()
                    .getEncoding(
                            model.equals("gpt-4o")
                                    ? com.knuddels.jtokkit.api.EncodingType.O200K_BASE
                                    : com.knuddels.jtokkit.api.EncodingType.CL100K_BASE);
            int onePass = encoding.countTokensOrdinary(text);
            assertThat(budget.count(text)).as(model).isEqualTo(onePass);
            assertThat(budget.countInParallel(text)).as(model + " in segments").isEqualTo(onePass);
        }
    }
}
