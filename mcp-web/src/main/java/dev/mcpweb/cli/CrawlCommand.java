package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.MapMode;
import dev.mcpweb.crawl.CrawlReport;
import dev.mcpweb.crawl.CrawlRequest;
import dev.mcpweb.crawl.Crawler;
import dev.mcpweb.crawl.Visit;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.result.CrawlResult;
import dev.mcpweb.result.ResultJson;
import dev.mcpweb.summarize.SummaryListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcp-web crawl}: read a site best first for a query, then a cited summary of the pages that answer it. */
@Command(
        name = "crawl",
        description = "Read a site for a question: follow the links most likely to answer it (BM25 of the query"
                + " against each link's text and the text around it), within page, depth, byte and time budgets,"
                + " obeying robots.txt and its Crawl-delay; then summarize the pages that answer it, citing them."
                + " The summary goes to stdout, the pages read to stderr.%n"
                + "Exit code 0 with a summary, 4 when no page read answers the query, 2/3/4 when the start URL"
                + " cannot be read.")
final class CrawlCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "Where the crawl starts.")
    String url;

    @Option(
            names = {"-q", "--query"},
            paramLabel = "Q",
            required = true,
            description = "The question the pages should answer.")
    String query;

    @Mixin
    ScopeOptions scope;

    @Option(
            names = "--max-pages",
            paramLabel = "N",
            description = "Pages to read (crawl.max_pages, default 20; at most crawl.max_pages_cap, 200).")
    Integer maxPages;

    @Option(names = "--max-depth", paramLabel = "N", description = "Links to follow from URL (crawl.max_depth).")
    Integer maxDepth;

    @Option(
            names = "--max-time",
            paramLabel = "SECONDS",
            description = "Wall time for reading (crawl.max_time at most).")
    Double maxTime;

    @Option(
            names = "--max-bytes",
            paramLabel = "BYTES",
            description = "Response bytes to read (crawl.max_bytes at most).")
    Long maxBytes;

    @Option(
            names = "--max-length",
            paramLabel = "WORDS",
            description = "Summary length in words (summarizer.max_length).")
    Integer maxLength;

    @Option(
            names = "--max-llm-calls",
            paramLabel = "N",
            description = "LLM calls the summary may make (summarizer.max_llm_calls).")
    Integer maxLlmCalls;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "Map phase: ${COMPLETION-CANDIDATES} (summarizer.mode).",
            completionCandidates = SummarizeCommand.ModeNames.class)
    String mode;

    @Mixin
    LlmOptions llm;

    @Option(
            names = "--ignore-robots",
            description = "Do not consult robots.txt (same as fetcher.respect_robots=false).")
    boolean ignoreRobots;

    @Option(names = "--json", description = "Print the summary, every page met and the budgets as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Config config = cli.loadConfig(llm.flags()
                .put("--ignore-robots", "fetcher.respect_robots", ignoreRobots ? "false" : null)
                .put("--mode", "summarizer.mode", mode)
                .put("--max-llm-calls", "summarizer.max_llm_calls", maxLlmCalls));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressLine progress = new ProgressLine(err, Terminal.isTerminal(2), Terminal.isTerminal(1));
        SummaryListener listener = new SummaryListener() {
            @Override
            public void onProgress(String stage, int done, int total) {
                progress.update(stage, done, total);
            }
        };
        try (Pipeline pipeline = Pipeline.create(config)) {
            CrawlRequest request = new CrawlRequest(
                    url,
                    query,
                    maxPages == null ? OptionalInt.empty() : OptionalInt.of(maxPages),
                    maxDepth == null ? OptionalInt.empty() : OptionalInt.of(maxDepth),
                    Optional.ofNullable(maxTime).map(s -> Duration.ofMillis((long) (s * 1000))),
                    maxBytes == null ? OptionalLong.empty() : OptionalLong.of(maxBytes),
                    scope.kind(),
                    scope.include,
                    scope.exclude,
                    maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength),
                    Optional.ofNullable(mode).map(MapMode::of),
                    OptionalInt.empty()); // --max-llm-calls is summarizer.max_llm_calls
            CrawlReport report = Crawler.of(pipeline).crawl(request, listener, Optional.empty());
            progress.clear();
            if (json) {
                out.println(ResultJson.pretty(CrawlResult.of(report)));
            } else {
                for (Visit v : report.visits()) {
                    err.println("mcp-web: " + v.status().id() + " " + v.url()
                            + v.reason().map(r -> " — " + r).orElse(""));
                }
                err.println(
                        "mcp-web: " + report.spent().pagesRead() + " pages read, stopped: " + report.stoppedBecause());
                report.summary()
                        .ifPresentOrElse(
                                s -> out.println(s.markdown().strip()),
                                () -> err.println(
                                        "mcp-web: none of the pages read answers the query; try another start URL,"
                                                + " more --max-pages or a deeper --max-depth"));
            }
            return report.summary().isPresent() ? ExitCode.OK : ExitCode.FAILED;
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
