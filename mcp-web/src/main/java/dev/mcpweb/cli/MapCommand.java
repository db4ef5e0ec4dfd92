package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import dev.mcpweb.crawl.Crawler;
import dev.mcpweb.crawl.MapRequest;
import dev.mcpweb.crawl.SiteMap;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.result.ResultJson;
import dev.mcpweb.result.SiteMapResult;
import dev.mcpweb.summarize.SummaryListener;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcp-web map}: the URLs of a site or section, one a line. */
@Command(
        name = "map",
        description = "List the URLs of a site or section: from robots.txt's Sitemap: lines or /sitemap.xml (index"
                + " files, gzip, RSS/Atom), else by following links to crawl.map_depth. One URL a line (with its"
                + " last-modified date and title when known), or --json.%n"
                + "Exit code 0 with the list (bounds hit are noted on stderr), 2 for a bad URL, 3/4 when the start"
                + " URL itself cannot be read.")
final class MapCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "Where the site or section starts.")
    String url;

    @Mixin
    ScopeOptions scope;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "URLs per page (default 1000).")
    int limit;

    @Option(names = "--cursor", paramLabel = "C", description = "Continue from the next_cursor of a previous page.")
    String cursor;

    @Mixin
    RobotsFlag robots;

    @Option(names = "--json", description = "Print the page of URLs as one JSON object (see docs/results.md).")
    boolean json;

    @Override
    public Integer call() {
        Config config = cli.loadConfig(robots.flags());
        CommandRun run = new CommandRun(spec);
        if (limit < 1) {
            run.err.println("mcp-web: --limit must be at least 1");
            return ExitCode.USAGE;
        }
        return run.exitCode(() -> {
            try (Pipeline pipeline = Pipeline.create(config)) {
                MapRequest request = new MapRequest(
                        url, scope.kind(), scope.include, scope.exclude, limit, Optional.ofNullable(cursor));
                SiteMap map = Crawler.of(pipeline).map(request, SummaryListener.NONE);
                map.notes().forEach(n -> run.err.println("mcp-web: " + n));
                if (json) {
                    run.out.println(ResultJson.pretty(SiteMapResult.of(map)));
                } else {
                    for (SiteMap.Entry e : map.urls()) {
                        run.out.println(e.url()
                                + e.lastModified().map(m -> "\t" + m).orElse("")
                                + e.title().map(t -> "\t" + t).orElse(""));
                    }
                    map.nextCursor()
                            .ifPresent(c -> run.err.println(
                                    "mcp-web: " + map.total() + " URLs in all; the next page: --cursor " + c));
                }
                return ExitCode.OK;
            }
        });
    }
}
