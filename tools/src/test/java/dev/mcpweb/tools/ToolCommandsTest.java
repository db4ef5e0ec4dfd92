package dev.mcpweb.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.cli.CliRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools' commands, run through the product's CLI as a developer runs them. */
class ToolCommandsTest {
    private final CliRun cli = new CliRun();

    @TempDir
    Path dir;

    @Test
    void simLlmServesTheOpenAiApiUntilItIsToldToStop() throws Exception {
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.run("sim-llm", "--port", "0", "--ttft-ms", "0", "--ms-per-token", "0", "--stop-after", "3"));
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+) \\(");
        Matcher m;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(m = listening.matcher(cli.out())).find()) {
            assertThat(System.nanoTime())
                    .as("sim-llm printed its address; stderr: %s", cli.err())
                    .isLessThan(end);
            Thread.onSpinWait();
        }
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(
                    HttpRequest.newBuilder(URI.create(m.group(1) + "/v1/chat/completions"))
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            "{\"model\":\"sim\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there. Bye.\"}]}"))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"content\":\"Hello there.\"");
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(cli.out()).contains("served 1 requests");
    }

    @Test
    void theFetchBenchmarkRunsAgainstLoopbackServersAndReportsItsFigures() {
        int code = cli.run("bench", "fetch", "--pages", "30", "--rounds", "1", "--hosts", "2");

        assertThat(code).isZero();
        assertThat(cli.out()).contains("pages/s").contains("p99").contains("0 failures");
    }

    @Test
    void theCacheBenchmarkPrunesExactlyTheExpiredEntries() throws Exception {
        assertThat(cli.run("bench", "cache", "--entries", "30", "--runs", "1", "--json", "--set", "cache.dir=" + dir))
                .isZero();
        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(report.get("entries").asInt()).isEqualTo(30);
        assertThat(report.get("prune_tenth_expired").get("removed").asLong()).isEqualTo(3);
        assertThat(report.get("prune_rest_expired").get("removed").asLong()).isEqualTo(27);
        assertThat(report.get("stats_ms").get("median").asDouble()).isPositive();
    }

    @Test
    void theExtractBenchmarkTimesEveryPageOfADirectoryAndSaysWhichHadNoText() throws Exception {
        Files.writeString(dir.resolve("a.html"), "<title>A</title><article><h1>A</h1><p>" + "Words. ".repeat(80));
        Files.writeString(dir.resolve("b.html"), "<body><div id=root></div><script src=app.js></script>");
        Files.writeString(dir.resolve("notes.txt"), "not a page");

        int code = cli.run("bench", "extract", "--pages-dir", dir.toString(), "--warmup", "0", "--rounds", "3");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("over 2 pages")
                .contains("(1 without text), 3 rounds after 0 warm-up")
                .containsPattern("pages per CPU second  median +\\d+\\.\\d");
    }

    @Test
    void theExtractBenchmarkRefusesADirectoryThatIsNotThere() {
        int code = cli.run(
                "bench", "extract", "--pages-dir", dir.resolve("missing").toString());

        assertThat(code).isNotZero();
        assertThat(cli.err()).contains("is not a directory");
    }
}
