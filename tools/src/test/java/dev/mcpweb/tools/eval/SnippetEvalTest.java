package dev.mcpweb.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.extract.Extractor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetEvalTest {
    @TempDir
    Path dataset;

    private void page(String file, String html) throws IOException {
        Files.createDirectories(dataset.resolve("html"));
        try (OutputStream out = new GZIPOutputStream(
                Files.newOutputStream(dataset.resolve("html").resolve(file + ".gz")))) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void segmentsAreCountedAsTrafilaturaCountsThemSummedOverPages() throws IOException {
        page("a.html", """
                <html lang="de"><body><nav><a href="/">Startseite</a> <a href="/x">Impressum</a></nav>
                <article><h1>Ein Titel</h1><p>Der erste Absatz   erzählt von einer langen Reise durch das
                Land, mit vielen Worten, damit er als Inhalt gilt.</p><p>Der zweite Absatz endet hier mit
                einem Satz über das Meer und die Berge im Süden.</p></article></body></html>""");
        page("b.html", """
                <html lang="en"><body><article><h1>A title</h1><p>The only paragraph says enough words to be
                read as the main content of this small page about rivers.</p></article></body></html>""");
        Files.writeString(dataset.resolve(SnippetEval.INDEX), """
                {"https://a.example/": {"file": "a.html",
                   "with": ["Der erste Absatz erzählt von", "im Süden."], "without": ["Impressum"]},
                 "https://b.example/": {"file": "b.html",
                   "with": ["The only paragraph", "a sentence nowhere"], "without": ["Cookie settings"]}}
                """);

        SnippetReport report = new SnippetEval(new Extractor(Config.defaults().extractor()), n -> true).run(dataset);

        assertThat(SnippetEval.recognises(dataset)).isTrue();
        assertThat(report.overall()).isEqualTo(new SnippetReport.Counts(2, 3, 1, 0, 2));
        assertThat(report.overall().precision()).isEqualTo(1.0);
        assertThat(report.overall().recall()).isEqualTo(0.75);
        assertThat(report.byLanguage()).containsOnlyKeys("de", "en");
        assertThat(report.byLanguage().get("en").falseNegatives()).isEqualTo(1);
        assertThat(report.worst()).isEmpty();
    }

    @Test
    void aLeakedSegmentIsAFalsePositiveAndNamesTheWorstPage() throws IOException {
        page("c.html", """
                <html><body><article><h1>Title</h1><p>A paragraph with plenty of words so that the article is
                kept as the main content of this page, about trains and stations.</p>
                <p>Read more: other trains</p></article></body></html>""");
        Files.writeString(dataset.resolve(SnippetEval.INDEX), """
                {"https://c.example/": {"file": "c.html", "with": ["about trains and stations."],
                   "without": ["plenty of words"]},
                 "https://missing.example/": {"file": "missing.html", "with": ["anything"], "without": []}}
                """);

        SnippetReport report = new SnippetEval(new Extractor(Config.defaults().extractor()), n -> true).run(dataset);

        assertThat(report.overall()).isEqualTo(new SnippetReport.Counts(2, 1, 1, 1, 0));
        assertThat(report.worst()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("c.html");
            assertThat(p.leaked()).containsExactly("plenty of words");
        });
    }

    @Test
    void whiteSpaceCollapsesToOneSpace() {
        assertThat(SnippetEval.collapse("  a \n\t b\u00a0c  ")).isEqualTo("a b c");
    }
}
