package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.MapMode;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.result.ResultJson;
import dev.mcpweb.result.SearchResult;
import dev.mcpweb.search.SearchException;
import dev.mcpweb.search.SearchReport;
import dev.mcpweb.search.SearchRequest;
import dev.mcpweb.search.WebSearch;
import dev.mcpweb.summarize.SummaryListener;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcp-web search}: web search results, or with {@code --summarize} an answer read from them. */
@Command(
        name = "search",
        description = "Search the web through the configured provider (SearXNG, Brave or Tavily; see search.* in"
                + " docs/configuration.md) and list the results: title, URL and snippet. With --summarize, read"
                + " the results (through the URL guard and robots.txt) and answer the query from them, citing them;"
                + " the answer goes to stdout, what happened to each result to stderr.%n"
                + "Exit code 0 with results (or an answer), 2 when no provider is configured, 4 when the provider"
                + " fails or refuses the key, finds nothing, or no result can be read for the answer.")
final class SearchCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The words to search for.")
    List<String> words;

    @Option(
            names = {"-n", "--max-results"},
            paramLabel = "N",
            description = "Results to list (and read with --summarize), 1 to 20 (search.max_results, default 5).")
    Integer maxResults;

    @Option(names = "--language", paramLabel = "CODE", description = "Language of the results, e.g. en or de.")
    String language;

    @Option(
            names = {"-s", "--summarize"},
            description = "Read the results and answer the query from them, with citations.")
    boolean summarize;

    @Option(
            names = "--max-length",
            paramLabel = "WORDS",
            description = "Answer length in words (summarizer.max_length).")
    Integer maxLength;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "Map phase: ${COMPLETION-CANDIDATES} (summarizer.mode).",
            completionCandidates = SummarizeCommand.ModeNames.class)
    String mode;

    @Mixin
    LlmOptions llm;

    @Option(names = "--render", paramLabel = "MODE", description = RenderFlag.DESCRIPTION)
    String render;

    @Option(
            names = "--ignore-robots",
            description = "Do not consult robots.txt when reading results (same as fetcher.respect_robots=false).")
    boolean ignoreRobots;

    @Option(names = "--json", description = "Print the results (and the answer) as one JSON object (docs/results.md).")
    boolean json;

    @Override
    public Integer call() {
        Config config = cli.loadConfig(llm.flags()
                .put("--ignore-robots", "fetcher.respect_robots", ignoreRobots ? "false" : null)
                .put("--mode", "summarizer.mode", mode)
                .put("--render", "render.mode", render));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxResults != null && (maxResults < 1 || maxResults > 20)) {
            err.println("mcp-web: --max-results must be 1 to 20, not " + maxResults);
            return ExitCode.USAGE;
        }
        ProgressLine progress = new ProgressLine(err, Terminal.isTerminal(2), Terminal.isTerminal(1));
        SummaryListener listener = new SummaryListener() {
            @Override
            public void onProgress(String stage, int done, int total) {
                progress.update(stage, done, total);
            }
        };
        try (Pipeline pipeline = Pipeline.create(config);
                WebSearch search = WebSearch.of(config.search())) {
            SearchRequest request = new SearchRequest(
                    String.join(" ", words),
                    maxResults == null ? OptionalInt.empty() : OptionalInt.of(maxResults),
                    Optional.ofNullable(language).filter(l -> !l.isBlank()),
                    summarize,
                    maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength),
                    Optional.ofNullable(mode).map(MapMode::of),
                    Optional.empty()); // --render is render.mode
            SearchReport report = search.search(pipeline, request, listener, Optional.empty());
            progress.clear();
            if (json) {
                out.println(ResultJson.pretty(SearchResult.of(report)));
            } else if (summarize) {
                for (SearchReport.Result r : report.results()) {
                    err.println("mcp-web: " + r.status().orElse("listed") + " " + r.url()
                            + r.reason().map(why -> " — " + why).orElse(""));
                }
                report.answer()
                        .ifPresent(a -> out.println(a.summary().markdown().strip()));
            } else {
                for (SearchReport.Result r : report.results()) {
                    out.println(r.number() + ". " + r.title());
                    out.println("   " + r.url());
                    if (!r.snippet().isEmpty()) {
                        out.println("   " + r.snippet());
                    }
                }
            }
            report.skipped().forEach(s -> err.println("mcp-web: left out " + s.url() + " — " + s.reason()));
            report.warnings().forEach(w -> err.println("mcp-web: warning: " + w));
            if (report.results().isEmpty()) {
                err.println("mcp-web: " + report.provider() + " found nothing for \"" + report.query()
                        + "\"; try other words");
                return ExitCode.FAILED;
            }
            if (summarize && report.answer().isEmpty()) {
                err.println("mcp-web: no answer: " + report.answerFailure().orElse("nothing could be read"));
                return ExitCode.FAILED;
            }
            return ExitCode.OK;
        } catch (SearchException e) {
            progress.clear();
            err.println("mcp-web: " + e.getMessage());
            return switch (e.kind()) {
                case INVALID, NOT_CONFIGURED -> ExitCode.USAGE;
                case REFUSED, FAILED -> ExitCode.FAILED;
            };
        } catch (IllegalArgumentException e) {
            progress.clear();
            err.println("mcp-web: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (PipelineException e) {
            progress.clear();
            err.println("mcp-web: " + e.getMessage());
            return ExitCode.of(e.kind());
        } finally {
            out.flush();
            err.flush();
        }
    }
}
