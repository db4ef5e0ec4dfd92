package dev.mcpweb.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.document.Document;
import dev.mcpweb.extract.ExtractionException;
import dev.mcpweb.extract.Extractor;
import dev.mcpweb.fetch.FetchResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of the data sets an evaluation reads, each extracted once: WCXB-style folders ({@code
 * html/<file>.html.gz}, the URL and main content in {@code ground-truth/<file>.json}) and
 * Trafilatura-style folders ({@code html/<file>.gz}, URLs in {@code evaldata.json}). A page names its
 * data set by the end of its folder's path ({@code wcxb/dev}, {@code trafilatura-eval}); a page that
 * names none is in the first folder.
 */
final class EvalPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Path> datasets;
    private final boolean groundTruth;
    private final Extractor extractor = ExtractionEval.defaultExtractor();
    private final Map<String, Document> pages = new HashMap<>();
    private final Map<Path, Map<String, String>> snippetUrls = new HashMap<>();

    /** {@code groundTruth}: the WCXB main content instead of the extracted page, where there is one. */
    EvalPages(List<Path> datasets, boolean groundTruth) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("at least one data set folder is needed");
        }
        this.datasets = List.copyOf(datasets);
        this.groundTruth = groundTruth;
    }

    Document page(Optional<String> dataset, String file) throws IOException {
        Path folder = folder(dataset);
        String key = folder + "\0" + file;
        Document cached = pages.get(key);
        if (cached == null) {
            cached = load(folder, file);
            pages.put(key, cached);
        }
        return cached;
    }

    private Path folder(Optional<String> dataset) throws IOException {
        if (dataset.isEmpty()) {
            return datasets.getFirst();
        }
        for (Path d : datasets) {
            if (d.toAbsolutePath().normalize().endsWith(dataset.get())) {
                return d;
            }
        }
        throw new IOException("no --dataset folder ends with " + dataset.get() + " (given: " + datasets + ")");
    }

    private Document load(Path folder, String file) throws IOException {
        Path truth = folder.resolve("ground-truth").resolve(file + ".json");
        if (Files.isRegularFile(truth)) {
            JsonNode json = JSON.readTree(truth.toFile());
            URI url = ExtractionEval.pageUri(json.path("url").asText(""));
            if (groundTruth) {
                String text = json.path("ground_truth").path("main_content").asText("");
                Optional<String> title = Optional.of(
                                json.path("ground_truth").path("title").asText(""))
                        .filter(t -> !t.isBlank());
                return new Document(url, titled(title), text, text, List.of(), List.of(), List.of());
            }
            return extract(folder.resolve("html").resolve(file + ".html.gz"), url);
        }
        if (SnippetEval.recognises(folder)) {
            if (groundTruth) {
                throw new IOException(folder + " has no ground-truth main content; use --text html");
            }
            String url =
                    snippetUrls.computeIfAbsent(folder, EvalPages::urlsByFile).getOrDefault(file, "");
            return extract(folder.resolve("html").resolve(file + ".gz"), ExtractionEval.pageUri(url));
        }
        Path html = folder.resolve("html").resolve(file + ".html.gz");
        return extract(html, html.toUri());
    }

    private Document extract(Path html, URI url) throws IOException {
        try {
            return extractor.extract(FetchResult.ofBytes(url, "text/html", ExtractionEval.gunzip(html)));
        } catch (ExtractionException e) {
            throw new IOException("cannot extract " + html + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> urlsByFile(Path folder) {
        Map<String, String> urls = new HashMap<>();
        try {
            JsonNode index = JSON.readTree(folder.resolve(SnippetEval.INDEX).toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                urls.put(e.getValue().path("file").asText(""), e.getKey());
            }
        } catch (IOException e) {
            // no URLs: pages are extracted with a placeholder address
        }
        return urls;
    }

    private static dev.mcpweb.document.Metadata titled(Optional<String> title) {
        return new dev.mcpweb.document.Metadata(
                title,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of());
    }
}
