package dev.mcpweb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.Await;
import dev.mcpweb.cache.NamespaceStats;
import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.llm.Completion;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmRequest;
import dev.mcpweb.sim.SimulatedLlmServer;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache wired into every stage, against pages served on 127.0.0.1, the simulated LLM server and a
 * real SQLite cache: extracted documents, summaries by content, robots.txt answers between runs.
 */
class PipelineCacheTest {
    @TempDir
    Path cacheDir;

    private final MockWebServer pages = new MockWebServer();
    /** Path to page body; paths not in it are 404. Tests change pages by replacing entries. */
    private final Map<String, String> site = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private SimulatedLlmServer llm;

    @BeforeEach
    void start() throws IOException {
        pages.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                String page = site.get(path);
                if (page == null) {
                    return new MockResponse.Builder().code(404).body("not here").build();
                }
                String type = path.equals("/robots.txt") ? "text/plain" : "text/html; charset=utf-8";
                return new MockResponse.Builder()
                        .addHeader("Content-Type", type)
                        .body(page)
                        .build();
            }
        });
        pages.start(InetAddress.getByName("127.0.0.1"), 0);
        llm = SimulatedLlmServer.start(SimulatedLlmServer.Settings.instant());
    }

    @AfterEach
    void stop() {
        pages.close();
        llm.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + pages.getPort() + path;
    }

    private int requestsFor(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Every fetch goes to the server (a fetched page is stale at once), so changed pages are seen. */
    private Config config(String... more) {
        String[] all = new String[more.length + 2];
        all[0] = "cache.fetch_ttl";
        all[1] = "0s";
        System.arraycopy(more, 0, all, 2, more.length);
        return PipelineTest.config(cacheDir, llm, all);
    }

    private static SummarizeRequest request(String... sources) {
        return new SummarizeRequest(List.of(sources), Optional.empty(), OptionalInt.of(120), Optional.empty());
    }

    private static double count(MeterRegistry meters, String name, String result) {
        var counter = Search.in(meters).name(name).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long extractions(MeterRegistry meters) {
        var timer =
                Search.in(meters).name("mcpweb.stage").tag("stage", "extract").timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void theSameContentUnderAnotherUrlIsServedFromTheCacheAndCitesTheUrlAskedFor() throws Exception {
        String alpha = PipelineTest.article("Alpha guide", "Alpha");
        site.put("/a", alpha);
        site.put("/mirror/a", alpha);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Pipeline pipeline = Pipeline.create(config(), meters)) {
            Summary first = pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.empty())
                    .summary();
            assertThat(llm.stats().requests()).isEqualTo(1);

            StringBuilder streamed = new StringBuilder();
            Summary mirrored = pipeline.summarize(request(url("/mirror/a")), deltasInto(streamed), Optional.empty())
                    .summary();

            assertThat(llm.stats().requests()).as("no model call for a hit").isEqualTo(1);
            assertThat(count(meters, "mcpweb.cache.summary", "hit")).isEqualTo(1);
            assertThat(mirrored.stats().mode()).isEqualTo("cached");
            assertThat(mirrored.sources()).containsExactly(new Summary.SourceRef(1, "Alpha guide", url("/mirror/a")));
            assertThat(mirrored.markdown())
                    .endsWith("**Sources**\n\n1. [Alpha guide](" + url("/mirror/a") + ")\n")
                    .doesNotContain(url("/a") + ")");
            assertThat(streamed.toString()).isEqualTo(mirrored.markdown());
            String body = first.markdown().substring(0, first.markdown().indexOf("**Sources**"));
            assertThat(mirrored.markdown()).startsWith(body);

            site.put("/a", PipelineTest.article("Alpha guide", "Alpha, revised,"));
            Summary changed = pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.empty())
                    .summary();
            assertThat(llm.stats().requests())
                    .as("changed content is summarized again")
                    .isEqualTo(2);
            assertThat(changed.stats().mode()).isNotEqualTo("cached");
            assertThat(count(meters, "mcpweb.cache.summary", "miss")).isEqualTo(2);
        }
    }

    @Test
    void tenIdenticalConcurrentSummariesMakeTheModelCallsOfOne() throws Exception {
        site.put("/a", PipelineTest.article("Alpha guide", "Alpha"));
        int callers = 10;
        // Slow enough that every caller asks while the first summary is still being made.
        try (SimulatedLlmServer slow = SimulatedLlmServer.start(
                        SimulatedLlmServer.Settings.instant().withLatency(Duration.ofMillis(500), Duration.ZERO));
                Pipeline pipeline = Pipeline.create(PipelineTest.config(
                        cacheDir,
                        slow,
                        "summarizer.map_reduce_threshold",
                        "50",
                        "chunker.chunk_size",
                        "60",
                        "chunker.chunk_overlap",
                        "0"));
                ExecutorService threads = Executors.newFixedThreadPool(callers)) {
            CyclicBarrier together = new CyclicBarrier(callers);
            List<Future<Summary>> summaries = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                summaries.add(threads.submit(() -> {
                    together.await();
                    return pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.empty())
                            .summary();
                }));
            }
            List<Summary> done = new ArrayList<>();
            for (Future<Summary> f : summaries) {
                done.add(f.get(60, TimeUnit.SECONDS));
            }

            List<Summary> made = done.stream()
                    .filter(s -> !s.stats().mode().equals("cached"))
                    .toList();
            assertThat(made)
                    .as("one caller made the summary, the others shared it")
                    .hasSize(1);
            assertThat(made.getFirst().stats().llmCalls()).isGreaterThan(2); // map calls and the final one
            assertThat(slow.stats().requests())
                    .isEqualTo(made.getFirst().stats().llmCalls());
            assertThat(done)
                    .extracting(Summary::markdown)
                    .containsOnly(made.getFirst().markdown());
        }
    }

    @Test
    void aCachedMultiSourceSummaryListsTheSourcesInTheOrderAndUnderTheUrlsOfTheNewRequest() throws Exception {
        String alpha = PipelineTest.article("Alpha guide", "Alpha");
        String beta = PipelineTest.article("Beta guide", "Beta");
        site.putAll(Map.of("/a", alpha, "/b", beta, "/copy/a", alpha, "/copy/b", beta));
        try (Pipeline pipeline = Pipeline.create(config("summarizer.provider", "extractive"))) {
            pipeline.summarize(request(url("/a"), url("/b")), SummaryListener.NONE, Optional.empty());
            Summary copy = pipeline.summarize(
                            request(url("/copy/a"), url("/copy/b")), SummaryListener.NONE, Optional.empty())
                    .summary();
            assertThat(copy.stats().mode()).isEqualTo("cached");
            assertThat(copy.sources())
                    .extracting(Summary.SourceRef::url)
                    .containsExactly(url("/copy/a"), url("/copy/b"));
            assertThat(copy.markdown())
                    .contains("## Beta guide [2]")
                    .endsWith("1. [Alpha guide](" + url("/copy/a") + ")\n2. [Beta guide](" + url("/copy/b") + ")\n");

            Summary swapped = pipeline.summarize(
                            request(url("/copy/b"), url("/copy/a")), SummaryListener.NONE, Optional.empty())
                    .summary();
            assertThat(swapped.stats().mode())
                    .as("another order changes the citation numbers: a miss")
                    .isNotEqualTo("cached");
            assertThat(swapped.markdown()).contains("## Beta guide [1]");
        }
    }

    @Test
    void aPageChangedInOneSectionCostsOneMapCallAndTheFinalOne() throws Exception {
        String page = PipelineTest.article("Alpha guide", "Alpha");
        site.put("/a", page);
        Config settings = config(
                "summarizer.map_reduce_threshold", "50", "chunker.chunk_size", "60", "chunker.chunk_overlap", "0");
        try (Pipeline pipeline = Pipeline.create(settings)) {
            Summary first = pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.empty())
                    .summary();
            assertThat(first.stats().chunks()).isGreaterThan(2);
            assertThat(first.stats().llmCalls()).isEqualTo(first.stats().chunks() + 1);

            site.put("/a", page.replace("Alpha fact 3 is explained", "Alpha fact 3 is now explained"));
            long before = llm.stats().requests();
            Summary changed = pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.empty())
                    .summary();
            assertThat(changed.stats().mode()).isNotEqualTo("cached");
            assertThat(changed.stats().llmCalls()).isEqualTo(2);
            assertThat(llm.stats().requests() - before).isEqualTo(2);
        }
    }

    @Test
    void anUnchangedPageIsNotExtractedAgainAndAChangedOneIs() throws Exception {
        site.put("/a", PipelineTest.article("Alpha guide", "Alpha"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Pipeline pipeline = Pipeline.create(config(), meters)) {
            Document first = pipeline.read(url("/a"), SummaryListener.NONE);
            Document again = pipeline.read(url("/a"), SummaryListener.NONE);

            assertThat(requestsFor("/a")).as("both reads fetched the page").isEqualTo(2);
            assertThat(extractions(meters)).isEqualTo(1);
            assertThat(count(meters, "mcpweb.cache.extract", "hit")).isEqualTo(1);
            assertThat(again).usingRecursiveComparison().isEqualTo(first);
            assertThat(again.contentLinks()).isEqualTo(first.contentLinks());

            site.put("/a", PipelineTest.article("Alpha guide", "Gamma"));
            Document changed = pipeline.read(url("/a"), SummaryListener.NONE);
            assertThat(extractions(meters)).isEqualTo(2);
            assertThat(changed.markdown()).contains("Gamma fact 0").doesNotContain("Alpha fact 0");
        }
    }

    @Test
    void theSameBytesAtAnotherAddressAreExtractedAgainBecauseTheirLinksResolveThere() throws Exception {
        String page = "<html><head><title>Links</title></head><body><article><h1>Links</h1>"
                + "<p>Read <a href='next'>the next part</a> of this long enough paragraph about links "
                + "that resolve against the address of the page they are on.</p></article></body></html>";
        site.put("/one/page", page);
        site.put("/two/page", page);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Pipeline pipeline = Pipeline.create(config(), meters)) {
            Document one = pipeline.read(url("/one/page"), SummaryListener.NONE);
            Document two = pipeline.read(url("/two/page"), SummaryListener.NONE);
            assertThat(extractions(meters)).isEqualTo(2);
            assertThat(one.contentLinks()).extracting(l -> l.url().toString()).contains(url("/one/next"));
            assertThat(two.contentLinks()).extracting(l -> l.url().toString()).contains(url("/two/next"));
        }
    }

    @Test
    void robotsTxtIsAskedForOnceAcrossRunsSharingTheCache() throws Exception {
        site.put("/robots.txt", "User-agent: *\nDisallow: /private\n");
        site.put("/a", PipelineTest.article("Alpha guide", "Alpha"));
        site.put("/private", PipelineTest.article("Secret", "Secret"));
        try (Pipeline first = Pipeline.create(config("fetcher.respect_robots", "true"))) {
            assertThat(first.read(url("/a"), SummaryListener.NONE).markdown()).contains("Alpha fact 0");
        }
        assertThat(requestsFor("/robots.txt")).isEqualTo(1);
        try (Pipeline second = Pipeline.create(config("fetcher.respect_robots", "true"))) {
            assertThat(second.read(url("/a"), SummaryListener.NONE).markdown()).contains("Alpha fact 0");
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                    PipelineException.class, () -> second.read(url("/private"), SummaryListener.NONE))
                            .kind())
                    .as("the stored rules still apply")
                    .isEqualTo(FailureKind.REFUSED);
            assertThat(second.cacheStats().namespaces().get("robots").entries()).isEqualTo(1);
        }
        assertThat(requestsFor("/robots.txt"))
                .as("the second run used the stored answer")
                .isEqualTo(1);
        assertThat(requestsFor("/private")).isZero();
    }

    /** A client model that answers only when released, and notices being interrupted. */
    static final class HeldModel implements LlmProvider {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String name() {
            return "sampling";
        }

        @Override
        public String model() {
            return "held";
        }

        @Override
        public Completion complete(LlmRequest request) {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return new Completion("The page explains Alpha [1].", 100, 8, "stop");
        }

        @Override
        public Completion stream(LlmRequest request, Consumer<String> onDelta) {
            Completion c = complete(request);
            onDelta.accept(c.text());
            return c;
        }
    }

    @Test
    void aCancelledSummaryIsNotCachedAndTheNextRequestAsksTheModelAgain() throws Exception {
        site.put("/a", PipelineTest.article("Alpha guide", "Alpha"));
        HeldModel held = new HeldModel();
        try (Pipeline pipeline = Pipeline.create(config("summarizer.provider", "sampling"))) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.of(held));
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            assertThat(held.entered.await(10, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            caller.join(10_000);
            assertThat(caller.isAlive()).isFalse();
            assertThat(failure.get()).isInstanceOf(PipelineException.class).hasMessageContaining("cancelled");
            assertThat(held.interrupted.await(10, TimeUnit.SECONDS))
                    .as("the call in flight was cancelled")
                    .isTrue();
            NamespaceStats summaries = pipeline.cacheStats().namespaces().get("summary");
            assertThat(summaries.entries()).isZero();

            held.release.countDown();
            Summary next = pipeline.summarize(request(url("/a")), SummaryListener.NONE, Optional.of(held))
                    .summary();
            assertThat(next.stats().mode()).isNotEqualTo("cached");
            assertThat(held.calls.get()).isEqualTo(2);
            // counted once written, which is the cache's writer's part
            Await.until(() -> pipeline.cacheStats().namespaces().get("summary").entries() == 1);
        }
    }

    private static SummaryListener deltasInto(StringBuilder out) {
        return new SummaryListener() {
            @Override
            public void onDelta(String text) {
                out.append(text);
            }
        };
    }
}
