package dev.mcpweb.llm.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.llm.sim.SimulatedLlmServer.Fault;
import dev.mcpweb.llm.sim.SimulatedLlmServer.Settings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
