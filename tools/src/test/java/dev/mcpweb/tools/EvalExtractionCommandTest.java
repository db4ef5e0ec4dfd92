package dev.mcpweb.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.cli.ExitCode;
import dev.mcpweb.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalExtractionCommandTest {
    @TempDir
    Path dataset;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void writeOnePage() throws IOException {
        Files.createDirectories(dataset.resolve("html"));
        Files.createDirectories(dataset.resolve("ground-truth"));
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dataset.resolve("html/0007.html.gz")))) {
            o.write("<html><body><article><p>Owls hunt at night using their hearing far more than their sight.</p>"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dataset.resolve("ground-truth/0007.json"), """
                {"url": "https://example.org/owls", "_internal": {"page_type": {"primary": "article"}},
                 "ground_truth": {"main_content": "Owls hunt at night using their hearing far more than their sight.",
                   "with": ["owls hunt"], "without": ["subscribe"]}}
                """);
    }

    private int run(String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void printsATableWithPerTypeScoresSnippetRatesSpeedAndWorstPages() {
        int code = run("eval", "extraction", "--dataset", dataset.toString());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("article")
                .contains("1.000")
                .contains("with snippets found")
                .contains("pages/s")
                .contains("0007");
    }

    @Test
    void printsJsonWhenAsked() {
        int code = run("eval", "extraction", "--dataset", dataset.toString(), "--json");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"overall\"")
                .contains("\"byType\"")
                .contains("\"pagesPerSecond\"")
                .contains("\"worst\"");
    }

    @Test
    void aMissingDataSetFailsWithAMessage() {
        int code =
                run("eval", "extraction", "--dataset", dataset.resolve("nope").toString());

        assertThat(code).isEqualTo(ExitCode.FAILED);
    }
}
