package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.pipeline.SourceRead;
import dev.mcpweb.result.DocumentResult;
import dev.mcpweb.result.ResultJson;
import dev.mcpweb.summarize.InjectionScan;
import dev.mcpweb.summarize.SummaryListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    RobotsFlag robots;

    @Mixin
    RenderFlag render;

    @Override
    public Integer call() throws Exception {
        Config config = cli.loadConfigReadingFiles(new FlagSettings()
                .put("--include-comments", "extractor.include_comments", includeComments ? "true" : null)
                .putAll(robots.flags())
                .putAll(render.flags()));
        List<String> inputs = LocalSources.expand(sources);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean jsonArray = !jsonl && format == Format.json && inputs.size() > 1;
        if (jsonArray) {
            out.println("[");
        }
        List<Integer> codes = new ArrayList<>();
        boolean first = true;
        try (Pipeline pipeline = Pipeline.forReading(config)) {
            for (String source : inputs) {
                Result result = extract(source, pipeline);
                codes.add(result.exitCode());
                List<String> warnings = result.warnings();
                warnings.forEach(w -> err.println("mcp-web: warning: " + w));
                result.read().flatMap(r -> RenderFlag.line(r.render(), source)).ifPresent(err::println);
                if (jsonl) {
                    ResultJson.writeLine(toJson(source, result, warnings), out);
                    out.println();
                } else if (result.error().isPresent()) {
                    err.println("mcp-web: " + source + ": " + result.error().get());
                } else {
                    print(out, source, result.read().orElseThrow(), warnings, inputs.size() > 1, first, jsonArray);
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

    private record Result(Optional<SourceRead> read, Optional<String> error, int exitCode) {
        static Result failed(String error, int exitCode) {
            return new Result(Optional.empty(), Optional.of(error), exitCode);
        }

        /** Why a page was not rendered, and text in the document that addresses an AI, one warning per place. */
        List<String> warnings() {
            if (read.isEmpty()) {
                return List.of();
            }
            SourceRead r = read.get();
            List<String> warnings = new ArrayList<>(r.warnings());
            warnings.addAll(InjectionScan.warnings(r.document().url().toString(), r.document()));
            return List.copyOf(warnings);
        }
    }

    // Files go through the fetcher like URLs, so they obey the same roots and limits as every command.
    private static Result extract(String source, Pipeline pipeline) {
        String resolved = FetchCommand.asSource(source);
        try {
            SourceRead read = pipeline.readSource(resolved, Optional.empty(), SummaryListener.NONE);
            return new Result(Optional.of(read), Optional.empty(), ExitCode.OK);
        } catch (PipelineException e) {
            String message = e.getMessage(); // printed after the source already
            return Result.failed(
                    message.startsWith(resolved + ": ") ? message.substring(resolved.length() + 2) : message,
                    ExitCode.of(e.kind()));
        }
    }

    private void print(
            PrintWriter out,
            String source,
            SourceRead read,
            List<String> warnings,
            boolean several,
            boolean first,
            boolean array) {
        Document doc = read.document();
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
                String object = ResultJson.pretty(DocumentResult.of(source, doc, read.render(), warnings));
                out.println(array && !first ? "," + object : object);
            }
        }
    }

    private static DocumentResult toJson(String source, Result result, List<String> warnings) {
        return result.read()
                .map(r -> DocumentResult.of(source, r.document(), r.render(), warnings))
                .orElseGet(() -> DocumentResult.failed(source, result.error().orElse("unknown error")));
    }
}
