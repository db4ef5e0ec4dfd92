package dev.mcpweb.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.cli.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalSummaryCommandTest {
    @TempDir
    Path dataset;

    private Path qa;
    private final CliRun cli = new CliRun();

    private static final String PAGE = """
            <html><head><title>Harbour guide</title></head><body>
            <nav><a href="/">Home</a> <a href="/about">About</a></nav>
            <article>
            <h1>Harbour guide</h1>
            <p>The harbour is the oldest part of town. Fishing boats still land their catch at dawn.
            The fish auction is open to visitors on weekdays.</p>
            <h2>Ferries</h2>
            <p>Ferries to the island leave from Pier 3. They depart every 40 minutes during the day.
            Tickets are sold on board and cost four euros.</p>
            <h2>Food</h2>
            <p>The market hall sells smoked herring and rye bread. Cafes along the quay serve fish soup.
            Most kitchens close at nine in the evening.</p>
            </article>
            <footer>Contact us</footer>
            </body></html>
            """;

    @BeforeEach
    void writeDataSet() throws IOException {
        Files.createDirectories(dataset.resolve("html"));
        Files.createDirectories(dataset.resolve("ground-truth"));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dataset.resolve("html/0001.html.gz")))) {
            gz.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dataset.resolve("ground-truth/0001.json"), """
                {"url": "https://harbour.example.org/guide", "ground_truth": {"title": "Harbour guide",
                 "main_content": "Harbour guide\\n\\nThe harbour is the oldest part of town. Ferries to the island leave from Pier 3. They depart every 40 minutes during the day.\\n\\nThe market hall sells smoked herring and rye bread."}}
                """);
        qa = dataset.resolve("qa.jsonl");
        Files.writeString(qa, """
                {"id": "0001-1", "file": "0001", "query": "How often do the ferries to the island depart?", "answer": ["every 40 minutes"], "distractor": "smoked herring"}
                {"id": "0001-2", "file": "0001", "query": "What does the market hall sell?", "answer": ["smoked  HERRING and rye bread"], "distractor": "every 40 minutes"}
                """);
    }

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void scoresTheSummarizerOnEveryItemAndPrintsTheShares() {
        int code = run("eval", "summary", "--qa", qa.toString(), "--dataset", dataset.toString(), "--max-length", "40");
        assertThat(code).isZero();
        assertThat(cli.out())
                .contains("system                 extractive")
                .contains("items                  2 at 40 words")
                .contains("answer found           1.000")
                .contains("distractor left out    1.000")
                .contains("CPU time per page");
    }

    @Test
    void jsonHasTheFiguresAndEachItemsSummary() throws IOException {
        int code = run("eval", "summary", "--qa", qa.toString(), "--dataset", dataset.toString(), "--json");
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("items").asInt()).isEqualTo(2);
        assertThat(json.path("answer_found").asDouble()).isEqualTo(1.0);
        assertThat(json.path("results").get(0).path("summary").asText())
                .contains("every 40 minutes")
                .contains("https://harbour.example.org/guide");
    }

    @Test
    void theLeadBaselineQuotesTheOpeningWordsOnly() {
        int code = run(
                "eval",
                "summary",
                "--qa",
                qa.toString(),
                "--dataset",
                dataset.toString(),
                "--baseline",
                "lead",
                "--max-length",
                "12",
                "--text",
                "ground-truth");
        assertThat(code).isZero();
        assertThat(cli.out())
                .contains("system                 lead (extractor: none: ground-truth main content)")
                .contains("answer found           0.000");
    }

    @Test
    void itemsNameTheirDataSetAndEachSplitIsReported(@TempDir Path snippets) throws IOException {
        Files.createDirectories(snippets.resolve("trafilatura-eval/html"));
        Path trafilatura = snippets.resolve("trafilatura-eval");
        try (OutputStream gz =
                new GZIPOutputStream(Files.newOutputStream(trafilatura.resolve("html/harbour.html.gz")))) {
            gz.write(PAGE.replace("Pier 3", "Pier 7").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(trafilatura.resolve("evaldata.json"), """
                {"https://harbour.example.net/": {"file": "harbour.html", "with": [], "without": []}}
                """);
        Path mixed = dataset.resolve("mixed.jsonl");
        Files.writeString(mixed, """
                {"id": "w-1", "split": "tune", "dataset": "wcxb-copy", "file": "0001", "query": "Where do ferries to the island leave from?", "answer": ["Pier 3"], "distractor": "smoked herring"}
                {"id": "t-1", "split": "check", "dataset": "trafilatura-eval", "file": "harbour.html", "query": "Where do ferries to the island leave from?", "answer": ["Pier 7"], "distractor": "smoked herring"}
                """);
        Path wcxb = Files.createDirectories(snippets.resolve("wcxb-copy"));
        Files.createDirectories(wcxb.resolve("html"));
        Files.copy(dataset.resolve("html/0001.html.gz"), wcxb.resolve("html/0001.html.gz"));

        int code = run(
                "eval",
                "summary",
                "--qa",
                mixed.toString(),
                "--dataset",
                wcxb.toString(),
                "--dataset",
                trafilatura.toString(),
                "--json");

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("answer_in_extracted_page").asDouble()).isEqualTo(1.0);
        assertThat(json.path("answer_found").asDouble()).isEqualTo(1.0);
        assertThat(json.path("parts").findValuesAsText("name")).containsExactly("tune", "check");
        assertThat(json.path("results").get(1).path("summary").asText()).contains("Pier 7");
    }

    @Test
    void anUnknownBaselineIsAUsageError() {
        int code =
                run("eval", "summary", "--qa", qa.toString(), "--dataset", dataset.toString(), "--baseline", "oracle");
        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("--baseline must be lead or bm25");
    }
}
