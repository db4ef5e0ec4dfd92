package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.extract.ExtractionException;
import dev.mcpweb.extract.Extractor;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.result.DocumentResult;
import dev.mcpweb.result.ResultJson;
import dev.mcpweb.summarize.InjectionScan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
                + " sorted by path; .gz files are decompressed).%nExit code 0 when every source was read; otherwise, as for"
                + " one source, 2 not a URL or path, 3 refused by policy, 4 failed (4 when the kinds differ); the"
                + " other sources are still printed.")
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
            description = "One JSON object per source per line (source, url, title, metadata, text, markdown, links,"
                    + " page_links; error when it could not be read; warnings): see docs/results.md.")
    boolean jsonl;

    @Option(
            names = "--include-comments",
            description = "Add readers' comments after an article, under a Comments heading with author and date.")
    boolean includeComments;

    @Option(
            names = "--ignore-robots",
            description = "Do not consult robots.txt (same as fetcher.respect_robots=false).")
    boolean ignoreRobots;

    @Override
    public Integer call() throws Exception {
        Config config = cli.loadConfigReadingFiles(new FlagSettings()
                .put("--include-comments", "extractor.include_comments", includeComments ? "true" : null)
                .put("--ignore-robots", "fetcher.respect_robots", ignoreRobots ? "false" : null));
        Extractor extractor = new Extractor(config.extractor());
        List<String> inputs = LocalSources.expand(sources);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean jsonArray = !jsonl && format == Format.json && inputs.size() > 1;
        if (jsonArray) {
            out.println("[");
        }
        List<Integer> codes = new ArrayList<>();
        boolean first = true;
        try (Fetcher fetcher = Fetcher.create(config)) {
            for (String source : inputs) {
                Result result = extract(source, fetcher, extractor);
                codes.add(result.exitCode());
                List<String> warnings = result.warnings();
                warnings.forEach(w -> err.println("mcp-web: warning: " + w));
                if (jsonl) {
                    out.println(ResultJson.line(toJson(source, result, warnings)));
                } else if (result.error().isPresent()) {
                    err.println("mcp-web: " + source + ": " + result.error().get());
                } else {
                    print(out, source, result.document().orElseThrow(), warnings, inputs.size() > 1, first, jsonArray);
                    first = false;
                }
                out.flush();
            }
        }
        if (jsonArray) {
            out.println("]");
        }
        out.flush();
        err.flush();
        return ExitCode.combined(codes);
    }

    private record Result(Optional<Document> document, Optional<String> error, int exitCode) {
        static Result failed(String error, int exitCode) {
            return new Result(Optional.empty(), Optional.of(error), exitCode);
        }

        /** Text in the document that addresses an AI, one warning per place. */
        List<String> warnings() {
            return document.map(d -> InjectionScan.warnings(d.url().toString(), d))
                    .orElse(List.of());
        }
    }

    // Files go through the fetcher like URLs, so they obey the same roots and limits as every command.
    private static Result extract(String source, Fetcher fetcher, Extractor extractor) {
        FetchOutcome outcome = fetcher.fetch(FetchCommand.asSource(source));
        return switch (outcome) {
            case FetchOutcome.Fetched fetched -> {
                try {
                    yield new Result(Optional.of(extractor.extract(fetched.result())), Optional.empty(), ExitCode.OK);
                } catch (ExtractionException e) {
                    yield Result.failed(e.getMessage(), ExitCode.FAILED);
                }
            }
            case FetchOutcome.Refused refused -> Result.failed(refused.message(), ExitCode.of(refused));
            case FetchOutcome.Failed failed -> Result.failed(failed.message(), ExitCode.FAILED);
        };
    }

    private void print(
            PrintWriter out,
            String source,
            Document doc,
            List<String> warnings,
            boolean several,
            boolean first,
            boolean array) {
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
                String object = ResultJson.pretty(DocumentResult.of(source, doc, warnings));
                out.println(array && !first ? "," + object : object);
            }
        }
    }

    private static DocumentResult toJson(String source, Result result, List<String> warnings) {
        return result.document()
                .map(doc -> DocumentResult.of(source, doc, warnings))
                .orElseGet(() -> DocumentResult.failed(source, result.error().orElse("unknown error")));
    }
}
