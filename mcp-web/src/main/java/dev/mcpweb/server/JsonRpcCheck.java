package dev.mcpweb.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Optional;

/**
 * Checks the shape of a JSON-RPC message posted to {@code /mcp} before the MCP SDK reads it. The SDK
 * answers malformed input with a serialized Java exception, or with an empty 200 when a request's
 * {@code params} have the wrong type; this answers such input with a JSON-RPC error instead: parse
 * error, invalid request, or invalid params.
 */
final class JsonRpcCheck {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;

    /**
     * Why a message was refused: the HTTP status, the id to answer to (null when there is none to
     * trust) and the JSON-RPC error.
     */
    record Refusal(int status, JsonNode id, int code, String message) {}

    private final ObjectMapper json;

    JsonRpcCheck(ObjectMapper json) {
        this.json = json;
    }

    /** Empty when {@code body} is one well-formed JSON-RPC message; else why not. */
    Optional<Refusal> check(byte[] body) {
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (JacksonException e) {
            return invalid(400, PARSE_ERROR, "Parse error: the body is not JSON");
        } catch (IOException e) {
            return invalid(400, PARSE_ERROR, "Parse error: the body could not be read");
        }
        if (message == null || message.isMissingNode()) {
            return invalid(400, PARSE_ERROR, "Parse error: the body is empty");
        }
        return check(message);
    }

    /** Empty when {@code message} is one well-formed JSON-RPC message; else why not. */
    Optional<Refusal> check(JsonNode message) {
        if (message.isArray()) {
            return invalid(
                    400, INVALID_REQUEST, "Invalid Request: batches are not supported; send one message per request");
        }
        if (!message.isObject()) {
            return invalid(400, INVALID_REQUEST, "Invalid Request: expected a JSON-RPC 2.0 object");
        }
        if (!message.path("jsonrpc").isTextual()
                || !message.get("jsonrpc").asText().equals("2.0")) {
            return invalid(400, INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\"");
        }
        JsonNode id = message.get("id");
        if (id != null && !(id.isTextual() || id.isIntegralNumber())) {
            return invalid(400, INVALID_REQUEST, "Invalid Request: \"id\" must be a string or an integer");
        }
        JsonNode method = message.get("method");
        if (method == null) {
            boolean answer = message.has("result") != message.has("error");
            return id != null && answer
                    ? Optional.empty()
                    : invalid(
                            400, INVALID_REQUEST, "Invalid Request: expected a request, a notification or a response");
        }
        if (!method.isTextual()) {
            return invalid(400, INVALID_REQUEST, "Invalid Request: \"method\" must be a string");
        }
        JsonNode params = message.get("params");
        if (params != null && !params.isObject()) {
            return invalidParams(id, "Invalid params: \"params\" must be an object");
        }
        if (method.asText().equals("initialize") && params == null) {
            return invalidParams(id, "Invalid params: initialize needs \"params\"");
        }
        if (method.asText().equals("tools/call")) {
            if (!message.path("params").path("name").isTextual()) {
                return invalidParams(id, "Invalid params: tools/call needs the tool's \"name\" as a string");
            }
            JsonNode arguments = message.path("params").path("arguments");
            if (!arguments.isMissingNode() && !arguments.isObject() && !arguments.isNull()) {
                return invalidParams(id, "Invalid params: \"arguments\" must be an object");
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> invalid(int status, int code, String message) {
        return Optional.of(new Refusal(status, NullNode.getInstance(), code, message));
    }

    /** A request gets its answer (HTTP 200, its id); a notification has no answer, so the HTTP status says it. */
    private static Optional<Refusal> invalidParams(JsonNode id, String message) {
        return id == null
                ? invalid(400, INVALID_PARAMS, message)
                : Optional.of(new Refusal(200, id, INVALID_PARAMS, message));
    }
}
