package dev.mcpweb.llm;

/** A model's answer with the token counts the server reported (or estimated when it did not). */
public record Completion(String text, int inputTokens, int outputTokens, String finishReason) {}
