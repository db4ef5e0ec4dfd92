package dev.mcpweb.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.sim.SimulatedLlmServer;
import dev.mcpweb.sim.SimulatedLlmServer.Fault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResilientProviderTest {
    private static final String PAGE = "First point here. More detail.\n\nSecond point here. Even more.\n\n"
            + "Third point here. And more words to stream so that the answer has several tokens in it.";
    private static final String ANSWER = "First point here.\nSecond point here.\nThird point here.";
    private static final LlmRequest REQUEST = new LlmRequest("Summarize.", PAGE, 100, 0.2);

    private SimulatedLlmServer server;

    private SimulatedLlmServer start(SimulatedLlmServer.Settings settings) throws Exception {
        server = SimulatedLlmServer.start(settings);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Completion call(ResilientProvider provider, boolean stream, List<String> deltas, LongAdder retries)
            throws LlmException {
        return stream ? provider.stream(REQUEST, deltas::add, retries) : provider.complete(REQUEST, retries);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRateLimitIsRetriedAfterTheDelayTheServerAskedFor(boolean stream) throws Exception {
        start(SimulatedLlmServer.Settings.instant()).script(Fault.rateLimited(Duration.ofMillis(700)));
        try (ResilientProvider provider = SimulatedLlm.provider(server, "openai")) {
            LongAdder retries = new LongAdder();
            List<String> deltas = new CopyOnWriteArrayList<>();

            Completion completion = call(provider, stream, deltas, retries);

            assertThat(completion.text()).isEqualTo(ANSWER);
            assertThat(retries.sum()).isEqualTo(1);
            assertThat(provider.retries()).isEqualTo(1);
            List<SimulatedLlmServer.Recorded> seen = server.requests();
            assertThat(seen).extracting(SimulatedLlmServer.Recorded::outcome).containsExactly("429", "ok");
            assertThat(Duration.ofNanos(seen.get(1).arrivedNanos() - seen.get(0).arrivedNanos()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(700));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama"})
    void serverErrorsCutStreamsAndMalformedJsonAreRetriedForEveryAdapter(String name) throws Exception {
        start(SimulatedLlmServer.Settings.instant());
        try (ResilientProvider provider = SimulatedLlm.provider(server, name)) {
            for (boolean stream : new boolean[] {false, true}) {
                for (Fault fault :
                        List.of(Fault.serverError(), Fault.status(503), Fault.cutAfter(3), Fault.malformed())) {
                    server.script(fault);
                    LongAdder retries = new LongAdder();
                    List<String> deltas = new CopyOnWriteArrayList<>();

                    Completion completion = call(provider, stream, deltas, retries);

                    String what = name + (stream ? " streamed " : " plain ") + fault;
                    assertThat(completion.text()).as(what).isEqualTo(ANSWER);
                    if (stream) {
                        assertThat(String.join("", deltas))
                                .as(what + ": no text twice")
                                .isEqualTo(ANSWER);
                    }
                    assertThat(retries.sum()).as(what).isEqualTo(1);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "ollama"})
    void aStreamThatEndsCleanlyButUnfinishedIsRetriedNotTakenAsTheAnswer(String name) throws Exception {
        start(SimulatedLlmServer.Settings.instant()).script(Fault.endAfter(3));
        try (ResilientProvider provider = SimulatedLlm.provider(server, name)) {
            LongAdder retries = new LongAdder();
            List<String> deltas = new CopyOnWriteArrayList<>();

            Completion completion = provider.stream(REQUEST, deltas::add, retries);

            assertThat(completion.text()).isEqualTo(ANSWER);
            assertThat(String.join("", deltas)).isEqualTo(ANSWER);
            assertThat(retries.sum()).isEqualTo(1);
            assertThat(server.requests())
                    .extracting(SimulatedLlmServer.Recorded::outcome)
                    .containsExactly("end-early", "ok");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aSilentCallTimesOutAndIsRetried(boolean stream) throws Exception {
        start(SimulatedLlmServer.Settings.instant()).script(Fault.stall(Duration.ofSeconds(30)));
        try (ResilientProvider provider = SimulatedLlm.provider(
                server, "anthropic", Map.of("summarizer.idle_timeout", "500ms", "summarizer.timeout", "1500ms"))) {
            LongAdder retries = new LongAdder();
            List<String> deltas = new CopyOnWriteArrayList<>();

            Completion completion = call(provider, stream, deltas, retries);

            assertThat(completion.text()).isEqualTo(ANSWER);
            assertThat(retries.sum()).isEqualTo(1);
            if (stream) {
                assertThat(String.join("", deltas)).isEqualTo(ANSWER);
            }
            awaitTrue(() -> server.stats().aborted() == 1, "the stalled request was abandoned");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aTimeoutThatOutlastsTheRetriesNamesTheSettingToRaise(boolean stream) throws Exception {
        start(SimulatedLlmServer.Settings.instant()).script(Fault.stall(Duration.ofSeconds(30)));
        try (ResilientProvider provider = SimulatedLlm.provider(
                server,
                "openai",
                Map.of(
                        "summarizer.idle_timeout",
                        "200ms",
                        "summarizer.timeout",
                        "300ms",
                        "summarizer.max_retries",
                        "0"))) {
            assertThatThrownBy(() -> call(provider, stream, new ArrayList<>(), new LongAdder()))
                    .isInstanceOfSatisfying(
                            LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TRANSIENT))
                    .hasMessage(
                            stream
                                    ? "the stream was silent for 200ms (MCP_WEB_SUMMARIZER_IDLE_TIMEOUT) from "
                                            + server.v1Url()
                                    : "no answer within 300ms (MCP_WEB_SUMMARIZER_TIMEOUT) from " + server.v1Url());
        }
    }

    @Test
    void aServerThatIsNotThereIsReportedWithTheSettingToCheck() throws Exception {
        start(SimulatedLlmServer.Settings.instant());
        String url = server.v1Url();
        server.close();
        try (ResilientProvider provider =
                SimulatedLlm.provider(server, "openai", Map.of("summarizer.max_retries", "0"))) {
            assertThatThrownBy(() -> provider.complete(REQUEST))
                    .hasMessageStartingWith("cannot connect")
                    .hasMessageContaining(url + ": is the server running? check MCP_WEB_SUMMARIZER_API_BASE");
        }
    }

    @Test
    void backoffGrowsWithJitterAndRetryAfterIsCapped() {
        ResilientProvider.Policy policy = new ResilientProvider.Policy(
                5, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10), 1, 0, 0);
        ResilientProvider provider = new ResilientProvider(null, policy, TokenBudget.forModel("openai", "gpt-4", 0));
        for (int i = 0; i < 50; i++) {
            assertThat(provider.delay(0, Optional.empty())).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(provider.delay(2, Optional.empty())).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(provider.delay(9, Optional.empty())).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        }
        assertThat(provider.delay(0, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(provider.delay(0, Optional.of(Duration.ofMinutes(5))))
                .as("capped")
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void transientFailuresGiveUpAfterMaxRetries() throws Exception {
        start(SimulatedLlmServer.Settings.instant())
                .script(Fault.serverError(), Fault.serverError(), Fault.serverError());
        try (ResilientProvider provider =
                SimulatedLlm.provider(server, "openai", Map.of("summarizer.max_retries", "2"))) {
            assertThatThrownBy(() -> provider.complete(REQUEST))
                    .isInstanceOfSatisfying(LlmException.class, e -> {
                        assertThat(e.kind()).isEqualTo(LlmException.Kind.TRANSIENT);
                        assertThat(e.status()).isEqualTo(500);
                    })
                    .hasMessageStartingWith("500 from " + server.v1Url())
                    .hasMessageContaining("gave up after 2 retries");
            assertThat(server.stats().requests()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404})
    void clientErrorsAreNotRetriedAndSayWhatToFix(int status) throws Exception {
        start(SimulatedLlmServer.Settings.instant()).script(Fault.status(status));
        try (ResilientProvider provider = SimulatedLlm.provider(server, "openai")) {
            assertThatThrownBy(() -> provider.complete(REQUEST))
                    .isInstanceOfSatisfying(LlmException.class, e -> {
                        assertThat(e.kind()).isEqualTo(LlmException.Kind.PERMANENT);
                        assertThat(e.status()).isEqualTo(status);
                    })
                    .hasMessageStartingWith(status + " from " + server.v1Url() + ": ")
                    .hasMessageContaining("MCP_WEB_SUMMARIZER_MODEL");
            assertThat(server.stats().requests()).isEqualTo(1);
            assertThat(provider.retries()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aWrongKeyIsNotRetriedAndTheKeyAppearsInNoMessageAndNoLog(String name) throws Exception {
        start(SimulatedLlmServer.Settings.instant().withApiKey("sk-the-right-one-0000000000"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        LlmException failure;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (ResilientProvider provider = SimulatedLlm.provider(server, name)) {
            server.script(Fault.serverError());
            failure = catchLlm(() -> provider.stream(REQUEST, d -> {}));
        } finally {
            System.setErr(stderr);
        }

        assertThat(failure.kind()).isEqualTo(LlmException.Kind.PERMANENT);
        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure).hasMessageStartingWith("401 from " + server.v1Url() + ": check MCP_WEB_SUMMARIZER_API_KEY");
        assertThat(server.stats().requests())
                .as("one 500, retried, then one 401")
                .isEqualTo(2);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .contains("server said: Incorrect API key provided")
                .doesNotContain(SimulatedLlm.KEY);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .as("the retry was logged")
                .contains("retry 1/3")
                .doesNotContain(SimulatedLlm.KEY);
    }

    @Test
    void theServerNeverSeesMoreCallsAtOnceThanMaxConcurrent() throws Exception {
        start(SimulatedLlmServer.Settings.instant().withLatency(Duration.ofMillis(20), Duration.ofMillis(1)));
        try (ResilientProvider provider =
                        SimulatedLlm.provider(server, "openai", Map.of("summarizer.max_concurrent", "3"));
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Completion>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean stream = i % 2 == 0;
                results.add(
                        callers.submit(() -> call(provider, stream, new CopyOnWriteArrayList<>(), new LongAdder())));
            }
            for (Future<Completion> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).text()).isEqualTo(ANSWER);
            }
        }
        assertThat(server.stats().requests()).isEqualTo(40);
        assertThat(server.stats().peakInFlight()).isBetween(2, 3);
    }

    @Test
    void manyCallersOnAFlakyServerAllGetTheirAnswerWithinTheConcurrencyLimit() throws Exception {
        start(SimulatedLlmServer.Settings.instant()
                .withLatency(Duration.ofMillis(5), Duration.ofMillis(1))
                .withFailures(
                        0.3,
                        List.of(
                                Fault.rateLimited(Duration.ofMillis(20)),
                                Fault.serverError(),
                                Fault.cutAfter(2),
                                Fault.endAfter(2),
                                Fault.malformed())));
        LongAdder retries = new LongAdder();
        try (ResilientProvider provider = SimulatedLlm.provider(
                        server, "anthropic", Map.of("summarizer.max_concurrent", "4", "summarizer.max_retries", "10"));
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                boolean stream = i % 2 == 0;
                results.add(callers.submit(() -> {
                    List<String> deltas = new CopyOnWriteArrayList<>();
                    Completion c = call(provider, stream, deltas, retries);
                    return stream ? String.join("", deltas) : c.text();
                }));
            }
            for (Future<String> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(ANSWER);
            }
            assertThat(provider.retries()).isEqualTo(retries.sum());
        }
        SimulatedLlmServer.Stats stats = server.stats();
        assertThat(stats.faults()).isGreaterThan(5);
        long failed = server.requests().stream()
                .filter(r -> !r.outcome().equals("ok") && !(r.outcome().equals("end-early") && !r.stream()))
                .count();
        assertThat(retries.sum())
                .as("one retry per failed request (end-early only affects streams)")
                .isEqualTo(failed);
        assertThat(stats.requests()).isEqualTo(60 + failed);
        assertThat(stats.peakInFlight()).isLessThanOrEqualTo(4);
    }

    @Test
    void theRequestsPerMinuteLimitHoldsAcrossCalls() throws Exception {
        start(SimulatedLlmServer.Settings.instant());
        try (ResilientProvider provider =
                SimulatedLlm.provider(server, "openai", Map.of("summarizer.requests_per_minute", "60"))) {
            long first = System.nanoTime();
            for (int i = 0; i < 61; i++) {
                provider.complete(new LlmRequest("", "One sentence.", 10, 0));
            }
            List<SimulatedLlmServer.Recorded> seen = server.requests();
            assertThat(Duration.ofNanos(seen.get(60).arrivedNanos() - first))
                    .as("a full bucket allows 60 at once; the 61st waits for one second of refill")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void interruptingTheCallerAbortsTheRequestOnTheServer(boolean stream) throws Exception {
        start(SimulatedLlmServer.Settings.instant()
                .withLatency(stream ? Duration.ZERO : Duration.ofSeconds(30), Duration.ofMillis(stream ? 200 : 0)));
        try (ResilientProvider provider = SimulatedLlm.provider(server, "openai")) {
            CountDownLatch firstDelta = new CountDownLatch(1);
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    if (stream) {
                        provider.stream(REQUEST, d -> firstDelta.countDown());
                    } else {
                        provider.complete(REQUEST);
                    }
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            if (stream) {
                assertThat(firstDelta.await(10, TimeUnit.SECONDS)).isTrue();
            } else {
                awaitTrue(() -> server.stats().inFlight() == 1, "the request reached the server");
            }

            caller.interrupt();
            caller.join(Duration.ofSeconds(5));

            assertThat(caller.isAlive()).isFalse();
            assertThat(outcome.get())
                    .isInstanceOfSatisfying(
                            LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.CANCELLED));
            awaitTrue(
                    () -> server.stats().aborted() == 1 && server.stats().inFlight() == 0, "the server saw the abort");
            assertThat(server.requests())
                    .singleElement()
                    .extracting(SimulatedLlmServer.Recorded::outcome)
                    .isEqualTo("aborted");
        }
    }

    private interface LlmCall {
        void run() throws LlmException;
    }

    private static LlmException catchLlm(LlmCall call) {
        try {
            call.run();
        } catch (LlmException e) {
            return e;
        }
        throw new AssertionError("expected an LlmException");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS))
                    .join();
        }
    }
}
