package dev.mcpweb.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionEvalTest {
    @TempDir
    Path dataset;

    private void page(String id, String type, String html, String truth, String with, String without)
            throws IOException {
        Files.createDirectories(dataset.resolve("html"));
        Files.createDirectories(dataset.resolve("ground-truth"));
        try (OutputStream out =
                new GZIPOutputStream(Files.newOutputStream(dataset.resolve("html/" + id + ".html.gz")))) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(
                dataset.resolve("ground-truth/" + id + ".json"), """
                {"url": "https://example.org/%s", "_internal": {"page_type": {"primary": "%s"}},
                 "ground_truth": {"main_content": "%s", "with": ["%s"], "without": ["%s"]}}
                """.formatted(id, type, truth, with, without));
    }

    @Test
    void scoresEachPageAndAveragesOverallAndPerType() throws IOException {
        page(
                "0001",
                "article",
                "<html><body><nav><a href=/>Home</a><a href=/b>Blog</a></nav><article><p>Rivers carry"
                        + " sediment down to the sea where it settles into wide deltas over many centuries.</p>"
                        + "</article></body></html>",
                "Rivers carry sediment down to the sea where it settles into wide deltas over many centuries.",
                "RIVERS   carry sediment",
                "Blog");
        page(
                "0002",
                "forum",
                "<html><body><p>Totally different words here.</p></body></html>",
                "nothing in common",
                "nothing in common",
                "Totally different");

        ExtractionReport report = new ExtractionEval(ExtractionEval.defaultExtractor()).run(dataset);

        assertThat(report.overall().pages()).isEqualTo(2);
        assertThat(report.byType()).containsOnlyKeys("article", "forum");
        assertThat(report.byType().get("article").f1()).isEqualTo(1.0);
        assertThat(report.byType().get("forum").f1()).isZero();
        assertThat(report.overall().f1()).isEqualTo(0.5);
        assertThat(report.withFound()).isEqualTo(0.5);
        assertThat(report.withoutExcluded()).isEqualTo(0.5);
        assertThat(report.worst()).extracting(ExtractionReport.PageScore::file).containsExactly("0002", "0001");
        assertThat(report.pagesPerSecond()).isPositive();
        assertThat(report.heap().peakLiveBytes())
                .isPositive()
                .isLessThanOrEqualTo(report.heap().limitBytes());
    }

    @Test
    void evenAndOddHalvesScoreOnlyTheirPages() throws IOException {
        page("0001", "article", "<p>one two three</p>", "one two three", "one", "zzz");
        page("0002", "article", "<p>four five six</p>", "four five six", "four", "zzz");

        ExtractionReport even = new ExtractionEval(ExtractionEval.defaultExtractor(), n -> n % 2 == 0).run(dataset);

        assertThat(even.pages()).extracting(ExtractionReport.PageScore::file).containsExactly("0002");
    }

    @Test
    void aDirectoryThatIsNotADataSetIsRefusedWithAReason() {
        assertThatThrownBy(() -> new ExtractionEval(ExtractionEval.defaultExtractor()).run(dataset))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("html/ and ground-truth/");
    }
}
