package dev.mcpweb.summarize;

import dev.mcpweb.llm.LlmProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Ends a summary once its answer is written: gathers the warnings (suspected injections first, then
 * those of the steps, then the checks of the answer's citations and echoes), streams them as notes
 * followed by the numbered source list the {@code [n]} citations point into, and counts the stats.
 */
final class SummaryAssembler {
    private final SummaryRun run;
    private final List<Summary.SourceRef> sources;
    private final LlmProvider provider;
    private final Future<List<String>> injections;

    /** {@code injections} is the scan for prompt injections running beside the calls. */
    SummaryAssembler(
            SummaryRun run, List<Summary.SourceRef> sources, LlmProvider provider, Future<List<String>> injections) {
        this.run = run;
        this.sources = sources;
        this.provider = provider;
        this.injections = injections;
    }

    Summary finish(String body, String mode, int chunkCount) throws SummaryException {
        List<String> warnings = run.warnings();
        try {
            warnings.addAll(0, injections.get());
        } catch (InterruptedException e) {
            throw run.pool().cancelled(List.of(injections));
        } catch (ExecutionException e) {
            warnings.add("Checking the sources for prompt injection failed: " + e.getCause());
        }
        warnings.addAll(OutputCheck.warnings(body, sources.size()));
        StringBuilder tail = new StringBuilder();
        if (!body.endsWith("\n")) {
            tail.append('\n');
        }
        for (String w : warnings) {
            tail.append("\n> **Note:** ").append(w).append('\n');
        }
        tail.append(SourceList.render(sources));
        run.listener().onDelta(tail.toString());
        CallCounter calls = run.calls();
        long elapsed = System.nanoTime() - run.started();
        SummaryStats stats = new SummaryStats(
                provider.name(),
                provider.model(),
                mode,
                chunkCount,
                calls.calls(),
                calls.retries(),
                calls.inputTokens(),
                calls.outputTokens(),
                Duration.ofNanos(elapsed));
        run.metrics().summary(calls.idleNanos(System.nanoTime()), elapsed);
        return new Summary(body + tail, sources, stats, warnings);
    }
}
