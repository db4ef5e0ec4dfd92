package dev.mcpweb.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The three wire formats the simulated server speaks: OpenAI chat completions, Anthropic messages and
 * Ollama's native chat, each plain and streamed (SSE for the first two, NDJSON for Ollama).
 */
enum Dialect {
    OPENAI("text/event-stream"),
    ANTHROPIC("text/event-stream"),
    OLLAMA("application/x-ndjson");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the client asked: model, instructions, the user message, the output budget, streamed or not. */
    record Prompt(String model, String system, String user, int maxTokens, boolean stream) {}

    private final String streamType;

    Dialect(String streamType) {
        this.streamType = streamType;
    }

    static Optional<Dialect> forPath(String path) {
        return switch (path) {
            case "/v1/chat/completions", "/chat/completions" -> Optional.of(OPENAI);
            case "/v1/messages", "/messages" -> Optional.of(ANTHROPIC);
            case "/api/chat" -> Optional.of(OLLAMA);
            default -> Optional.empty();
        };
    }

    String streamType() {
        return streamType;
    }

    Prompt parse(byte[] body) throws java.io.IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.path("messages").isArray()) {
            throw new java.io.IOException("no messages array");
        }
        StringBuilder system = new StringBuilder(text(root.path("system")));
        String user = "";
        for (JsonNode message : root.path("messages")) {
            String role = message.path("role").asText();
            String content = text(message.path("content"));
            if (role.equals("system") || role.equals("developer")) {
                system.append(system.isEmpty() ? "" : "\n").append(content);
            } else if (role.equals("user")) {
                user = content;
            }
        }
        int maxTokens = switch (this) {
            case OPENAI ->
                root.path("max_completion_tokens").asInt(root.path("max_tokens").asInt(4096));
            case ANTHROPIC -> root.path("max_tokens").asInt(4096);
            case OLLAMA -> root.path("options").path("num_predict").asInt(4096);
        };
        if (maxTokens <= 0) {
            maxTokens = 4096;
        }
        boolean stream = root.path("stream").asBoolean(this == OLLAMA);
        return new Prompt(root.path("model").asText("sim"), system.toString(), user, maxTokens, stream);
    }

    /** A string, or the text parts of an array of content blocks. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder out = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    out.append(out.isEmpty() ? "" : "\n")
                            .append(part.path("text").asText());
                }
            }
        }
        return out.toString();
    }

    byte[] plain(Prompt prompt, Answer answer, int inputTokens, long id) {
        ObjectNode root = JSON.createObjectNode();
        int out = answer.tokens().size();
        switch (this) {
            case OPENAI -> {
                root.put("id", "chatcmpl-sim-" + id)
                        .put("object", "chat.completion")
                        .put("created", Instant.now().getEpochSecond())
                        .put("model", prompt.model());
                ObjectNode choice = root.putArray("choices").addObject();
                choice.put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", answer.text());
                choice.put("finish_reason", answer.finishReason());
                root.putObject("usage")
                        .put("prompt_tokens", inputTokens)
                        .put("completion_tokens", out)
                        .put("total_tokens", inputTokens + out);
            }
            case ANTHROPIC -> {
                root.put("id", "msg_sim_" + id)
                        .put("type", "message")
                        .put("role", "assistant")
                        .put("model", prompt.model());
                root.putArray("content").addObject().put("type", "text").put("text", answer.text());
                root.put("stop_reason", answer.truncated() ? "max_tokens" : "end_turn");
                root.putNull("stop_sequence");
                root.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", out);
            }
            case OLLAMA -> {
                ollamaHead(root, prompt);
                root.putObject("message").put("role", "assistant").put("content", answer.text());
                ollamaDone(root, answer, inputTokens);
            }
        }
        return bytes(root);
    }

    /** Events before the first token. */
    List<String> streamStart(Prompt prompt, int inputTokens, long id) {
        return switch (this) {
            case OPENAI ->
                List.of(openAiChunk(
                        prompt,
                        id,
                        JSON.createObjectNode().put("role", "assistant").put("content", ""),
                        null));
            case ANTHROPIC -> {
                ObjectNode start = JSON.createObjectNode().put("type", "message_start");
                ObjectNode message = start.putObject("message");
                message.put("id", "msg_sim_" + id)
                        .put("type", "message")
                        .put("role", "assistant")
                        .put("model", prompt.model());
                message.putArray("content");
                message.putNull("stop_reason");
                message.putNull("stop_sequence");
                message.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", 1);
                ObjectNode block = JSON.createObjectNode()
                        .put("type", "content_block_start")
                        .put("index", 0);
                block.putObject("content_block").put("type", "text").put("text", "");
                yield List.of(
                        anthropicEvent("message_start", start),
                        anthropicEvent("content_block_start", block),
                        anthropicEvent("ping", JSON.createObjectNode().put("type", "ping")));
            }
            case OLLAMA -> List.of();
        };
    }

    String streamToken(Prompt prompt, String token, long id) {
        return switch (this) {
            case OPENAI -> openAiChunk(prompt, id, JSON.createObjectNode().put("content", token), null);
            case ANTHROPIC -> {
                ObjectNode delta = JSON.createObjectNode()
                        .put("type", "content_block_delta")
                        .put("index", 0);
                delta.putObject("delta").put("type", "text_delta").put("text", token);
                yield anthropicEvent("content_block_delta", delta);
            }
            case OLLAMA -> {
                ObjectNode line = ollamaHead(JSON.createObjectNode(), prompt);
                line.putObject("message").put("role", "assistant").put("content", token);
                line.put("done", false);
                yield string(line) + "\n";
            }
        };
    }

    /** Events after the last token. */
    List<String> streamEnd(Prompt prompt, Answer answer, int inputTokens, long id) {
        int out = answer.tokens().size();
        return switch (this) {
            case OPENAI -> {
                ObjectNode usage = JSON.createObjectNode();
                usage.put("id", "chatcmpl-sim-" + id)
                        .put("object", "chat.completion.chunk")
                        .put("created", Instant.now().getEpochSecond())
                        .put("model", prompt.model());
                usage.putArray("choices");
                usage.putObject("usage")
                        .put("prompt_tokens", inputTokens)
                        .put("completion_tokens", out)
                        .put("total_tokens", inputTokens + out);
                yield List.of(
                        openAiChunk(prompt, id, JSON.createObjectNode(), answer.finishReason()),
                        "data: " + string(usage) + "\n\n",
                        "data: [DONE]\n\n");
            }
            case ANTHROPIC -> {
                ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
                delta.putObject("delta")
                        .put("stop_reason", answer.truncated() ? "max_tokens" : "end_turn")
                        .putNull("stop_sequence");
                delta.putObject("usage").put("output_tokens", out);
                yield List.of(
                        anthropicEvent(
                                "content_block_stop",
                                JSON.createObjectNode()
                                        .put("type", "content_block_stop")
                                        .put("index", 0)),
                        anthropicEvent("message_delta", delta),
                        anthropicEvent("message_stop", JSON.createObjectNode().put("type", "message_stop")));
            }
            case OLLAMA -> {
                ObjectNode line = ollamaHead(JSON.createObjectNode(), prompt);
                line.putObject("message").put("role", "assistant").put("content", "");
                ollamaDone(line, answer, inputTokens);
                yield List.of(string(line) + "\n");
            }
        };
    }

    /** A stream event whose JSON is broken. */
    String malformedEvent() {
        return switch (this) {
            case OPENAI -> "data: {\"id\":\"chatcmpl-sim\",\"choices\":[{\"delta\":{\"content\":\n\n";
            case ANTHROPIC -> "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":\n\n";
            case OLLAMA -> "{\"model\":\"sim\",\"message\":{\"content\":\n";
        };
    }

    byte[] error(int status, String message) {
        ObjectNode root = JSON.createObjectNode();
        String type = switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
        switch (this) {
            case OPENAI ->
                root.putObject("error")
                        .put("message", message)
                        .put("type", type)
                        .putNull("code");
            case ANTHROPIC -> {
                root.put("type", "error");
                root.putObject("error").put("type", type).put("message", message);
            }
            case OLLAMA -> root.put("error", message);
        }
        return bytes(root);
    }

    private String openAiChunk(Prompt prompt, long id, ObjectNode delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-sim-" + id)
                .put("object", "chat.completion.chunk")
                .put("created", Instant.now().getEpochSecond())
                .put("model", prompt.model());
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return "data: " + string(chunk) + "\n\n";
    }

    private static String anthropicEvent(String event, ObjectNode data) {
        return "event: " + event + "\ndata: " + string(data) + "\n\n";
    }

    private static ObjectNode ollamaHead(ObjectNode node, Prompt prompt) {
        return node.put("model", prompt.model()).put("created_at", Instant.now().toString());
    }

    private static void ollamaDone(ObjectNode node, Answer answer, int inputTokens) {
        node.put("done", true)
                .put("done_reason", answer.truncated() ? "length" : "stop")
                .put("total_duration", 0)
                .put("prompt_eval_count", inputTokens)
                .put("eval_count", answer.tokens().size());
    }

    private static String string(JsonNode node) {
        return node.toString();
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
