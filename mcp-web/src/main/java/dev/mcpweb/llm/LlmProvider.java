package dev.mcpweb.llm;

import java.util.function.Consumer;

/**
 * A chat model that completes one prompt, blocking the calling (virtual) thread. Interrupting that
 * thread cancels the call, HTTP request included, and ends it with an {@link LlmException} of kind
 * {@code CANCELLED}. Implementations are safe to share between threads.
 */
public interface LlmProvider extends AutoCloseable {
    /** The provider's name as configured, e.g. {@code openai}. */
    String name();

    /** The model that answers. */
    String model();

    /** One complete answer. */
    Completion complete(LlmRequest request) throws LlmException;

    /** One answer delivered piece by piece to {@code onDelta} as it arrives; returns the whole. */
    Completion stream(LlmRequest request, Consumer<String> onDelta) throws LlmException;

    @Override
    default void close() {}
}
