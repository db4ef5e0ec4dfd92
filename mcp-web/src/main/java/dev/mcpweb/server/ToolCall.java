package dev.mcpweb.server;

import dev.mcpweb.summarize.SummaryListener;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tool call as the client sees it: progress notifications when the client sent a progress token,
 * and log messages that the SDK filters by the level the client set with {@code logging/setLevel}.
 */
final class ToolCall implements SummaryListener {
    private static final Logger log = LoggerFactory.getLogger(ToolCall.class);
    private static final Duration SEND_LIMIT = Duration.ofSeconds(5);

    private final McpAsyncServerExchange exchange;
    private final Object progressToken;
    private int progressEvents;

    ToolCall(McpAsyncServerExchange exchange, CallToolRequest request) {
        this.exchange = exchange;
        this.progressToken = request.meta() == null ? null : request.meta().get("progressToken");
    }

    McpAsyncServerExchange exchange() {
        return exchange;
    }

    @Override
    public synchronized void onProgress(String stage, int done, int total) {
        if (progressToken == null) {
            return;
        }
        // Progress must grow with every notification; stages restart their counts, so count events.
        progressEvents++;
        String message = total > 0 ? stage + " " + done + "/" + total : stage;
        send(() -> exchange.progressNotification(
                        new ProgressNotification(progressToken, (double) progressEvents, null, message, null))
                .block(SEND_LIMIT));
    }

    void log(LoggingLevel level, String message) {
        send(() -> exchange.loggingNotification(LoggingMessageNotification.builder()
                        .level(level)
                        .logger("mcp-web")
                        .data(message)
                        .build())
                .block(SEND_LIMIT));
    }

    private static void send(Runnable sending) {
        try {
            sending.run();
        } catch (RuntimeException e) {
            // The client went away or is slow: the work goes on, its result is what matters.
            log.debug("could not send a notification: {}", e.getMessage());
        }
    }
}
