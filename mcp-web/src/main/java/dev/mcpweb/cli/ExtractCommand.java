package dev.mcpweb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.config.Config;
import dev.mcpweb.extract.Document;
import dev.mcpweb.extract.ExtractionException;
import dev.mcpweb.extract.Extractor;
import dev.mcpweb.extract.Metadata;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.Fetcher;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcp-web extract}: the main content and metadata of URLs, files or directories. */
@Command(
        name = "extract",
        description = "Extract the main content and metadata of URLs, files or directories (walked recursively,"
                + " sorted by path; .gz files are decompressed).%nExit code 0 when every source was read, 4 when"
                + " any failed (the others are still printed).")
final class ExtractCommand implements Callable<Integer> {
    enum Format {
        markdown,
        text,
        json
    }

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "URLs, files or directories.")
    List<String> sources;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "markdown",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--jsonl",
            description = "One JSON object per source per line (source, title, author, date, site, language, text,"
                    + " markdown, links, error, …).")
    boolean jsonl;

    @Option(names = "--include-comments", description = "Keep user comments below the main content.")
    boolean includeComments;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        Config config = cli.loadConfig(includeComments ? Map.of("extractor.include_comments", "true") : Map.of());
        Extractor extractor = new Extractor(config.extractor());
        LocalSources files = new LocalSources(
                config.fetcher().maxBodySize(), config.fetcher().maxDecompressedSize());
        List<String> inputs = LocalSources.expand(sources);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean jsonArray = !jsonl && format == Format.json && inputs.size() > 1;
        if (jsonArray) {
            out.println("[");
        }
        int failures = 0;
        boolean first = true;
        Fetcher fetcher = inputs.stream().anyMatch(LocalSources::isUrl) ? Fetcher.create(config) : null;
        try {
            for (String source : inputs) {
                Result result = extract(source, fetcher, files, extractor);
                if (result.error().isPresent()) {
                    failures++;
                }
                if (jsonl) {
                    out.println(json.writeValueAsString(toJson(source, result)));
                } else if (result.error().isPresent()) {
                    err.println("mcp-web: " + source + ": " + result.error().get());
                } else {
                    print(out, source, result.document().orElseThrow(), inputs.size() > 1, first, jsonArray);
                    first = false;
                }
                out.flush();
            }
        } finally {
            if (fetcher != null) {
                fetcher.close();
            }
        }
        if (jsonArray) {
            out.println("]");
        }
        out.flush();
        err.flush();
        return failures == 0 ? ExitCode.OK : ExitCode.FAILED;
    }

    private record Result(Optional<Document> document, Optional<String> error) {}

    // URLs go through the fetcher (SSRF guard, robots.txt, limits). Files the user names on the command
    // line are read directly with the fetcher's size bounds, so that relative paths and .gz files work.
    private static Result extract(String source, Fetcher fetcher, LocalSources files, Extractor extractor) {
        FetchOutcome outcome = LocalSources.isUrl(source) ? fetcher.fetch(source) : files.read(source);
        return switch (outcome) {
            case FetchOutcome.Fetched fetched -> {
                try {
                    yield new Result(Optional.of(extractor.extract(fetched.result())), Optional.empty());
                } catch (ExtractionException e) {
                    yield new Result(Optional.empty(), Optional.of(e.getMessage()));
                }
            }
            case FetchOutcome.Refused refused -> new Result(Optional.empty(), Optional.of(refused.message()));
            case FetchOutcome.Failed failed -> new Result(Optional.empty(), Optional.of(failed.message()));
        };
    }

    private void print(PrintWriter out, String source, Document doc, boolean several, boolean first, boolean array)
            throws JsonProcessingException {
        switch (format) {
            case markdown -> {
                if (several) {
                    out.println((first ? "" : "\n") + "<!-- source: " + source + " -->\n");
                }
                out.println(doc.markdown());
            }
            case text -> {
                if (several) {
                    out.println((first ? "" : "\n") + "==> " + source + " <==\n");
                }
                out.println(doc.text());
            }
            case json -> {
                String object = json.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(source, doc));
                out.println(array && !first ? "," + object : object);
            }
        }
    }

    private ObjectNode toJson(String source, Result result) {
        return result.document().map(doc -> toJson(source, doc)).orElseGet(() -> {
            ObjectNode node = json.createObjectNode();
            node.put("source", source);
            for (String field :
                    List.of("url", "title", "author", "date", "site", "language", "text", "markdown", "links")) {
                node.putNull(field);
            }
            node.put("error", result.error().orElse("unknown error"));
            return node;
        });
    }

    private ObjectNode toJson(String source, Document doc) {
        Metadata m = doc.metadata();
        ObjectNode node = json.createObjectNode();
        node.put("source", source);
        node.put("url", doc.url().toString());
        node.put("title", doc.title());
        node.put("author", m.authors().isEmpty() ? null : String.join(", ", m.authors()));
        node.set("authors", json.valueToTree(m.authors()));
        node.put("date", m.published().orElse(null));
        node.put("modified", m.modified().orElse(null));
        node.put("site", m.siteName().orElse(null));
        node.put("description", m.description().orElse(null));
        node.put("language", m.language().orElse(null));
        node.put("canonicalUrl", m.canonicalUrl().map(Object::toString).orElse(null));
        node.put("text", doc.text());
        node.put("markdown", doc.markdown());
        node.set("links", links(doc.contentLinks()));
        node.set("pageLinks", links(doc.pageLinks()));
        node.putNull("error");
        return node;
    }

    private ArrayNode links(List<Document.Link> links) {
        ArrayNode array = json.createArrayNode();
        links.forEach(l -> array.addObject().put("url", l.url().toString()).put("text", l.text()));
        return array;
    }
}
