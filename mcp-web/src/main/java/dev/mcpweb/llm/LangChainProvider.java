package dev.mcpweb.llm;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LangChain4j chat model (plain and streaming) over {@link LlmHttpTransport}, turning every
 * failure into an {@link LlmException} whose message says what to fix and never holds the key.
 */
final class LangChainProvider implements LlmProvider {
    private static final Logger LOG = LoggerFactory.getLogger(LangChainProvider.class);
    /** OpenAI reasoning models take max_completion_tokens and only the default temperature. */
    private static final Pattern REASONING_MODEL = Pattern.compile("^(o\\d|gpt-5).*");

    private final String name;
    private final String model;
    private final String baseUrl;
    private final boolean openAi;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final LlmHttpTransport transport;
    private final Redactor redactor;
    private final TokenBudget budget;

    LangChainProvider(
            String name,
            String model,
            String baseUrl,
            boolean openAi,
            ChatModel chat,
            StreamingChatModel streaming,
            LlmHttpTransport transport,
            Redactor redactor,
            TokenBudget budget) {
        this.name = name;
        this.model = model;
        this.baseUrl = baseUrl;
        this.openAi = openAi;
        this.chat = chat;
        this.streaming = streaming;
        this.transport = transport;
        this.redactor = redactor;
        this.budget = budget;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Completion complete(LlmRequest request) throws LlmException {
        try {
            return toCompletion(request, chat.chat(toChatRequest(request)));
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    @Override
    public Completion stream(LlmRequest request, Consumer<String> onDelta) throws LlmException {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        try {
            streaming.chat(toChatRequest(request), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String delta) {
                    if (!done.isDone() && !delta.isEmpty()) {
                        onDelta.accept(delta);
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            // The transport blocks until the stream is over, so every callback has run by now.
            if (!done.isDone() || !done.isCompletedExceptionally() && done.get().finishReason() == null) {
                LOG.debug("{} stream from {} ended without a finish reason", name, baseUrl);
                throw new LlmException(
                        LlmException.Kind.TRANSIENT,
                        0,
                        "the stream from " + baseUrl + " ended before the model finished (no finish reason)",
                        null);
            }
            return toCompletion(request, done.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.CANCELLED, "cancelled: " + name + " call to " + baseUrl);
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    @Override
    public void close() {
        transport.shutdown();
    }

    private ChatRequest toChatRequest(LlmRequest request) {
        List<ChatMessage> messages = new ArrayList<>(2);
        if (request.system() != null && !request.system().isBlank()) {
            messages.add(SystemMessage.from(request.system()));
        }
        messages.add(UserMessage.from(request.user()));
        ChatRequestParameters parameters;
        if (openAi && REASONING_MODEL.matcher(model.toLowerCase(Locale.ROOT)).matches()) {
            parameters = OpenAiChatRequestParameters.builder()
                    .maxCompletionTokens(request.maxTokens())
                    .build();
        } else {
            parameters = ChatRequestParameters.builder()
                    .maxOutputTokens(request.maxTokens())
                    .temperature(request.temperature())
                    .build();
        }
        return ChatRequest.builder().messages(messages).parameters(parameters).build();
    }

    private Completion toCompletion(LlmRequest request, ChatResponse response) {
        String text = response.aiMessage() == null || response.aiMessage().text() == null
                ? ""
                : response.aiMessage().text();
        TokenUsage usage = response.tokenUsage();
        int in = usage != null && usage.inputTokenCount() != null
                ? usage.inputTokenCount()
                : budget.count(request.system() == null ? "" : request.system()) + budget.count(request.user());
        int out = usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount() : budget.count(text);
        String finish = response.finishReason() == null
                ? "unknown"
                : response.finishReason().name().toLowerCase(Locale.ROOT);
        return new Completion(text, in, out, finish);
    }

    /** The one place a failure becomes a user-facing message. */
    LlmException classify(Throwable error) {
        HttpFailure failure = find(error, HttpFailure.class);
        if (failure != null && failure.kind() == LlmException.Kind.CANCELLED
                || failure == null && Thread.currentThread().isInterrupted()) {
            return new LlmException(
                    LlmException.Kind.CANCELLED, 0, "cancelled: " + name + " call to " + baseUrl, failure);
        }
        if (failure != null && failure.status() > 0) {
            String message = Advice.forStatus(failure.status(), name, model, baseUrl, failure.body(), redactor);
            return new LlmException(failure.kind(), failure.status(), redactor.redact(message), failure);
        }
        if (failure != null) {
            String message = failure.getMessage().startsWith("cannot connect")
                    ? failure.getMessage() + " to " + baseUrl
                            + ": is the server running? check MCP_WEB_SUMMARIZER_API_BASE"
                    : failure.getMessage() + " from " + baseUrl;
            return new LlmException(LlmException.Kind.TRANSIENT, 0, redactor.redact(message), failure);
        }
        if (find(error, JacksonException.class) != null) {
            return new LlmException(
                    LlmException.Kind.TRANSIENT,
                    0,
                    "malformed response from " + baseUrl + ": not the JSON the " + name + " API returns",
                    null);
        }
        String detail = error.getClass().getSimpleName() + ": " + redactor.redact(String.valueOf(error.getMessage()));
        return new LlmException(
                LlmException.Kind.PERMANENT, 0, "unexpected failure calling " + baseUrl + " (" + detail + ")", null);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
