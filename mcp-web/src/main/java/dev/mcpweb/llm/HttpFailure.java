package dev.mcpweb.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * What went wrong on the wire, thrown by {@link LlmHttpTransport} through LangChain4j so the provider
 * can classify it. The message never holds the response body (a server may echo the API key); the
 * body is kept, already redacted, in {@link #body()}.
 */
final class HttpFailure extends RuntimeException {
    private final LlmException.Kind kind;
    private final int status;
    private final String body;
    private final Optional<Duration> retryAfter;

    private HttpFailure(
            LlmException.Kind kind,
            int status,
            String message,
            String body,
            Optional<Duration> retryAfter,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    static HttpFailure status(int status, String redactedBody, Optional<Duration> retryAfter) {
        LlmException.Kind kind = status == 408 || status == 409 || status == 429 || status >= 500
                ? LlmException.Kind.TRANSIENT
                : LlmException.Kind.PERMANENT;
        return new HttpFailure(kind, status, "HTTP " + status, redactedBody, retryAfter, null);
    }

    static HttpFailure io(String what, Throwable cause) {
        return new HttpFailure(LlmException.Kind.TRANSIENT, 0, what, "", Optional.empty(), cause);
    }

    static HttpFailure cancelled() {
        return new HttpFailure(LlmException.Kind.CANCELLED, 0, "cancelled", "", Optional.empty(), null);
    }

    LlmException.Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    String body() {
        return body;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
