package dev.mcpweb.server;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.SummarizerConfig;
import dev.mcpweb.llm.LlmException;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmProviders;
import dev.mcpweb.llm.SamplingClient;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.ModelHint;
import io.modelcontextprotocol.spec.McpSchema.ModelPreferences;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.SamplingMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The MCP client's model for one session, reached with {@code sampling/createMessage}. The llm
 * package wraps it as an {@link LlmProvider} with the configured concurrency limit, rate limits and
 * retries; the pipeline uses it when the configuration asks for sampling or names no LLM.
 */
final class ClientSampling implements SamplingClient {
    private final McpAsyncServerExchange exchange;
    private final Duration timeout;

    private ClientSampling(McpAsyncServerExchange exchange, Duration timeout) {
        this.exchange = exchange;
        this.timeout = timeout;
    }

    /**
     * The choice of the client's model as summarizer: the summarizer settings with {@code provider=sampling},
     * resolved once per server from its configuration rather than on every call.
     */
    record Choice(SummarizerConfig summarizer) {
        static Choice of(Config config) {
            return new Choice(config.with(Map.of("summarizer.provider", "sampling"), "MCP client")
                    .summarizer());
        }

        /** The client's model as a provider for {@code exchange}'s session, or empty when the client did not declare sampling. */
        Optional<LlmProvider> provider(McpAsyncServerExchange exchange) {
            if (exchange.getClientCapabilities() == null
                    || exchange.getClientCapabilities().sampling() == null) {
                return Optional.empty();
            }
            return LlmProviders.fromConfig(summarizer, new ClientSampling(exchange, summarizer.timeout()));
        }
    }

    @Override
    public SamplingResult createMessage(SamplingRequest request) throws LlmException {
        CreateMessageRequest.Builder message = CreateMessageRequest.builder()
                .messages(List.of(new SamplingMessage(Role.USER, new TextContent(request.userMessage()))))
                .systemPrompt(request.systemPrompt())
                .maxTokens(request.maxTokens())
                .temperature(request.temperature())
                .includeContext(CreateMessageRequest.ContextInclusionStrategy.NONE);
        if (!request.modelHints().isEmpty()) {
            message.modelPreferences(ModelPreferences.builder()
                    .hints(request.modelHints().stream().map(ModelHint::of).toList())
                    .build());
        }
        CompletableFuture<CreateMessageResult> pending =
                exchange.createMessage(message.build()).toFuture();
        CreateMessageResult result;
        try {
            result = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Abandons the request; the Java SDK offers no way to send notifications/cancelled for it.
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.CANCELLED, "cancelled: sampling request to the client");
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new LlmException(
                    LlmException.Kind.TRANSIENT,
                    0,
                    "the client's model did not answer within " + timeout.toSeconds()
                            + " s (summarizer.timeout); raise it, or configure an LLM provider",
                    e);
        } catch (ExecutionException e) {
            throw new LlmException(
                    LlmException.Kind.PERMANENT,
                    0,
                    "the client refused or failed the sampling request ("
                            + e.getCause().getMessage()
                            + "); allow sampling in the client, or set MCP_WEB_SUMMARIZER_PROVIDER to an LLM API "
                            + "or to extractive",
                    e.getCause());
        }
        if (result == null || !(result.content() instanceof TextContent text)) {
            throw new LlmException(
                    LlmException.Kind.PERMANENT,
                    "the client's model answered without text; mcp-web needs a text answer to summarize");
        }
        String stop =
                switch (result.stopReason() == null ? CreateMessageResult.StopReason.UNKNOWN : result.stopReason()) {
                    case END_TURN -> "endTurn";
                    case STOP_SEQUENCE -> "stopSequence";
                    case MAX_TOKENS -> "maxTokens";
                    default -> "unknown";
                };
        return new SamplingResult(text.text(), result.model(), stop);
    }
}
