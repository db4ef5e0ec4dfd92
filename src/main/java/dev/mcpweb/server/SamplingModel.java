package dev.mcpweb.server;

import dev.mcpweb.llm.Completion;
import dev.mcpweb.llm.LlmException;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmRequest;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.SamplingMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The MCP client's own model, reached with {@code sampling/createMessage}: what the pipeline uses as
 * its LLM when the configuration asks for sampling or names no LLM. Interrupting the calling thread
 * abandons the request.
 */
final class SamplingModel implements LlmProvider {
    private final McpAsyncServerExchange exchange;
    private final Duration timeout;

    SamplingModel(McpAsyncServerExchange exchange, Duration timeout) {
        this.exchange = exchange;
        this.timeout = timeout;
    }

    /** Whether the client said it can sample. */
    static boolean offeredBy(McpAsyncServerExchange exchange) {
        return exchange.getClientCapabilities() != null
                && exchange.getClientCapabilities().sampling() != null;
    }

    @Override
    public String name() {
        return "sampling";
    }

    @Override
    public String model() {
        var client = exchange.getClientInfo();
        return client == null ? "client model" : client.name() + " model";
    }

    @Override
    public Completion complete(LlmRequest request) throws LlmException {
        CreateMessageRequest message = CreateMessageRequest.builder()
                .messages(List.of(new SamplingMessage(Role.USER, new TextContent(request.user()))))
                .systemPrompt(request.system())
                .maxTokens(request.maxTokens())
                .temperature(request.temperature())
                .includeContext(CreateMessageRequest.ContextInclusionStrategy.NONE)
                .build();
        CompletableFuture<CreateMessageResult> pending =
                exchange.createMessage(message).toFuture();
        CreateMessageResult result;
        try {
            result = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.CANCELLED, "sampling request cancelled");
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new LlmException(
                    LlmException.Kind.TRANSIENT,
                    0,
                    "the client's model did not answer within " + timeout.toSeconds()
                            + " s (summarizer.timeout); raise it or configure an LLM provider",
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
        String stop = result.stopReason() == null
                ? "stop"
                : result.stopReason().name().toLowerCase();
        // Sampling reports no token counts: estimate about four characters a token.
        return new Completion(
                text.text(),
                (request.system().length() + request.user().length()) / 4,
                text.text().length() / 4,
                stop);
    }

    @Override
    public Completion stream(LlmRequest request, Consumer<String> onDelta) throws LlmException {
        Completion completion = complete(request); // sampling has no streaming: one delta with the whole answer
        onDelta.accept(completion.text());
        return completion;
    }
}
