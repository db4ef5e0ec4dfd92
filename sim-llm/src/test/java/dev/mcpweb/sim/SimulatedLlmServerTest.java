package dev.mcpweb.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.sim.SimulatedLlmServer.Fault;
import dev.mcpweb.sim.SimulatedLlmServer.Settings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedLlmServerTest {
    private static final String CHAT = """
            {"model":"sim","max_tokens":%d,"stream":%s,"messages":[
             {"role":"system","content":"Be brief."},
             {"role":"user","content":"Alpha is first. Not this.\\n\\nBeta is second. Nor this."}]}""";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private SimulatedLlmServer server;

    @AfterEach
    void stop() {
        http.close();
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itAnswersWithTheLeadingSentenceOfEachParagraphAndCountsTokens() throws Exception {
        server = SimulatedLlmServer.start(Settings.instant());

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted(100, false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"content\":\"Alpha is first.\\nBeta is second.\"")
                .contains("\"finish_reason\":\"stop\"")
                .contains("\"completion_tokens\":6");
        SimulatedLlmServer.Stats stats = server.stats();
        assertThat(stats.requests()).isEqualTo(1);
        assertThat(stats.outputTokens()).isEqualTo(6);
        assertThat(stats.inputTokens()).isGreaterThan(10);
        assertThat(stats.inFlight()).isZero();
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.system()).isEqualTo("Be brief.");
            assertThat(r.user()).startsWith("Alpha is first.");
            assertThat(r.outcome()).isEqualTo("ok");
        });
    }

    @Test
    void streamsAreServerSentEventsEndingInDone() throws Exception {
        server = SimulatedLlmServer.start(Settings.instant());

        HttpResponse<String> response = post("/v1/chat/completions", CHAT.formatted(3, true));

        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(response.body())
                .contains("\"delta\":{\"content\":\"Alpha \"}")
                .contains("\"finish_reason\":\"length\"")
                .endsWith("data: [DONE]\n\n");
        assertThat(server.stats().outputTokens()).isEqualTo(3);
    }

    @Test
    void requestsBeyondMaxConcurrentQueueBehindTheOthers() throws Exception {
        server = SimulatedLlmServer.start(Settings.instant()
                .withLatency(Duration.ofMillis(300), Duration.ZERO)
                .withMaxConcurrent(2));
        long start = System.nanoTime();
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                responses.add(callers.submit(() -> post("/v1/messages", CHAT.formatted(10, false))));
            }
            for (Future<HttpResponse<String>> r : responses) {
                assertThat(r.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("six requests, two at a time, 300 ms each: three waves")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(server.stats().peakInFlight())
                .as("queued requests count as in flight")
                .isGreaterThan(2);
    }

    /**
     * 500 tokens at 1 ms each: a server that slept once per token would add its timer overshoot 499
     * times (easily +50 %); one paced against an absolute schedule is late by one wake-up at most. On
     * a loaded machine a single answer may still be late, so the best of three attempts must be on
     * time, and none may be early.
     */
    @ParameterizedTest(name = "{0} stream={1}")
    @CsvSource({"/v1/chat/completions, true", "/v1/messages, true", "/api/chat, true", "/v1/chat/completions, false"})
    void answersFollowTheLatencyModelWithoutAccumulatingDrift(String path, boolean stream) throws Exception {
        Duration ttft = Duration.ofMillis(50);
        Duration perToken = Duration.ofMillis(1);
        int tokens = 500;
        server = SimulatedLlmServer.start(Settings.instant().withLatency(ttft, perToken));
        String words = IntStream.range(0, tokens).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        String body = """
                {"model":"sim","max_tokens":%d,"stream":%s,"messages":[{"role":"user","content":"%s."}]}""".formatted(tokens, stream, words);
        // Streamed: token i at ttft + i x perToken; plain: the whole answer at ttft + n x perToken.
        Duration model = ttft.plus(perToken.multipliedBy(stream ? tokens - 1 : tokens));
        Duration tolerance = Duration.ofMillis(model.toMillis() / 10 + 50);

        List<Duration> took = new ArrayList<>();
        for (int attempt = 0;
                attempt < 3 && (took.isEmpty() || Collections.min(took).compareTo(model.plus(tolerance)) > 0);
                attempt++) {
            long start = System.nanoTime();
            HttpResponse<String> response = post(path, body);
            took.add(Duration.ofNanos(System.nanoTime() - start));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("w499");
        }

        assertThat(took)
                .as("never faster than the model")
                .allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(model));
        assertThat(Collections.min(took))
                .as("best of %s against a model of %s", took, model)
                .isLessThanOrEqualTo(model.plus(tolerance));
        assertThat(server.stats().outputTokens()).isEqualTo((long) tokens * took.size());
    }

    @Test
    void queuedRequestsStartTheClockWhenAdmitted() throws Exception {
        server = SimulatedLlmServer.start(Settings.instant()
                .withLatency(Duration.ofMillis(200), Duration.ofMillis(10))
                .withMaxConcurrent(1));
        String body = CHAT.formatted(6, true); // six tokens: 200 + 5 x 10 = 250 ms streamed
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2; i++) {
                responses.add(callers.submit(() -> post("/v1/chat/completions", body)));
            }
            for (Future<HttpResponse<String>> r : responses) {
                assertThat(r.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("the second request waits for the first, then takes its own full time")
                .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aFailRateInjectsTheConfiguredFaultsAtAboutThatRate() throws Exception {
        server = SimulatedLlmServer.start(Settings.instant()
                .withFailures(0.3, List.of(Fault.rateLimited(Duration.ofSeconds(2)), Fault.status(503))));
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> response = post("/api/chat", CHAT.formatted(10, false));
            if (response.statusCode() != 200) {
                failed++;
                assertThat(response.statusCode()).isIn(429, 503);
                if (response.statusCode() == 429) {
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
                    assertThat(response.headers().firstValue("retry-after-ms")).hasValue("2000");
                }
            }
        }
        assertThat(failed).isBetween(40, 80);
        assertThat(server.stats().faults()).isEqualTo(failed);
    }

    @Test
    void scriptedFaultsHitTheNextRequestsInOrder() throws Exception {
        server = SimulatedLlmServer.start(Settings.instant());
        server.script(Fault.status(500), Fault.malformed(), Fault.cutAfter(1));

        assertThat(post("/v1/chat/completions", CHAT.formatted(10, false)).statusCode())
                .isEqualTo(500);
        HttpResponse<String> malformed = post("/v1/chat/completions", CHAT.formatted(10, false));
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body()).startsWith("{").doesNotEndWith("}");
        assertThatThrownBy(() -> post("/v1/chat/completions", CHAT.formatted(10, true)))
                .as("a cut stream ends without its last chunk")
                .isInstanceOf(IOException.class);
        assertThat(post("/v1/chat/completions", CHAT.formatted(10, false)).statusCode())
                .isEqualTo(200);
        assertThat(server.requests())
                .extracting(SimulatedLlmServer.Recorded::outcome)
                .containsExactly("500", "malformed", "cut", "ok");
    }

    /**
     * A client that holds a slot until it has read an answer's last byte must never see the server
     * count more calls than it has open, so a request is settled (no longer in flight, its outcome
     * recorded) before the last byte of its answer leaves the server, whatever way the answer ends.
     */
    @Test
    void aRequestIsSettledBeforeItsClientCanSeeTheEndOfTheAnswer() throws Exception {
        server = SimulatedLlmServer.start(Settings.instant());
        List<Fault> faults = List.of(Fault.status(500), Fault.malformed(), Fault.cutAfter(1), Fault.endAfter(1));
        for (int i = 0; i < 400; i++) {
            boolean stream = i % 2 == 0;
            boolean faulty = i % 4 < 2;
            if (faulty) {
                server.script(faults.get(i / 4 % faults.size()));
            }
            try {
                post("/v1/chat/completions", CHAT.formatted(10, stream));
            } catch (IOException cut) {
                // the cut fault: the client saw the connection end
            }

            String what = "request " + i + (stream ? " streamed" : " plain") + (faulty ? " with a fault" : "");
            assertThat(server.stats().inFlight()).as(what).isZero();
            assertThat(server.requests().getLast().outcome()).as(what).isNotEqualTo("running");
        }
    }

    @Test
    void aClientThatAsksToContinueIsToldToGoOn() throws Exception {
        server = SimulatedLlmServer.start(Settings.instant());

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server.v1Url() + "/chat/completions"))
                        .expectContinue(true)
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(CHAT.formatted(10, false)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Alpha is first.");
    }

    @Test
    void unknownRoutesAndUnreadableBodiesGetJsonErrors() throws Exception {
        server = SimulatedLlmServer.start(Settings.instant());

        assertThat(post("/v1/embeddings", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = post("/v1/chat/completions", "{not json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"error\"");
        assertThat(server.stats().requests())
                .as("only well-formed chat requests count")
                .isZero();
    }

    @Test
    void closeStopsTheServer() throws Exception {
        server = SimulatedLlmServer.start(Settings.instant());
        assertThat(post("/v1/chat/completions", CHAT.formatted(10, false)).statusCode())
                .isEqualTo(200);

        server.close();

        try (HttpClient fresh = HttpClient.newHttpClient()) {
            assertThatThrownBy(() -> fresh.send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void answersCutToTheBudgetAndSkipEmptyParagraphs() {
        Answer answer = Answer.to("One two three. Four.\n\n\n\n  Five six.  \n\nSeven", 4);

        assertThat(answer.text()).isEqualTo("One two three.\nFive");
        assertThat(answer.truncated()).isTrue();
        assertThat(Answer.to("One two three. Four.\n\n  Five six.", 100).text()).isEqualTo("One two three.\nFive six.");
        assertThat(Answer.to("", 10).tokens()).isEmpty();
    }
}
