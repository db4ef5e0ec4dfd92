package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import dev.mcpweb.crawl.CrawlReport;
import dev.mcpweb.crawl.CrawlRequest;
import dev.mcpweb.crawl.Crawler;
import dev.mcpweb.crawl.Visit;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.result.CrawlResult;
import dev.mcpweb.result.ResultJson;
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

    @Mixin
    SummaryOptions summary;

    @Mixin
    LlmOptions llm;

    @Mixin
    RobotsFlag robots;

    @Option(names = "--json", description = "Print the summary, every page met and the budgets as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Config config = cli.loadConfig(llm.flags().putAll(robots.flags()).putAll(summary.flags()));
        CommandRun run = new CommandRun(spec);
        return run.exitCode(() -> {
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
                        summary.maxLength(),
                        summary.mode(),
                        OptionalInt.empty()); // --max-llm-calls is summarizer.max_llm_calls
                CrawlReport report = Crawler.of(pipeline).crawl(request, run.progress(), Optional.empty());
                run.clearProgress();
                if (json) {
                    run.out.println(ResultJson.pretty(CrawlResult.of(report)));
                } else {
                    for (Visit v : report.visits()) {
                        run.err.println("mcp-web: " + v.status().id() + " " + v.url()
                                + v.reason().map(r -> " — " + r).orElse(""));
                    }
                    run.err.println("mcp-web: " + report.spent().pagesRead() + " pages read, stopped: "
                            + report.stoppedBecause());
                    report.summary()
                            .ifPresentOrElse(
                                    s -> run.out.println(s.markdown().strip()),
                                    () -> run.err.println("mcp-web: none of the pages read answers the query; try"
                                            + " another start URL, more --max-pages or a deeper --max-depth"));
                }
                return report.summary().isPresent() ? ExitCode.OK : ExitCode.FAILED;
            }
        });
    }
}
