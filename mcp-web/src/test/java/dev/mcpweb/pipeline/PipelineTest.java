package dev.mcpweb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.mcpweb.config.Config;
import dev.mcpweb.config.MapMode;
import dev.mcpweb.llm.Completion;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmRequest;
import dev.mcpweb.sim.SimulatedLlmServer;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline against pages served on 127.0.0.1 and the simulated LLM server. */
class PipelineTest {
    @TempDir
    Path cacheDir;

    private HttpServer pages;
    private SimulatedLlmServer llm;

    static String article(String title, String topic) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            body.append("<p>")
                    .append(topic)
                    .append(" fact ")
                    .append(i)
                    .append(" is explained here in plain words. ")
                    .append("It is followed by more detail about ")
                    .append(topic)
                    .append(" that a reader needs.</p>\n");
        }
        return "<!doctype html><html><head><title>" + title + "</title></head><body>"
                + "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
                + "<article><h1>" + title + "</h1>" + body + "</article>"
                + "<footer>Copyright footer text</footer></body></html>";
    }

    @BeforeEach
    void start() throws IOException {
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> site = Map.of(
                "/a",
                article("Alpha guide", "Alpha"),
                "/b",
                article("Beta guide", "Beta"),
                "/long",
                "<html><body>" + "<p>One more sentence of a long story.</p>".repeat(50_000) + "</body></html>");
        pages.createContext("/", exchange -> {
            String page = site.get(exchange.getRequestURI().getPath());
            byte[] bytes = (page == null ? "not here" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        pages.start();
        llm = SimulatedLlmServer.start(SimulatedLlmServer.Settings.instant());
    }

    @AfterEach
    void stop() {
        pages.stop(0);
        llm.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + pages.getAddress().getPort() + path;
    }

    private Config config(String... more) {
        return config(cacheDir, llm, more);
    }

    /** Pages on 127.0.0.1 only, the cache in {@code cacheDir}, {@code llm} as an OpenAI API; then {@code more}. */
    static Config config(Path cacheDir, SimulatedLlmServer llm, String... more) {
        Map<String, String> s = new HashMap<>(Map.of(
                "fetcher.allowed_hosts", "127.0.0.1/32",
                "fetcher.respect_robots", "false",
                "cache.dir", cacheDir.toString(),
                "summarizer.provider", "openai",
                "summarizer.api_base", llm.v1Url(),
                "summarizer.api_key", "sk-test-key",
                "summarizer.model", "gpt-4o-mini"));
        for (int i = 0; i < more.length; i += 2) {
            s.put(more[i], more[i + 1]);
        }
        return Config.defaults().with(s);
    }

    private static SummarizeRequest request(String... sources) {
        return new SummarizeRequest(List.of(sources), Optional.empty(), OptionalInt.of(120), Optional.empty());
    }

    @Test
    void aReadingPipelineExtractsOnTheCallingThreadAndStillWithinTheCpuBudget() throws Exception {
        try (Pipeline pipeline = Pipeline.forReading(config())) {
            assertThat(pipeline.read(url("/a"), SummaryListener.NONE).title()).isEqualTo("Alpha guide");
        }
        try (Pipeline pipeline = Pipeline.forReading(config("extractor.max_cpu", "0.001s"))) {
            assertThatThrownBy(() -> pipeline.read(url("/long"), SummaryListener.NONE))
                    .isInstanceOf(PipelineException.class)
                    .hasMessageContaining("CPU-time budget");
        }
    }

    @Test
    void summarizesTheSourcesThatCanBeReadAndReportsTheOthers() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config())) {
            PipelineResult result = pipeline.summarize(
                    request(url("/a"), url("/missing"), "http://10.0.0.1/", url("/b")),
                    SummaryListener.NONE,
                    Optional.empty());
            Summary summary = result.summary();
            assertThat(summary.sources())
                    .extracting(Summary.SourceRef::title)
                    .containsExactly("Alpha guide", "Beta guide");
            assertThat(summary.markdown())
                    .contains("Alpha fact 0")
                    .contains("Beta fact 0")
                    .contains("1. [Alpha guide](" + url("/a") + ")");
            assertThat(result.failures())
                    .extracting(SourceFailure::source, SourceFailure::kind)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(url("/missing"), FailureKind.FAILED),
                            org.assertj.core.groups.Tuple.tuple("http://10.0.0.1/", FailureKind.REFUSED));
            assertThat(summary.stats().llmCalls()).isEqualTo(1);
            assertThat(llm.stats().requests()).isEqualTo(1);
        }
    }

    @Test
    void whenNoSourceCanBeReadTheRequestFailsWithTheReason() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config())) {
            assertThatThrownBy(() ->
                            pipeline.summarize(request("http://10.0.0.1/"), SummaryListener.NONE, Optional.empty()))
                    .isInstanceOf(PipelineException.class)
                    .hasMessageContaining("10.0.0.1")
                    .extracting(e -> ((PipelineException) e).kind())
                    .isEqualTo(FailureKind.REFUSED);
        }
    }

    @Test
    void theSameRequestAgainIsServedFromTheCacheWithoutCallingTheModel() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config())) {
            Summary first = pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.empty())
                    .summary();
            Summary second = pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.empty())
                    .summary();
            assertThat(second.markdown()).isEqualTo(first.markdown());
            assertThat(second.stats().mode()).isEqualTo("cached");
            assertThat(llm.stats().requests()).isEqualTo(1);
        }
    }

    @Test
    void withNoLlmConfiguredTheEmbeddedSummarizerAnswers() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config("summarizer.provider", "extractive"))) {
            Summary summary = pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.empty())
                    .summary();
            assertThat(summary.markdown()).contains("Alpha");
            assertThat(llm.stats().requests()).isZero();
        }
    }

    @Test
    void stageTimersAndLlmCountersAreRecorded() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Pipeline pipeline =
                Pipeline.create(config("summarizer.map_reduce_threshold", "50", "chunker.chunk_size", "60"), meters)) {
            Summary summary = pipeline.summarize(request(url("/a"), url("/b")), SummaryListener.NONE, Optional.empty())
                    .summary();
            assertThat(summary.stats().chunks()).isGreaterThan(2);
            for (String stage : List.of("fetch", "extract", "chunk", "map", "collapse", "reduce")) {
                assertThat(meters.get("mcpweb.stage")
                                .tag("stage", stage)
                                .timer()
                                .count())
                        .as(stage)
                        .isPositive();
            }
            assertThat(meters.get("mcpweb.llm.calls").counter().count())
                    .isEqualTo(summary.stats().llmCalls());
            assertThat(meters.get("mcpweb.llm.tokens")
                            .tag("direction", "out")
                            .counter()
                            .count())
                    .isPositive();
        }
    }

    @Test
    void readReturnsOneExtractedDocument() throws Exception {
        try (Pipeline pipeline = Pipeline.create(config())) {
            assertThat(pipeline.read(url("/b"), SummaryListener.NONE).markdown())
                    .contains("Beta fact 5")
                    .doesNotContain("Copyright");
            assertThatThrownBy(() -> pipeline.read(url("/missing"), SummaryListener.NONE))
                    .isInstanceOf(PipelineException.class)
                    .extracting(e -> ((PipelineException) e).kind())
                    .isEqualTo(FailureKind.FAILED);
        }
    }

    /** The MCP client's model, as the server would pass it: answers with a fixed cited sentence. */
    static final class ClientModel implements LlmProvider {
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String name() {
            return "sampling";
        }

        @Override
        public String model() {
            return "client-model";
        }

        @Override
        public Completion complete(LlmRequest request) {
            calls.incrementAndGet();
            return new Completion("The client's model read it [1].", 100, 8, "stop");
        }

        @Override
        public Completion stream(LlmRequest request, java.util.function.Consumer<String> onDelta) {
            Completion c = complete(request);
            onDelta.accept(c.text());
            return c;
        }
    }

    @Test
    void withSamplingConfiguredTheClientsModelWritesTheSummary() throws Exception {
        ClientModel client = new ClientModel();
        try (Pipeline pipeline = Pipeline.create(config("summarizer.provider", "sampling"))) {
            Summary summary = pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.of(client))
                    .summary();
            assertThat(summary.markdown()).startsWith("The client's model read it [1].");
            assertThat(summary.stats().provider()).isEqualTo("sampling");
            assertThat(client.calls.get()).isEqualTo(1);
            assertThatThrownBy(() -> pipeline.summarize(request(url("/b")), SummaryListener.NONE, Optional.empty()))
                    .isInstanceOf(PipelineException.class)
                    .hasMessageContaining("sampling");
        }
        assertThat(llm.stats().requests()).isZero();
    }

    @Test
    void aRequestsModeServesThatRequestOnlyAndKeepsItsOwnCacheEntry() throws Exception {
        Config config = config("summarizer.map_reduce_threshold", "10", "summarizer.mode", "parallel");
        try (Pipeline pipeline = Pipeline.create(config)) {
            SummarizeRequest sequential = new SummarizeRequest(
                    List.of(url("/a")), Optional.empty(), OptionalInt.empty(), Optional.of(MapMode.SEQUENTIAL));
            Summary first = pipeline.summarize(sequential, SummaryListener.NONE, Optional.empty())
                    .summary();
            Summary configured = pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.empty())
                    .summary();

            assertThat(first.stats().mode()).isEqualTo("sequential");
            assertThat(configured.stats().mode())
                    .as("the configured mode, not the previous request's, and not its cached summary")
                    .isEqualTo("parallel");
            assertThat(pipeline.config()).isSameAs(config);
            assertThat(pipeline.config().summarizer().mode()).isEqualTo(MapMode.PARALLEL);
        }
    }
}
