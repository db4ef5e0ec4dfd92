package dev.mcpweb.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a failed HTTP status means for the user, and which setting to change. */
final class Advice {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;

    private Advice() {}

    static String forStatus(int status, String provider, String model, String baseUrl, String body, Redactor redactor) {
        String fix = switch (status) {
            case 400 ->
                "the server rejected the request; check MCP_WEB_SUMMARIZER_MODEL (" + model
                        + ") and MCP_WEB_SUMMARIZER_MAX_TOKENS";
            case 401 ->
                "check MCP_WEB_SUMMARIZER_API_KEY"
                        + (provider.equals("anthropic") ? " (or ANTHROPIC_API_KEY)" : " (or OPENAI_API_KEY)");
            case 402 -> "the account behind MCP_WEB_SUMMARIZER_API_KEY is out of credit";
            case 403 ->
                "the key may not use model " + model
                        + "; check MCP_WEB_SUMMARIZER_API_KEY and MCP_WEB_SUMMARIZER_MODEL";
            case 404 ->
                "no model " + model + " or no such endpoint; check MCP_WEB_SUMMARIZER_MODEL and "
                        + "MCP_WEB_SUMMARIZER_API_BASE";
            case 413 -> "the prompt is too large; lower MCP_WEB_SUMMARIZER_CONTEXT_WINDOW";
            case 429 ->
                "rate limited; set MCP_WEB_SUMMARIZER_REQUESTS_PER_MINUTE or "
                        + "MCP_WEB_SUMMARIZER_TOKENS_PER_MINUTE, or lower MCP_WEB_SUMMARIZER_MAX_CONCURRENT";
            default ->
                status >= 500
                        ? "the server failed; retry later"
                        : "check MCP_WEB_SUMMARIZER_API_BASE and MCP_WEB_SUMMARIZER_MODEL";
        };
        String detail = detail(body);
        return status + " from " + baseUrl + ": " + fix
                + (detail.isEmpty() ? "" : " (server said: " + redactor.redact(detail) + ")");
    }

    /** The error message inside an OpenAI/Anthropic/Ollama error body, else the start of the body. */
    static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        try {
            JsonNode root = JSON.readTree(text);
            JsonNode error = root.path("error");
            if (error.isTextual()) {
                text = error.asText();
            } else if (error.path("message").isTextual()) {
                text = error.path("message").asText();
            } else if (root.path("message").isTextual()) {
                text = root.path("message").asText();
            }
        } catch (Exception notJson) {
            // keep the raw text
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }
}
