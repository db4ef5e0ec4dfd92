package dev.mcpweb.llm;

/** One prompt: system instructions, the user message, and the output budget. */
public record LlmRequest(String system, String user, int maxTokens, double temperature) {}
