package dev.mcpweb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.hostile.HostilePages;
import dev.mcpweb.summarize.SummaryListener;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary's CPU-bound stages on huge sources (megabytes of text each) run on the CPU pool, not on
 * the calling thread: comparing sources for copies and repeated passages included. On a virtual thread
 * such work holds a carrier, and with as many carriers as cores a few hostile calls slowed every other
 * call of the server. On the pool it is checked between blocks: the deadline and cancellation stop it.
 */
class PipelineCpuPoolTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path cacheDir;

    private static List<Document> hugeSources() {
        return List.of(source(1), source(2));
    }

    private static Document source(int n) {
        String text = HostilePages.naturalText(4 << 20, n);
        return new Document(
                URI.create("https://example.test/huge/" + n),
                Metadata.empty(),
                text,
                text,
                List.of(),
                List.of(),
                List.of());
    }

    private Pipeline pipeline(String deadline) {
        return Pipeline.create(Config.defaults()
                .with(Map.of(
                        "cache.dir",
                        cacheDir.toString(),
                        "summarizer.provider",
                        "extractive",
                        "summarizer.deadline",
                        deadline)));
    }

    @Test
    void comparingHugeSourcesRunsOnTheCpuPoolAndStopsAtTheDeadline() {
        List<Document> sources = hugeSources();
        try (Pipeline pipeline = pipeline("1s")) {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();

            assertThatThrownBy(() -> pipeline.summarize(
                            sources,
                            Optional.empty(),
                            OptionalInt.empty(),
                            Optional.empty(),
                            SummaryListener.NONE,
                            Optional.empty()))
                    .isInstanceOf(PipelineException.class)
                    .hasMessageContaining("not finished within the deadline of 1 s (summarizer.deadline)");

            Duration callerCpu = Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpu0);
            // Fingerprinting and comparing 8 MB of text takes the calling thread a second of CPU; waiting, nothing.
            assertThat(callerCpu).isLessThan(Duration.ofMillis(150));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void cancellingTheCallStopsTheComparisonOnThePool() throws Exception {
        List<Document> sources = hugeSources();
        try (Pipeline pipeline = pipeline("5m")) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            Thread caller = Thread.ofPlatform().start(() -> {
                try {
                    pipeline.summarize(
                            sources,
                            Optional.empty(),
                            OptionalInt.empty(),
                            Optional.empty(),
                            SummaryListener.NONE,
                            Optional.empty());
                    failure.complete(null);
                } catch (Throwable e) {
                    failure.complete(e);
                }
            });
            awaitBusy(pipeline, 1);

            caller.interrupt();

            assertThat(failure.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(PipelineException.class)
                    .satisfies(e -> assertThat(((PipelineException) e).kind()).isEqualTo(FailureKind.CANCELLED));
            awaitBusy(pipeline, 0);
        }
    }

    /** Waits (at most 10 s) until {@code busy} CPU threads of the pipeline are working. */
    private static void awaitBusy(Pipeline pipeline, int busy) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pipeline.cpuLoad().busy() != busy) {
            assertThat(System.nanoTime()).as("CPU threads busy: " + busy).isLessThan(until);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
