package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    private final CliRun cli = new CliRun();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private int run(String... args) {
        return cli.run(args);
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : cli.out().split("\n")) {
            nodes.add(json.readTree(line));
        }
        return nodes;
    }

    @Test
    void jsonlReportsEveryFileOfADirectoryInPathOrderAndContinuesPastABrokenOne() throws Exception {
        Files.writeString(dir.resolve("a-page.html"), """
                <html lang="de"><head><title>Kurze Seite | Beispiel</title>
                <meta property="og:site_name" content="Beispiel">
                <meta name="author" content="Erika Mustermann">
                <meta property="article:published_time" content="2024-02-03"></head>
                <body><article><p>Ein Absatz mit <a href="https://example.org/x">Link</a>.</p></article></body></html>""");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b-notes.md.gz")))) {
            gz.write("# Notes\n\nCompressed *markdown*.\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.write(dir.resolve("c-broken.bin"), new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        Files.writeString(dir.resolve("d-truncated.gz"), "not gzip at all");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/e.txt"), "Plain words\nsecond line");
        Files.writeString(dir.resolve(".hidden.txt"), "skipped");

        int code = run("extract", "--jsonl", dir.toString());

        assertThat(code).isEqualTo(4);
        List<JsonNode> lines = lines();
        assertThat(lines)
                .extracting(n -> Path.of(n.get("source").asText()).getFileName().toString())
                .containsExactly("a-page.html", "b-notes.md.gz", "c-broken.bin", "d-truncated.gz", "e.txt");
        JsonNode page = lines.get(0);
        assertThat(page.get("title").asText()).isEqualTo("Kurze Seite");
        assertThat(page.get("author").asText()).isEqualTo("Erika Mustermann");
        assertThat(page.get("date").asText()).isEqualTo("2024-02-03");
        assertThat(page.get("site").asText()).isEqualTo("Beispiel");
        assertThat(page.get("language").asText()).isEqualTo("de");
        assertThat(page.get("text").asText()).isEqualTo("Ein Absatz mit Link.");
        assertThat(page.get("markdown").asText()).isEqualTo("Ein Absatz mit [Link](https://example.org/x).");
        assertThat(page.get("links").get(0).get("url").asText()).isEqualTo("https://example.org/x");
        assertThat(page.get("error").isNull()).isTrue();
        JsonNode notes = lines.get(1);
        assertThat(notes.get("title").asText()).isEqualTo("Notes");
        assertThat(notes.get("markdown").asText()).isEqualTo("# Notes\n\nCompressed *markdown*.");
        assertThat(lines.get(2).get("error").asText()).contains("ELF executable");
        assertThat(lines.get(2).get("text").isNull()).isTrue();
        assertThat(lines.get(3).get("error").asText()).contains("d-truncated.gz");
        assertThat(lines.get(4).get("text").asText()).isEqualTo("Plain words\nsecond line");
    }

    @Test
    void allGoodSourcesExitZeroAndPrintMarkdownByDefault() throws Exception {
        Path file = Files.writeString(dir.resolve("readme.md"), "# Hello\n\nWorld.\n");
        assertThat(run("extract", file.toString())).isZero();
        assertThat(cli.out()).isEqualTo("# Hello\n\nWorld.\n");
    }

    @Test
    void textAndJsonFormatsPrintWhatTheySay() throws Exception {
        Path file = Files.writeString(dir.resolve("p.html"), "<title>T</title><p>One <b>bold</b> word.</p>");
        assertThat(run("extract", "--format", "text", file.toString())).isZero();
        assertThat(cli.out()).isEqualTo("One bold word.\n");
        cli.out.reset();
        assertThat(run("extract", "--format", "json", file.toString(), file.toString()))
                .isZero();
        JsonNode array = json.readTree(cli.out());
        assertThat(array.size()).isEqualTo(2);
        assertThat(array.get(1).get("markdown").asText()).isEqualTo("One **bold** word.");
    }

    @Test
    void aMissingFileIsReportedOnStderrAndExitsWith4() {
        assertThat(run("extract", dir.resolve("nope.html").toString())).isEqualTo(4);
        assertThat(cli.err()).contains("no such file");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void urlsAreFetchedThroughTheFetcherAndABlockedOneIsReportedOnItsLine() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .setHeader("Content-Type", "text/html; charset=Shift_JIS")
                    .body(new Buffer().write("<title>東京</title><p>日本語のページです。</p>".getBytes("Shift_JIS")))
                    .build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            String address = server.getSocketAddress().getAddress().getHostAddress();
            String page = "http://" + address + ":" + server.getPort() + "/page";
            String blocked = "http://127.0.0.2:" + server.getPort() + "/other";

            int code = run(
                    "extract",
                    "--jsonl",
                    "--set",
                    "fetcher.allowed_hosts=" + address + "/32",
                    "--set",
                    "fetcher.respect_robots=false",
                    page,
                    blocked);

            assertThat(code).isEqualTo(4);
            List<JsonNode> lines = lines();
            assertThat(lines.get(0).get("title").asText()).isEqualTo("東京");
            assertThat(lines.get(0).get("text").asText()).isEqualTo("日本語のページです。");
            assertThat(lines.get(1).get("error").asText()).contains("127.0.0.2");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aBadFormatIsAUsageError() {
        assertThat(run("extract", "--format", "yaml", "x")).isEqualTo(2);
    }
}
