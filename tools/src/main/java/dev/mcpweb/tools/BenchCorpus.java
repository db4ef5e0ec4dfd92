package dev.mcpweb.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Real text for benchmarks: the WCXB corpus ({@code ../shared/data/wcxb/dev}), whose ground truth holds
 * each page's main content as Markdown. Using the ground truth rather than our own extraction keeps
 * the documents, and so the figures, the same whatever the extractor's version.
 */
final class BenchCorpus {
    static final Path DEFAULT_DIR = Path.of("/work/shared/data/wcxb/dev");

    record Page(String id, String url, String title, String markdown) {}

    private final List<Page> pages;

    private BenchCorpus(List<Page> pages) {
        this.pages = pages;
    }

    static BenchCorpus load(Path dir) throws IOException {
        Path truth = dir.resolve("ground-truth");
        if (!Files.isDirectory(truth)) {
            throw new IOException("no corpus at " + truth + "; pass --corpus DIR (a WCXB split with ground-truth/)");
        }
        ObjectMapper json = new ObjectMapper();
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(truth)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = json.readTree(file.toFile());
                JsonNode gt = root.path("ground_truth");
                String text = gt.path("main_content_markdown").asText("");
                if (text.isBlank()) {
                    text = gt.path("main_content").asText("");
                }
                if (text.isBlank()) {
                    continue;
                }
                String id = file.getFileName().toString().replace(".json", "");
                pages.add(new Page(
                        id, root.path("url").asText(""), gt.path("title").asText(id), text.strip()));
            }
        }
        return new BenchCorpus(List.copyOf(pages));
    }

    List<Page> pages() {
        return pages;
    }

    /** One document of about {@code tokens} tokens: pages in corpus order, each under its title as a heading. */
    Document document(int tokens, ToIntFunction<String> counter) {
        StringBuilder md = new StringBuilder();
        int total = 0;
        for (Page p : pages) {
            String section = "## " + p.title().replace('\n', ' ') + "\n\n" + p.markdown() + "\n\n";
            int t = counter.applyAsInt(section);
            if (total + t > tokens * 1.03 && total > 0) {
                if (total >= tokens * 0.97) {
                    break;
                }
                continue; // a page too big for what is left; a smaller one may fit
            }
            md.append(section);
            total += t;
            if (total >= tokens * 0.97) {
                break;
            }
        }
        String text = md.toString().strip();
        return new Document(
                URI.create("https://bench.invalid/joined-" + tokens),
                new Metadata(
                        Optional.of("WCXB pages joined (" + tokens + " tokens)"),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of()),
                text,
                text,
                List.of(),
                List.of(),
                List.of());
    }
}
