package dev.mcpweb.llm;

import java.util.List;

/**
 * The MCP client's own model, reached through {@code sampling/createMessage}; the MCP server
 * implements this for the session that asked for a summary. {@link #createMessage} blocks the calling
 * thread; interrupting it must cancel the request (send {@code notifications/cancelled}) and end with
 * an {@link LlmException} of kind {@code CANCELLED}. A user who declines the request is
 * {@code PERMANENT}; a lost connection or timeout is {@code TRANSIENT}.
 */
public interface SamplingClient {
    /** One {@code sampling/createMessage} request: text only, one user message. */
    record SamplingRequest(
            String systemPrompt, String userMessage, int maxTokens, double temperature, List<String> modelHints) {}

    /** The client's answer: the text, the model that wrote it, and why it stopped ({@code endTurn}, …). */
    record SamplingResult(String text, String model, String stopReason) {}

    SamplingResult createMessage(SamplingRequest request) throws LlmException;
}
