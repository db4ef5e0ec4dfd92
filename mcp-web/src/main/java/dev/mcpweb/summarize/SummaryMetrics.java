package dev.mcpweb.summarize;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The summarizer's meters: a timer per stage ({@code mcpweb.stage}, tag {@code stage} = chunk, map,
 * collapse, reduce), LLM calls, tokens in and out and retries ({@code mcpweb.llm.*}), and per summary
 * its wall time and the part of it with no LLM call in flight ({@code mcpweb.summary.idle}).
 */
final class SummaryMetrics {
    private final MeterRegistry meters;
    private final Counter calls;
    private final Counter tokensIn;
    private final Counter tokensOut;
    private final Counter retries;

    SummaryMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.calls = meters.counter("mcpweb.llm.calls");
        this.tokensIn = meters.counter("mcpweb.llm.tokens", "direction", "in");
        this.tokensOut = meters.counter("mcpweb.llm.tokens", "direction", "out");
        this.retries = meters.counter("mcpweb.llm.retries");
    }

    void stage(String stage, long nanos) {
        Timer.builder("mcpweb.stage").tag("stage", stage).register(meters).record(nanos, TimeUnit.NANOSECONDS);
    }

    void call(long in, long out) {
        calls.increment();
        tokensIn.increment(in);
        tokensOut.increment(out);
    }

    void retries(long n) {
        retries.increment(n);
    }

    void summary(long idleNanos, long elapsedNanos) {
        meters.timer("mcpweb.summary").record(elapsedNanos, TimeUnit.NANOSECONDS);
        meters.timer("mcpweb.summary.idle").record(idleNanos, TimeUnit.NANOSECONDS);
    }
}
