package dev.mcpweb.summarize;

import dev.mcpweb.chunk.Chunk;
import dev.mcpweb.config.Config;
import dev.mcpweb.config.SummarizerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One summary's shared machinery, built as {@link MapReduceSummarizer} builds it, for tests of its steps
 * one at a time against the {@link FakeLlm}; closing it ends the run's calls.
 */
final class StepFixture implements AutoCloseable {
    final FakeLlm llm = new FakeLlm();
    final MapReduceSummarizerTest.Recorder listener = new MapReduceSummarizerTest.Recorder();
    final SummarizerConfig config;
    final WindowBudget budget;
    final SummaryRun run;
    final Brief brief;

    StepFixture(int window, Map<String, String> settings) {
        this.config = Config.defaults().with(settings).summarizer();
        this.budget = new WindowBudget(MapReduceSummarizerTest.TOKENS, window, config.maxTokens());
        long now = System.nanoTime();
        this.run = new SummaryRun(
                new CallPool(config.maxConcurrent()),
                new CallCounter(llm, new SummaryMetrics(new SimpleMeterRegistry()), now),
                listener,
                new SummaryMetrics(new SimpleMeterRegistry()),
                Collections.synchronizedList(new ArrayList<>()),
                now,
                now + Duration.ofSeconds(30).toNanos());
        this.brief = new Brief(
                "page",
                Optional.empty(),
                List.of(
                        new Summary.SourceRef(1, "First", "https://example.com/1"),
                        new Summary.SourceRef(2, "Second", "https://example.com/2")),
                150);
    }

    /** Chunk {@code index} of source {@code source} under heading {@code section}, counted with the real tokenizer. */
    static Chunk chunk(int index, int source, String section, String text) {
        return new Chunk(
                index,
                source,
                List.of(section),
                text,
                0,
                text.length(),
                MapReduceSummarizerTest.TOKENS.applyAsInt(text));
    }

    @Override
    public void close() {
        run.pool().close();
    }
}
