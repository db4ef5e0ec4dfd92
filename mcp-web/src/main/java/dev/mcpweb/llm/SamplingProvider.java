package dev.mcpweb.llm;

import java.util.List;
import java.util.function.Consumer;

/**
 * The MCP client's model as an {@link LlmProvider}. Sampling answers arrive whole, so a stream is
 * one delta; token counts are estimated with the budget because the protocol does not report them.
 */
final class SamplingProvider implements LlmProvider {
    private final SamplingClient client;
    private final String modelHint;
    private final TokenBudget budget;

    SamplingProvider(SamplingClient client, String modelHint, TokenBudget budget) {
        this.client = client;
        this.modelHint = modelHint;
        this.budget = budget;
    }

    @Override
    public String name() {
        return "sampling";
    }

    @Override
    public String model() {
        return modelHint.isEmpty() ? "client's choice" : modelHint;
    }

    @Override
    public Completion complete(LlmRequest request) throws LlmException {
        if (Thread.currentThread().isInterrupted()) {
            throw new LlmException(LlmException.Kind.CANCELLED, "cancelled: sampling call");
        }
        SamplingClient.SamplingResult result = client.createMessage(new SamplingClient.SamplingRequest(
                request.system() == null ? "" : request.system(),
                request.user(),
                request.maxTokens(),
                request.temperature(),
                modelHint.isEmpty() ? List.of() : List.of(modelHint)));
        String text = result.text() == null ? "" : result.text();
        return new Completion(
                text,
                budget.count(request.system()) + budget.count(request.user()),
                budget.count(text),
                finishReason(result.stopReason()));
    }

    @Override
    public Completion stream(LlmRequest request, Consumer<String> onDelta) throws LlmException {
        Completion completion = complete(request);
        if (!completion.text().isEmpty()) {
            onDelta.accept(completion.text());
        }
        return completion;
    }

    private static String finishReason(String stopReason) {
        if (stopReason == null) {
            return "unknown";
        }
        return switch (stopReason) {
            case "endTurn", "stopSequence" -> "stop";
            case "maxTokens" -> "length";
            default -> stopReason;
        };
    }
}
