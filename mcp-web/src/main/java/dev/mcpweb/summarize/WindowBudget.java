package dev.mcpweb.summarize;

import java.util.function.ToIntFunction;

/**
 * The arithmetic of the model's context window: a prompt, its reserved output and a safety margin must
 * fit it, and every output budget lies between {@link #MIN_OUTPUT_TOKENS} and {@code summarizer.max_tokens}.
 */
record WindowBudget(ToIntFunction<String> tokens, int contextWindow, int maxTokens) {
    /** Tokens kept free in every prompt for the chat framing and tokenizer differences. */
    static final int SAFETY_TOKENS = 32;

    static final int MIN_OUTPUT_TOKENS = 64;

    int count(String text) {
        return tokens.applyAsInt(text);
    }

    boolean fits(String system, String user, int out) {
        return count(system) + count(user) + out + SAFETY_TOKENS <= contextWindow;
    }

    /** Tokens left for text in a prompt made of {@code system} and {@code emptyUser}, with {@code out} reserved. */
    int room(String system, String emptyUser, int out) {
        return contextWindow - count(system) - count(emptyUser) - out - SAFETY_TOKENS;
    }

    /** An output budget of about {@code wanted} tokens, within the bounds. */
    int output(long wanted) {
        return Math.clamp(wanted, MIN_OUTPUT_TOKENS, Math.max(MIN_OUTPUT_TOKENS, maxTokens));
    }

    /** The final answer's budget for {@code words} words. */
    int finalOutput(int words) {
        // About 1.3 tokens a word in English, plus room for citations and the odd heading.
        return output(words * 3L / 2 + MIN_OUTPUT_TOKENS);
    }
}
