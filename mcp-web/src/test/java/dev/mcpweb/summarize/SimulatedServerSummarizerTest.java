package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.chunk.Chunker;
import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmProviders;
import dev.mcpweb.llm.ResilientProvider;
import dev.mcpweb.llm.TokenBudget;
import dev.mcpweb.sim.SimulatedLlmServer;
import dev.mcpweb.sim.SimulatedLlmServer.Fault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Map-reduce over real HTTP: the OpenAI adapter with retries and limits, and the simulated server on 127.0.0.1. */
class SimulatedServerSummarizerTest {
    private SimulatedLlmServer server;
    private LlmProvider provider;

    private MapReduceSummarizer summarizer(SimulatedLlmServer.Settings settings, String... more) throws Exception {
        server = SimulatedLlmServer.start(settings);
        Map<String, String> s = new HashMap<>(Map.of(
                "summarizer.provider", "openai",
                "summarizer.api_base", server.v1Url(),
                "summarizer.api_key", "sk-test",
                "summarizer.model", "gpt-4o-mini",
                "summarizer.max_concurrent", "4",
                "summarizer.map_reduce_threshold", "2000",
                "chunker.chunk_size", "300",
                "chunker.chunk_overlap", "0"));
        for (int i = 0; i < more.length; i += 2) {
            s.put(more[i], more[i + 1]);
        }
        Config config = Config.defaults().with(s);
        provider = LlmProviders.fromConfig(config.summarizer()).orElseThrow();
        TokenBudget budget = ((ResilientProvider) provider).budget();
        return new MapReduceSummarizer(
                provider,
                budget::count,
                budget.contextWindow(),
                config.summarizer(),
                new Chunker(config.chunker(), budget::count),
                new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static SummaryRequest request(int parts) {
        return new SummaryRequest(
                List.of(MapReduceSummarizerTest.document("https://example.com/a", parts)), Optional.empty(), 150);
    }

    private SimulatedLlmServer.Recorded finalRequest() {
        return server.requests().stream()
                .filter(r -> r.system().startsWith("You write"))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void theServerNeverSeesMoreThanMaxConcurrentCallsAndOrderIsKept() throws Exception {
        MapReduceSummarizer s = summarizer(SimulatedLlmServer.Settings.instant()
                .withLatency(Duration.ofMillis(30), Duration.ofMillis(1))
                .withMaxConcurrent(64));
        Summary summary = s.summarize(request(24), SummaryListener.NONE);
        assertThat(server.stats().peakInFlight()).isEqualTo(4);
        Matcher m = Pattern.compile("PART-(\\d{4})").matcher(finalRequest().user());
        List<Integer> seen = new ArrayList<>();
        while (m.find()) {
            seen.add(Integer.parseInt(m.group(1)));
        }
        assertThat(seen).hasSize(24).isSorted();
        assertThat(summary.stats().llmCalls()).isEqualTo(server.stats().requests());
        assertThat(summary.markdown()).contains("PART-0000");
    }

    @Test
    void injectedFailuresAreRetriedAndCounted() throws Exception {
        MapReduceSummarizer s = summarizer(SimulatedLlmServer.Settings.instant());
        server.script(Fault.serverError(), Fault.status(503));
        Summary summary = s.summarize(request(12), SummaryListener.NONE);
        assertThat(summary.warnings()).isEmpty();
        assertThat(summary.stats().retries()).isEqualTo(2);
        assertThat(server.stats().requests()).isEqualTo(summary.stats().llmCalls() + 2);
    }

    @Test
    void aSectionWhoseCallFailsForGoodIsReportedAsMissing() throws Exception {
        MapReduceSummarizer s = summarizer(SimulatedLlmServer.Settings.instant(), "summarizer.max_retries", "0");
        server.script(Fault.status(400));
        Summary summary = s.summarize(request(12), SummaryListener.NONE);
        assertThat(summary.warnings())
                .singleElement()
                .asString()
                .startsWith("1 of ")
                .contains("400");
        assertThat(summary.markdown()).contains("> **Note:** 1 of ");
    }

    @Test
    void theLlmCallBudgetHoldsAndTheMapTakesChunksFromEverySourceInTurn() throws Exception {
        MapReduceSummarizer s = summarizer(SimulatedLlmServer.Settings.instant(), "summarizer.max_llm_calls", "10");
        Document a = MapReduceSummarizerTest.document("https://example.com/a", 24);
        Document b = relabelled(MapReduceSummarizerTest.document("https://example.com/b", 24), "BART-");
        Summary summary = s.summarize(new SummaryRequest(List.of(a, b), Optional.empty(), 150), SummaryListener.NONE);

        assertThat(server.stats().requests()).isLessThanOrEqualTo(10);
        assertThat(summary.stats().llmCalls()).isEqualTo(server.stats().requests());
        assertThat(summary.warnings())
                .anySatisfy(w -> assertThat(w)
                        .contains("max_llm_calls 10")
                        .contains("of " + summary.stats().chunks()));
        assertThat(summary.markdown()).contains("max_llm_calls 10");
        // the first chunks of both sources were read, not the first source's alone
        assertThat(finalRequest().user()).contains("PART-0000").contains("BART-0000");
    }

    @Test
    void aRequestMayAskForFewerCallsThanConfigured() throws Exception {
        MapReduceSummarizer s = summarizer(SimulatedLlmServer.Settings.instant());
        SummaryRequest few = new SummaryRequest(
                request(24).documents(),
                Optional.empty(),
                150,
                dev.mcpweb.work.StopToken.none(),
                java.util.OptionalInt.of(4));
        Summary summary = s.summarize(few, SummaryListener.NONE);
        assertThat(server.stats().requests()).isLessThanOrEqualTo(4);
        assertThat(summary.warnings()).anySatisfy(w -> assertThat(w).contains("max_llm_calls 4"));

        server.close();
        provider.close();
        MapReduceSummarizer unbounded = summarizer(SimulatedLlmServer.Settings.instant());
        unbounded.summarize(request(24), SummaryListener.NONE);
        assertThat(server.stats().requests()).as("calls without a budget").isGreaterThan(10);
    }

    private static Document relabelled(Document d, String label) {
        String md = d.markdown().replace("PART-", label);
        return new Document(d.url(), d.metadata(), md, md, d.contentLinks(), d.pageLinks(), d.codeBlocks());
    }
}
