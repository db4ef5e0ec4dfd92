package dev.mcpweb.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at each JSON-RPC message before the MCP SDK sees it, for what the SDK does not do itself:
 * it marks every {@code tools/call} request with a key (connection and request id) in
 * {@code params._meta}, so the tool can be found again, and turns {@code notifications/cancelled}
 * into {@link InFlightCalls#cancel}. Messages it does not need are passed on untouched.
 */
final class MessageTap {
    static final String CALL_KEY = "dev.mcpweb/call";

    private final ObjectMapper json;
    private final InFlightCalls calls;

    MessageTap(ObjectMapper json, InFlightCalls calls) {
        this.json = json;
        this.calls = calls;
    }

    /** The key a tool call was marked with, or empty when it was not (then it cannot be cancelled). */
    static String callKey(Map<String, Object> meta) {
        return meta != null && meta.get(CALL_KEY) instanceof String key ? key : "";
    }

    /**
     * Inspects one message (or batch) from {@code connection}; returns the bytes to hand on, or empty
     * when the text is not JSON at all.
     */
    Optional<byte[]> inbound(String connection, byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        boolean interesting = text.contains("tools/call") || text.contains("notifications/cancelled");
        if (!interesting) {
            return Optional.of(message);
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        boolean changed = false;
        if (root.isArray()) {
            for (JsonNode node : root) {
                changed |= inspect(connection, node);
            }
        } else {
            changed = inspect(connection, root);
        }
        if (!changed) {
            return Optional.of(message);
        }
        try {
            return Optional.of(json.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            return Optional.of(message);
        }
    }

    private boolean inspect(String connection, JsonNode node) {
        if (!(node instanceof ObjectNode message) || !message.path("method").isTextual()) {
            return false;
        }
        String method = message.get("method").asText();
        if (method.equals("notifications/cancelled")) {
            JsonNode id = message.path("params").path("requestId");
            if (!id.isMissingNode() && !id.isNull()) {
                calls.cancel(key(connection, id));
            }
            return false;
        }
        if (method.equals("tools/call")
                && message.has("id")
                && message.path("params").isObject()) {
            ObjectNode params = (ObjectNode) message.get("params");
            JsonNode meta = params.path("_meta");
            ObjectNode target = meta.isObject() ? (ObjectNode) meta : params.putObject("_meta");
            target.put(CALL_KEY, key(connection, message.get("id")));
            return true;
        }
        return false;
    }

    private static String key(String connection, JsonNode id) {
        return connection + "#" + id.toString();
    }
}
