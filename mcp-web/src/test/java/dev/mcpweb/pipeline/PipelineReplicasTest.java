package dev.mcpweb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.RedisServer;
import dev.mcpweb.config.Config;
import dev.mcpweb.sim.SimulatedLlmServer;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas (pipelines) sharing one real Redis and one simulated LLM that counts its calls: the same
 * summary asked of all three at once costs the model calls of one, and a later request on any replica is
 * a cache hit that calls the model not at all.
 */
class PipelineReplicasTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @TempDir
    Path dir;

    private final MockWebServer pages = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        redis.flushAll();
        String page = PipelineTest.article("Alpha guide", "Alpha");
        pages.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder()
                        .addHeader("Content-Type", "text/html; charset=utf-8")
                        .body(page)
                        .build();
            }
        });
        pages.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        pages.close();
    }

    private Config replica(SimulatedLlmServer llm, int n) {
        return PipelineTest.config(
                dir.resolve("replica" + n),
                llm,
                "cache.backend",
                "redis",
                "cache.redis_url",
                redis.url(),
                "summarizer.map_reduce_threshold",
                "50",
                "chunker.chunk_size",
                "60",
                "chunker.chunk_overlap",
                "0");
    }

    private Summary summarize(Pipeline pipeline) throws Exception {
        String url = "http://127.0.0.1:" + pages.getPort() + "/a";
        SummarizeRequest request =
                new SummarizeRequest(List.of(url), Optional.empty(), OptionalInt.of(120), Optional.empty());
        return pipeline.summarize(request, SummaryListener.NONE, Optional.empty())
                .summary();
    }

    @Test
    void theSameSummaryAskedOfThreeReplicasAtOnceCostsTheModelCallsOfOne() throws Exception {
        int replicas = 3;
        // Slow enough that every replica asks while the first summary is still being made.
        try (SimulatedLlmServer llm = SimulatedLlmServer.start(
                        SimulatedLlmServer.Settings.instant().withLatency(Duration.ofMillis(500), Duration.ZERO));
                ExecutorService threads = Executors.newFixedThreadPool(replicas)) {
            List<Pipeline> pipelines = new ArrayList<>();
            try {
                for (int i = 0; i < replicas; i++) {
                    pipelines.add(Pipeline.create(replica(llm, i)));
                }
                CyclicBarrier together = new CyclicBarrier(replicas);
                List<Future<Summary>> asked = new ArrayList<>();
                for (Pipeline pipeline : pipelines) {
                    asked.add(threads.submit(() -> {
                        together.await();
                        return summarize(pipeline);
                    }));
                }
                List<Summary> done = new ArrayList<>();
                for (Future<Summary> f : asked) {
                    done.add(f.get(60, TimeUnit.SECONDS));
                }

                List<Summary> made = done.stream()
                        .filter(s -> !s.stats().mode().equals("cached"))
                        .toList();
                assertThat(made).as("one replica made the summary").hasSize(1);
                long callsOfOne = made.getFirst().stats().llmCalls();
                assertThat(callsOfOne).isGreaterThan(2); // map calls and the final one
                assertThat(llm.stats().requests()).isEqualTo(callsOfOne);
                assertThat(done)
                        .extracting(Summary::markdown)
                        .containsOnly(made.getFirst().markdown());

                try (Pipeline later = Pipeline.create(replica(llm, replicas))) {
                    Summary again = summarize(later);
                    assertThat(again.stats().mode()).isEqualTo("cached");
                    assertThat(again.markdown()).isEqualTo(made.getFirst().markdown());
                }
                assertThat(llm.stats().requests())
                        .as("a later request anywhere calls the model not at all")
                        .isEqualTo(callsOfOne);
            } finally {
                pipelines.forEach(Pipeline::close);
            }
        }
    }
}
