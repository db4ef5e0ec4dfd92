package dev.mcpweb.server;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error responses (unknown path, wrong method, an exception escaping a servlet) as a short
 * JSON body naming the status only: Jetty's pages would show the exception's message, the servlet
 * and the server's version.
 */
final class JsonErrorPage extends ErrorHandler {
    @Override
    protected boolean generateAcceptableResponse(
            Request request,
            Response response,
            Callback callback,
            String contentType,
            List<Charset> charsets,
            int code,
            String message,
            Throwable cause) {
        String reason = HttpStatus.getMessage(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(
                true,
                ByteBuffer.wrap(
                        ("{\"error\":\"" + reason + "\",\"status\":" + code + "}").getBytes(StandardCharsets.UTF_8)),
                callback);
        return true;
    }
}
