package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.result.ResultJson;
import dev.mcpweb.result.SearchResult;
import dev.mcpweb.search.SearchReport;
import dev.mcpweb.search.SearchRequest;
import dev.mcpweb.search.WebSearch;
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

    @Mixin
    SummaryOptions summary;

    @Mixin
    LlmOptions llm;

    @Mixin
    RenderFlag render;

    @Mixin
    RobotsFlag robots;

    @Option(names = "--json", description = "Print the results (and the answer) as one JSON object (docs/results.md).")
    boolean json;

    @Override
    public Integer call() {
        Config config = cli.loadConfig(
                llm.flags().putAll(robots.flags()).putAll(summary.flags()).putAll(render.flags()));
        CommandRun run = new CommandRun(spec);
        if (maxResults != null && (maxResults < 1 || maxResults > 20)) {
            run.err.println("mcp-web: --max-results must be 1 to 20, not " + maxResults);
            return ExitCode.USAGE;
        }
        return run.exitCode(() -> {
            try (Pipeline pipeline = Pipeline.create(config);
                    WebSearch search = WebSearch.of(config.search())) {
                SearchRequest request = new SearchRequest(
                        String.join(" ", words),
                        maxResults == null ? OptionalInt.empty() : OptionalInt.of(maxResults),
                        Optional.ofNullable(language).filter(l -> !l.isBlank()),
                        summarize,
                        summary.maxLength(),
                        summary.mode(),
                        Optional.empty()); // --render is render.mode
                SearchReport report = search.search(pipeline, request, run.progress(), Optional.empty());
                run.clearProgress();
                print(report, run.out, run.err);
                if (report.results().isEmpty()) {
                    run.err.println("mcp-web: " + report.provider() + " found nothing for \"" + report.query()
                            + "\"; try other words");
                    return ExitCode.FAILED;
                }
                if (summarize && report.answer().isEmpty()) {
                    run.err.println(
                            "mcp-web: no answer: " + report.answerFailure().orElse("nothing could be read"));
                    return ExitCode.FAILED;
                }
                return ExitCode.OK;
            }
        });
    }

    private void print(SearchReport report, PrintWriter out, PrintWriter err) {
        if (json) {
            out.println(ResultJson.pretty(SearchResult.of(report)));
        } else if (summarize) {
            for (SearchReport.Result r : report.results()) {
                err.println("mcp-web: " + r.status().orElse("listed") + " " + r.url()
                        + r.reason().map(why -> " — " + why).orElse(""));
            }
            report.answer().ifPresent(a -> out.println(a.summary().markdown().strip()));
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
    }
}
