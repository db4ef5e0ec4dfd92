package dev.mcpweb.summarize;

import dev.mcpweb.llm.Completion;
import dev.mcpweb.llm.LlmException;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmRequest;
import dev.mcpweb.llm.ResilientProvider;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Makes the LLM calls of one summary and counts them: calls, retries, tokens in and out, and the time
 * during which no call was in flight (the summary's own overhead on the critical path). It refuses a call
 * past the summary's budget ({@code summarizer.max_llm_calls}); the steps plan within {@link #left()} so
 * that the final call always has its turn.
 */
final class CallCounter {
    private final int maxCalls;
    private final LlmProvider provider;
    private final SummaryMetrics metrics;
    private final AtomicInteger calls = new AtomicInteger();
    private final LongAdder retries = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final Object idleLock = new Object();
    private int inFlight;
    private long idleSince;
    private long idleNanos;

    CallCounter(LlmProvider provider, SummaryMetrics metrics, long startNanos) {
        this(provider, metrics, startNanos, Integer.MAX_VALUE);
    }

    CallCounter(LlmProvider provider, SummaryMetrics metrics, long startNanos, int maxCalls) {
        this.maxCalls = maxCalls;
        this.provider = provider;
        this.metrics = metrics;
        this.idleSince = startNanos;
    }

    Completion complete(LlmRequest request) throws LlmException {
        if (provider instanceof ResilientProvider resilient) {
            LongAdder retried = new LongAdder();
            try {
                return counted(() -> resilient.complete(request, retried));
            } finally {
                retried(retried);
            }
        }
        return counted(() -> provider.complete(request));
    }

    Completion stream(LlmRequest request, Consumer<String> onDelta) throws LlmException {
        if (provider instanceof ResilientProvider resilient) {
            LongAdder retried = new LongAdder();
            try {
                return counted(() -> resilient.stream(request, onDelta, retried));
            } finally {
                retried(retried);
            }
        }
        return counted(() -> provider.stream(request, onDelta));
    }

    private void retried(LongAdder retried) {
        long n = retried.sum();
        if (n > 0) {
            retries.add(n);
            metrics.retries(n);
        }
    }

    private interface Call {
        Completion run() throws LlmException;
    }

    private Completion counted(Call call) throws LlmException {
        if (calls.incrementAndGet() > maxCalls) {
            calls.decrementAndGet();
            throw new LlmException(
                    LlmException.Kind.PERMANENT,
                    "the summary's LLM-call budget (" + maxCalls + ", max_llm_calls) is spent");
        }
        enter();
        try {
            Completion c = call.run();
            inputTokens.add(c.inputTokens());
            outputTokens.add(c.outputTokens());
            metrics.call(c.inputTokens(), c.outputTokens());
            return c;
        } catch (LlmException e) {
            metrics.call(0, 0);
            throw e;
        } finally {
            leave();
        }
    }

    private void enter() {
        synchronized (idleLock) {
            if (inFlight++ == 0) {
                idleNanos += System.nanoTime() - idleSince;
            }
        }
    }

    private void leave() {
        synchronized (idleLock) {
            if (--inFlight == 0) {
                idleSince = System.nanoTime();
            }
        }
    }

    int calls() {
        return calls.get();
    }

    /** The summary's budget of calls. */
    int maxCalls() {
        return maxCalls;
    }

    /** Calls still allowed. */
    int left() {
        return Math.max(0, maxCalls - calls.get());
    }

    int retries() {
        return retries.intValue();
    }

    long inputTokens() {
        return inputTokens.sum();
    }

    long outputTokens() {
        return outputTokens.sum();
    }

    /** Time so far with no call in flight. */
    long idleNanos(long now) {
        synchronized (idleLock) {
            return idleNanos + (inFlight == 0 ? now - idleSince : 0);
        }
    }
}
