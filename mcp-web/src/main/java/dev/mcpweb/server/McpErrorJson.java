package dev.mcpweb.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import java.io.IOException;

/**
 * Writes an {@link McpError} as a JSON-RPC error object. The SDK's HTTP transport answers failures
 * (no session, unknown session, a missing {@code Accept}) by serializing the exception itself, which
 * would hand the client its class, stack frames and file names. The message is kept up to its first
 * colon: what follows in the SDK's messages is an exception's text or the client's own input.
 */
final class McpErrorJson extends StdSerializer<McpError> {
    private static final int METHOD_NOT_FOUND = -32601;
    private static final int INTERNAL_ERROR = -32603;

    McpErrorJson() {
        super(McpError.class);
    }

    @Override
    public void serialize(McpError error, JsonGenerator out, SerializerProvider provider) throws IOException {
        JSONRPCError rpc = error.getJsonRpcError();
        String message = rpc == null || rpc.message() == null ? "Internal error" : rpc.message();
        int colon = message.indexOf(':');
        out.writeStartObject();
        out.writeStringField("jsonrpc", "2.0");
        out.writeNullField("id");
        out.writeObjectFieldStart("error");
        int code = rpc == null ? INTERNAL_ERROR : rpc.code();
        // The transport labels its bad-request answers (no session, a missing Accept) "method not
        // found"; the method may well exist, so say what they are: invalid requests.
        out.writeNumberField("code", code == METHOD_NOT_FOUND ? JsonRpcCheck.INVALID_REQUEST : code);
        out.writeStringField("message", colon < 0 ? message : message.substring(0, colon));
        out.writeEndObject();
        out.writeEndObject();
    }
}
