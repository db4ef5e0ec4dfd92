package dev.mcpweb.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.SharedData;
import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.extract.Extractor;
import dev.mcpweb.fetch.FetchResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Detection and false positives measured on corpora: the attack pages written by
 * {@code src/test/resources/injection/generate.py} (every one must be flagged where it reaches a
 * client), and real pages of the WCXB and Trafilatura evaluation sets (almost none may be flagged).
 * Each page goes through the extractor as the server's tools see it.
 */
class InjectionCorpusTest {
    private static final Path ATTACKS = Path.of("src/test/resources/injection/attacks");
    private static final int BENIGN_PER_SET = 200;

    private final Extractor extractor = new Extractor(Config.defaults().extractor());

    @Test
    void atLeastNinetyFivePercentOfTheAttackPagesAreFlagged() throws Exception {
        List<Path> pages;
        try (Stream<Path> files = Files.list(ATTACKS)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(100);
        List<String> missed = new ArrayList<>();
        for (Path page : pages) {
            String html = Files.readString(page);
            Document document = extract(page.getFileName().toString(), html.getBytes(StandardCharsets.UTF_8));
            String name = page.getFileName().toString();
            boolean flagged;
            if (name.contains("-comment-")) {
                // Comments never reach a prompt or a tool's content; only the raw body (mcp-web fetch) shows them.
                assertThat(InjectionScan.scan(document)).as(name).isEmpty();
                flagged = !InjectionScan.scanHtml(html).isEmpty();
            } else {
                flagged = !InjectionScan.scan(document).isEmpty();
            }
            if (!flagged) {
                missed.add(name);
            }
        }
        double rate = 1.0 - (double) missed.size() / pages.size();
        System.err.printf(
                Locale.ROOT,
                "injection corpus: %d of %d attack pages flagged (%.3f); missed %s%n",
                pages.size() - missed.size(),
                pages.size(),
                rate,
                missed);
        assertThat(rate).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void atMostOnePercentOfOrdinaryPagesAreFlagged() throws Exception {
        Path data = SharedData.dir().orElse(null);
        Assumptions.assumeTrue(
                data != null,
                "the evaluation data (../shared/data beside the clone, or /work/shared/data) is absent: skipping the "
                        + "false-positive measurement on ordinary pages");
        List<Path> pages = new ArrayList<>();
        pages.addAll(firstPages(data.resolve("wcxb/dev/html"), ".html.gz"));
        pages.addAll(firstPages(data.resolve("trafilatura-eval/html"), ".gz"));
        assertThat(pages).hasSizeGreaterThanOrEqualTo(300);
        List<String> flagged = new ArrayList<>();
        for (Path page : pages) {
            byte[] html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                html = in.readAllBytes();
            }
            Document document;
            try {
                document = extract(page.getFileName().toString(), html);
            } catch (Exception e) {
                continue; // not a page the extractor reads; nothing reaches a client
            }
            List<InjectionScan.Suspect> suspects = InjectionScan.scan(document);
            if (!suspects.isEmpty()) {
                flagged.add(page.getFileName() + ": " + suspects.getFirst().describe());
            }
        }
        double rate = (double) flagged.size() / pages.size();
        System.err.printf(
                Locale.ROOT,
                "injection corpus: %d of %d ordinary pages flagged (%.4f): %s%n",
                flagged.size(),
                pages.size(),
                rate,
                flagged);
        assertThat(rate).isLessThanOrEqualTo(0.01);
    }

    private static List<Path> firstPages(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix))
                    .sorted()
                    .limit(BENIGN_PER_SET)
                    .toList();
        }
    }

    private Document extract(String name, byte[] html) throws Exception {
        return extractor.extract(FetchResult.ofBytes(URI.create("https://example.test/" + name), "text/html", html));
    }
}
