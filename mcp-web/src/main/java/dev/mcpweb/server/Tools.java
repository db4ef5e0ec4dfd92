package dev.mcpweb.server;

import dev.mcpweb.cache.CacheStats;
import dev.mcpweb.cache.Namespace;
import dev.mcpweb.cache.NamespaceStats;
import dev.mcpweb.config.Config;
import dev.mcpweb.config.MapMode;
import dev.mcpweb.config.RenderConfig;
import dev.mcpweb.crawl.CrawlReport;
import dev.mcpweb.crawl.CrawlRequest;
import dev.mcpweb.crawl.Crawler;
import dev.mcpweb.crawl.LinkFollower;
import dev.mcpweb.crawl.MapRequest;
import dev.mcpweb.crawl.Scope;
import dev.mcpweb.crawl.SiteMap;
import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.pipeline.FailureKind;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.pipeline.PipelineResult;
import dev.mcpweb.pipeline.RenderNote;
import dev.mcpweb.pipeline.SourceFailure;
import dev.mcpweb.pipeline.SourceRead;
import dev.mcpweb.pipeline.SummarizeRequest;
import dev.mcpweb.result.CacheCleanResult;
import dev.mcpweb.result.CacheStatsResult;
import dev.mcpweb.result.ContentFormat;
import dev.mcpweb.result.CrawlResult;
import dev.mcpweb.result.PageResult;
import dev.mcpweb.result.ResultJson;
import dev.mcpweb.result.ResultSchema;
import dev.mcpweb.result.SearchResult;
import dev.mcpweb.result.SiteMapResult;
import dev.mcpweb.result.SummaryResult;
import dev.mcpweb.search.SearchException;
import dev.mcpweb.search.SearchReport;
import dev.mcpweb.search.SearchRequest;
import dev.mcpweb.search.WebSearch;
import dev.mcpweb.server.Arguments.BadArguments;
import dev.mcpweb.summarize.Summary;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The tools (search_web only with a search provider), each a thin adapter: read and check the arguments, call the {@link Pipeline}, and
 * turn its answer or failure into a tool result. Every failure is a result with {@code isError: true}
 * and a message that says what to do; nothing a call does stops the server.
 */
final class Tools {
    private static final Logger log = LoggerFactory.getLogger(Tools.class);

    static final int MAX_URLS = 20;
    static final int DEFAULT_PAGE = 20_000;
    static final int MAX_GLOBS = 20;
    static final int DEFAULT_MAP_PAGE = 200;
    static final int MAX_MAP_PAGE = 5_000;
    static final int MAX_SEARCH_RESULTS = 20;

    private final PipelineStartup pipelines;
    private final WebSearch search;
    private final boolean searchConfigured;
    private final ClientSampling.Choice sampling;
    private final InFlightCalls calls;
    private final Recorder metrics;
    private final McpJsonMapper json;
    private final Scheduler scheduler;

    Tools(
            Config config,
            PipelineStartup pipelines,
            WebSearch search,
            InFlightCalls calls,
            Recorder metrics,
            McpJsonMapper json,
            Executor executor) {
        this.sampling = ClientSampling.Choice.of(config);
        this.pipelines = pipelines;
        this.search = search;
        this.searchConfigured = WebSearch.configured(config.search());
        this.calls = calls;
        this.metrics = metrics;
        this.json = json;
        this.scheduler = Schedulers.fromExecutor(executor);
    }

    /**
     * The tools to list: {@code search_web} only when a search provider is configured, since without one
     * it could only ask for configuration.
     */
    List<AsyncToolSpecification> specifications() {
        return all().stream()
                .filter(t -> searchConfigured || !t.tool().name().equals("search_web"))
                .toList();
    }

    private List<AsyncToolSpecification> all() {
        return List.of(
                tool(
                        "summarize_urls",
                        "Summarize web pages",
                        """
                        Summarize one or more web pages or local documents (HTML, PDF, text) into a short \
                        Markdown summary that cites its sources as [n]. Use it when you need the gist of \
                        pages, or an answer drawn from them (give `query`), rather than their full text. \
                        Fetching is guarded (no private addresses) and results are cached.""",
                        SUMMARIZE_SCHEMA,
                        SummaryResult.class,
                        new ToolAnnotations(null, true, false, true, true, null),
                        Set.of("urls", "query", "mode", "max_length", "render", "follow_links", "max_llm_calls"),
                        this::summarize),
                tool(
                        "fetch_url",
                        "Fetch a page's main content",
                        """
                        Fetch one web page or document and return its main content as Markdown (or plain \
                        text) without navigation, ads or boilerplate, with its title and metadata. Long \
                        content comes in pages of `max_length` characters: when the result says it was cut, \
                        call again with the `start_index` it gives. Prefer summarize_urls when a summary is \
                        enough.""",
                        FETCH_SCHEMA,
                        PageResult.class,
                        new ToolAnnotations(null, true, false, true, true, null),
                        Set.of("url", "format", "start_index", "max_length", "render"),
                        this::fetch),
                tool(
                        "map_site",
                        "List a site's URLs",
                        """
                        List the URLs of a web site or section, from its sitemaps (robots.txt Sitemap: lines, \
                        /sitemap.xml, feeds) or, when it has none, by following its links a few levels deep, \
                        with titles and last-modified dates where known. Use it to see what a site holds \
                        before reading pages; results come in pages (pass next_cursor as cursor).""",
                        MAP_SCHEMA,
                        SiteMapResult.class,
                        new ToolAnnotations(null, true, false, true, true, null),
                        Set.of("url", "scope", "include", "exclude", "limit", "cursor"),
                        this::mapSite),
                tool(
                        "crawl_site",
                        "Answer a question from a site",
                        """
                        Read a site to answer a question: starting at `url`, follow the links most likely to \
                        answer `query` (best first, within max_pages, max_depth, max_seconds and max_bytes), \
                        obeying robots.txt and its Crawl-delay, then return a Markdown summary of the pages \
                        that answer it, citing them as [n], and what happened to every URL met. Use it when \
                        you know the site but not the page.""",
                        CRAWL_SCHEMA,
                        CrawlResult.class,
                        new ToolAnnotations(null, true, false, false, true, null),
                        Set.of(
                                "url",
                                "query",
                                "max_pages",
                                "max_depth",
                                "max_seconds",
                                "max_bytes",
                                "scope",
                                "include",
                                "exclude",
                                "max_length",
                                "max_llm_calls"),
                        this::crawlSite),
                tool(
                        "search_web",
                        "Search the web",
                        """
                        Search the web for `query` through the configured provider (SearXNG, Brave or Tavily) \
                        and list the results with title, URL and snippet. With `summarize: true`, also read the \
                        top results (guarded, obeying robots.txt) and answer the query from them in Markdown, \
                        citing them as [n]. Use it when you do not know which pages answer a question.""",
                        SEARCH_SCHEMA,
                        SearchResult.class,
                        new ToolAnnotations(null, true, false, false, true, null),
                        Set.of("query", "max_results", "language", "summarize", "mode", "max_length", "render"),
                        this::searchWeb),
                tool(
                        "get_cache_stats",
                        "Cache statistics",
                        "Show mcp-web's cache figures per namespace (" + String.join(", ", Namespace.wireNames())
                                + "): entries, size, hits, misses and hit rate. Read-only.",
                        NO_ARGUMENTS_SCHEMA,
                        CacheStatsResult.class,
                        new ToolAnnotations(null, true, false, true, false, null),
                        Set.of(),
                        this::cacheStats),
                tool(
                        "clear_cache",
                        "Clear the cache",
                        "Delete cached entries, all or those of one namespace, so that the next calls fetch "
                                + "and summarize afresh. Use it when a result looks stale.",
                        NAMESPACE_SCHEMA,
                        CacheCleanResult.class,
                        new ToolAnnotations(null, false, true, true, false, null),
                        Set.of("namespace"),
                        (args, call, pipeline) -> clean(args, pipeline, true)),
                tool(
                        "prune_cache",
                        "Prune the cache",
                        "Remove expired cache entries and trim the cache to its size bound; fresh entries stay.",
                        NAMESPACE_SCHEMA,
                        CacheCleanResult.class,
                        new ToolAnnotations(null, false, false, true, false, null),
                        Set.of("namespace"),
                        (args, call, pipeline) -> clean(args, pipeline, false)));
    }

    /** Where tool calls are counted: {@link ServerMetrics} on HTTP, nowhere on stdio. */
    interface Recorder {
        Recorder NONE = (tool, outcome, elapsed) -> {};

        void toolCall(String tool, String outcome, Duration elapsed);
    }

    private interface Handler {
        CallToolResult handle(Arguments args, ToolCall call, Pipeline pipeline) throws Exception;
    }

    private AsyncToolSpecification tool(
            String name,
            String title,
            String description,
            String schema,
            Class<? extends Record> output,
            ToolAnnotations annotations,
            Set<String> allowed,
            Handler handler) {
        Tool tool = Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(json, schema)
                .outputSchema(ResultSchema.of(output))
                .annotations(annotations)
                .build();
        return new AsyncToolSpecification(
                tool,
                (exchange, request) -> Mono.fromCallable(() -> run(name, allowed, handler, exchange, request))
                        .subscribeOn(scheduler));
    }

    private CallToolResult run(
            String name,
            Set<String> allowed,
            Handler handler,
            McpAsyncServerExchange exchange,
            CallToolRequest request) {
        long start = System.nanoTime();
        String outcome = "error";
        ToolCall call = new ToolCall(exchange, request);
        try {
            Arguments args = new Arguments(name, request.arguments(), allowed);
            CallToolResult result =
                    calls.run(MessageTap.callKey(request.meta()), () -> handler.handle(args, call, pipelines.get()));
            outcome = Boolean.TRUE.equals(result.isError()) ? "error" : "ok";
            return result;
        } catch (BadArguments e) {
            return error(e.getMessage());
        } catch (InFlightCalls.Busy e) {
            outcome = "busy";
            return error(e.getMessage());
        } catch (InFlightCalls.Cancelled e) {
            outcome = "cancelled";
            return error(name + " was cancelled by the client; nothing was returned.");
        } catch (PipelineStartup.Unavailable e) {
            return error(e.getMessage());
        } catch (PipelineException e) {
            outcome = e.kind() == FailureKind.BUSY ? "busy" : outcome;
            call.log(LoggingLevel.WARNING, name + ": " + e.getMessage());
            return error(pipelineFailure(e));
        } catch (UnsupportedOperationException e) {
            log.error("{} cannot run: {}", name, e.getMessage());
            return error(name + " is not available in this build of mcp-web (" + e.getMessage() + ").");
        } catch (Exception e) {
            log.error("{} failed unexpectedly", name, e);
            call.log(LoggingLevel.ERROR, name + " failed: " + e);
            return error(name + " failed unexpectedly (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). This is a bug in mcp-web; the server logs on stderr have details.");
        } finally {
            metrics.toolCall(name, outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private CallToolResult summarize(Arguments args, ToolCall call, Pipeline pipeline) throws Exception {
        List<String> urls = args.requiredStrings("urls", MAX_URLS, "https://example.com/article");
        Optional<String> query = args.optionalString("query");
        Optional<MapMode> mode = args.optionalChoice("mode", MapMode.ids()).map(MapMode::of);
        OptionalInt maxLength = args.optionalInt("max_length", 10, 5_000);
        Optional<RenderConfig.Mode> render = render(args);
        int followLinks =
                args.optionalInt("follow_links", 0, LinkFollower.MAX_LINKS).orElse(0);
        call.log(LoggingLevel.INFO, "summarizing " + urls.size() + " source" + (urls.size() == 1 ? "" : "s"));
        Optional<LlmProvider> clientModel = sampling.provider(call.exchange());
        PipelineResult result;
        try {
            result = pipeline.summarize(
                    new SummarizeRequest(urls, query, maxLength, mode, render, maxLlmCalls(args, pipeline)),
                    LinkFollower.of(pipeline, followLinks),
                    call,
                    clientModel);
        } finally {
            clientModel.ifPresent(LlmProvider::close);
        }
        for (SourceFailure failure : result.failures()) {
            call.log(LoggingLevel.WARNING, failure.source() + ": " + failure.kind() + ": " + failure.message());
        }
        return CallToolResult.builder()
                .addTextContent(summaryText(result))
                .structuredContent(ResultJson.tree(SummaryResult.of(result)))
                .isError(false)
                .build();
    }

    /** A call's {@code max_llm_calls}: 2 up to the configured budget. */
    private static OptionalInt maxLlmCalls(Arguments args, Pipeline pipeline) throws Arguments.BadArguments {
        return args.optionalInt(
                "max_llm_calls", 2, pipeline.config().summarizer().maxLlmCalls());
    }

    /** The summary's Markdown, the sources it does not link, and its warnings. */
    private static StringBuilder summaryText(Summary summary) {
        StringBuilder text = new StringBuilder(summary.markdown().strip());
        List<Summary.SourceRef> unlisted = summary.sources().stream()
                .filter(s -> !summary.markdown().contains(s.url()))
                .toList();
        if (!unlisted.isEmpty()) {
            text.append("\n\nSources:\n");
            unlisted.forEach(s -> text.append("[")
                    .append(s.number())
                    .append("] ")
                    .append(s.title())
                    .append(" — ")
                    .append(s.url())
                    .append('\n'));
        }
        if (!summary.warnings().isEmpty()) {
            text.append("\n\nWarnings:\n");
            summary.warnings().forEach(w -> text.append("- ").append(w).append('\n'));
        }
        return text;
    }

    static String summaryText(PipelineResult result) {
        StringBuilder text = summaryText(result.summary());
        List<String> readWarnings =
                result.reads().stream().flatMap(r -> r.warnings().stream()).toList();
        if (!readWarnings.isEmpty()) {
            text.append("\n\nNot rendered:\n");
            readWarnings.forEach(w -> text.append("- ").append(w).append('\n'));
        }
        List<SourceRead> rendered =
                result.reads().stream().filter(r -> r.render().rendered()).toList();
        if (!rendered.isEmpty()) {
            text.append("\n\nRendered in headless Chromium:\n");
            rendered.forEach(r -> text.append("- ")
                    .append(r.document().url())
                    .append(" (")
                    .append(renderLine(r.render()))
                    .append(")\n"));
        }
        if (!result.failures().isEmpty()) {
            text.append("\n\nNot summarized (could not be read):\n");
            result.failures()
                    .forEach(f -> text.append("- ")
                            .append(f.source())
                            .append(" — ")
                            .append(f.kind())
                            .append(": ")
                            .append(f.message())
                            .append('\n'));
        }
        return text.toString().strip();
    }

    private CallToolResult fetch(Arguments args, ToolCall call, Pipeline pipeline) throws Exception {
        String url = args.requiredString("url", "https://example.com/article");
        ContentFormat format = args.optionalChoice("format", ContentFormat.ids())
                .map(ContentFormat::of)
                .orElse(ContentFormat.MARKDOWN);
        int start = args.optionalInt("start_index", 0, Integer.MAX_VALUE).orElse(0);
        int maxLength = args.optionalInt("max_length", 1, 1_000_000).orElse(DEFAULT_PAGE);
        SourceRead read = pipeline.readSource(url, render(args), call);
        Document document = read.document();
        String content = format.content(document);
        Page page = Page.of(content, start, maxLength);
        if (page.isPastEnd()) {
            return error("fetch_url: start_index " + start + " is past the end of the content, which has "
                    + content.length() + " characters; use a start_index below " + content.length() + ".");
        }
        List<String> warnings = Stream.concat(
                        read.warnings().stream(),
                        pipeline.injectionWarnings(document.url().toString(), document).stream())
                .toList();
        StringBuilder text = new StringBuilder();
        warnings.forEach(w -> text.append("Warning: ").append(w).append('\n'));
        text.append("# ").append(document.title()).append('\n');
        text.append("URL: ").append(document.url()).append('\n');
        metadataLine(document.metadata()).ifPresent(line -> text.append(line).append('\n'));
        if (read.render().rendered()) {
            text.append("Rendered in headless Chromium (")
                    .append(renderLine(read.render()))
                    .append(")\n");
        }
        if (page.start() > 0 || page.next().isPresent()) {
            text.append("Characters ")
                    .append(page.start())
                    .append("–")
                    .append(page.end())
                    .append(" of ")
                    .append(content.length())
                    .append('\n');
        }
        text.append('\n').append(page.text());
        page.next()
                .ifPresent(next -> text.append("\n\n<content truncated: ")
                        .append(content.length() - next)
                        .append(" more characters. Call fetch_url with start_index=")
                        .append(next)
                        .append(" to continue.>"));
        PageResult structured =
                PageResult.of(document, format, content, page.start(), page.end(), read.render(), warnings);
        return CallToolResult.builder()
                .addTextContent(text.toString())
                .structuredContent(ResultJson.tree(structured))
                .isError(false)
                .build();
    }

    private static Optional<RenderConfig.Mode> render(Arguments args) throws BadArguments {
        return args.optionalChoice("render", RenderConfig.Mode.labels()).map(RenderConfig.Mode::parse);
    }

    /** {@code app_shell: #root is empty beside 2 scripts}, or {@code render=always}. */
    private static String renderLine(RenderNote note) {
        return note.signal().map(s -> s + ": ").orElse("") + note.reason().orElse("");
    }

    private CallToolResult mapSite(Arguments args, ToolCall call, Pipeline pipeline) throws Exception {
        MapRequest request = new MapRequest(
                args.requiredString("url", "https://example.com/docs/"),
                args.optionalChoice("scope", Scope.Kind.ids())
                        .map(Scope.Kind::of)
                        .orElse(Scope.Kind.DOMAIN),
                args.optionalStrings("include", MAX_GLOBS),
                args.optionalStrings("exclude", MAX_GLOBS),
                args.optionalInt("limit", 1, MAX_MAP_PAGE).orElse(DEFAULT_MAP_PAGE),
                args.optionalString("cursor"));
        SiteMap map = Crawler.of(pipeline).map(request, call);
        StringBuilder text = new StringBuilder();
        text.append(map.total()).append(" URLs found by ").append(map.foundBy());
        if (map.outOfScope() + map.disallowed() > 0) {
            text.append(" (left out: ")
                    .append(map.outOfScope())
                    .append(" out of scope, ")
                    .append(map.disallowed())
                    .append(" disallowed by robots.txt)");
        }
        text.append(".\n");
        map.urls()
                .forEach(e -> text.append(e.url())
                        .append(e.title().map(t -> " — " + t).orElse(""))
                        .append(e.lastModified().map(m -> " (" + m + ")").orElse(""))
                        .append('\n'));
        map.nextCursor()
                .ifPresent(c -> text.append("More: call map_site again with cursor=\"")
                        .append(c)
                        .append("\".\n"));
        map.notes().forEach(n -> text.append("Note: ").append(n).append('\n'));
        return CallToolResult.builder()
                .addTextContent(text.toString().strip())
                .structuredContent(ResultJson.tree(SiteMapResult.of(map)))
                .isError(false)
                .build();
    }

    private CallToolResult crawlSite(Arguments args, ToolCall call, Pipeline pipeline) throws Exception {
        int cap = pipeline.config().crawl().maxPagesCap();
        CrawlRequest request = new CrawlRequest(
                args.requiredString("url", "https://example.com/docs/"),
                args.requiredString("query", "how do I configure the cache?"),
                args.optionalInt("max_pages", 1, cap),
                args.optionalInt("max_depth", 0, 10),
                args.optionalInt("max_seconds", 1, 3_600).stream()
                        .mapToObj(Duration::ofSeconds)
                        .findFirst(),
                args.optionalInt("max_bytes", 1, Integer.MAX_VALUE).stream()
                        .asLongStream()
                        .findFirst(),
                args.optionalChoice("scope", Scope.Kind.ids())
                        .map(Scope.Kind::of)
                        .orElse(Scope.Kind.DOMAIN),
                args.optionalStrings("include", MAX_GLOBS),
                args.optionalStrings("exclude", MAX_GLOBS),
                args.optionalInt("max_length", 10, 5_000),
                Optional.empty(),
                maxLlmCalls(args, pipeline));
        Optional<LlmProvider> clientModel = sampling.provider(call.exchange());
        CrawlReport report;
        try {
            report = Crawler.of(pipeline).crawl(request, call, clientModel);
        } finally {
            clientModel.ifPresent(LlmProvider::close);
        }
        StringBuilder text = report.summary()
                .map(Tools::summaryText)
                .orElseGet(
                        () -> new StringBuilder(
                                "None of the " + report.spent().pagesRead()
                                        + " pages read answers the query. Try another start URL, a larger max_pages or max_depth."));
        text.append("\n\n")
                .append(report.spent().pagesRead())
                .append(" pages read; stopped: ")
                .append(report.stoppedBecause())
                .append('.');
        return CallToolResult.builder()
                .addTextContent(text.toString().strip())
                .structuredContent(ResultJson.tree(CrawlResult.of(report)))
                .isError(false)
                .build();
    }

    private CallToolResult searchWeb(Arguments args, ToolCall call, Pipeline pipeline) throws Exception {
        SearchRequest request = new SearchRequest(
                args.requiredString("query", "when was the diaphone fog signal installed"),
                args.optionalInt("max_results", 1, MAX_SEARCH_RESULTS),
                args.optionalString("language"),
                args.optionalBoolean("summarize", false),
                args.optionalInt("max_length", 10, 5_000),
                args.optionalChoice("mode", MapMode.ids()).map(MapMode::of),
                render(args));
        Optional<LlmProvider> clientModel = request.summarize() ? sampling.provider(call.exchange()) : Optional.empty();
        SearchReport report;
        try {
            report = search.search(pipeline, request, call, clientModel);
        } catch (SearchException e) {
            call.log(LoggingLevel.WARNING, "search_web: " + e.getMessage());
            return error(e.getMessage() + (e.getMessage().endsWith(".") ? "" : "."));
        } finally {
            clientModel.ifPresent(LlmProvider::close);
        }
        StringBuilder text = new StringBuilder();
        report.answer().ifPresent(a -> text.append(summaryText(a)).append("\n\nSearch results:\n"));
        report.answerFailure()
                .ifPresent(f -> text.append("No answer: ").append(f).append("\n\nSearch results:\n"));
        if (report.results().isEmpty()) {
            text.append(report.provider())
                    .append(" found nothing for \"")
                    .append(report.query())
                    .append("\". Try other words.\n");
        }
        for (SearchReport.Result r : report.results()) {
            text.append(r.number()).append(". ").append(r.title()).append('\n');
            text.append("   ").append(r.url()).append('\n');
            if (!r.snippet().isEmpty()) {
                text.append("   ").append(r.snippet()).append('\n');
            }
            r.status()
                    .ifPresent(st -> text.append("   (")
                            .append(st)
                            .append(r.reason().map(why -> ": " + why).orElse(""))
                            .append(")\n"));
        }
        if (!report.warnings().isEmpty()) {
            text.append("\nWarnings:\n");
            report.warnings().forEach(w -> text.append("- ").append(w).append('\n'));
        }
        return CallToolResult.builder()
                .addTextContent(text.toString().strip())
                .structuredContent(ResultJson.tree(SearchResult.of(report)))
                .isError(false)
                .build();
    }

    private static Optional<String> metadataLine(Metadata m) {
        List<String> parts = new ArrayList<>();
        if (!m.authors().isEmpty()) {
            parts.add("By " + String.join(", ", m.authors()));
        }
        m.published().ifPresent(p -> parts.add("Published " + p));
        m.siteName().ifPresent(s -> parts.add("Site " + s));
        m.language().ifPresent(l -> parts.add("Language " + l));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", parts));
    }

    private CallToolResult cacheStats(Arguments args, ToolCall call, Pipeline pipeline) {
        CacheStats stats = pipeline.cacheStats();
        StringBuilder text = new StringBuilder();
        if (!stats.enabled()) {
            text.append("The cache is disabled (cache.enabled=false); nothing is cached.\n");
        }
        text.append(String.format(
                "%-8s %9s %12s %9s %9s %8s%n", "cache", "entries", "bytes", "hits", "misses", "hit rate"));
        stats.namespaces().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    NamespaceStats s = e.getValue();
                    text.append(String.format(
                            "%-8s %9d %12d %9d %9d %7.1f%%%n",
                            e.getKey(), s.entries(), s.bytes(), s.hits(), s.misses(), 100 * s.hitRate()));
                });
        return CallToolResult.builder()
                .addTextContent(text.toString().strip())
                .structuredContent(ResultJson.tree(CacheStatsResult.of(stats)))
                .isError(false)
                .build();
    }

    private CallToolResult clean(Arguments args, Pipeline pipeline, boolean clear) throws BadArguments {
        Optional<String> namespace = args.optionalChoice("namespace", Namespace.wireNames());
        Optional<Namespace> only = namespace.map(Namespace::of);
        long removed = clear ? pipeline.clearCache(only) : pipeline.pruneCache(only);
        String scope = namespace.map(n -> "the " + n + " namespace").orElse("every namespace");
        String text = (clear ? "Cleared " : "Pruned ") + removed + " entr" + (removed == 1 ? "y" : "ies") + " from "
                + scope + ".";
        return CallToolResult.builder()
                .addTextContent(text)
                .structuredContent(ResultJson.tree(new CacheCleanResult(removed, namespace.orElse("all"))))
                .isError(false)
                .build();
    }

    static String pipelineFailure(PipelineException e) {
        String hint = switch (e.kind()) {
            case REFUSED ->
                " mcp-web's safety policy blocked this source (private or local addresses, "
                        + "disallowed schemes, robots.txt, files outside the allowed roots, size limits). "
                        + "Try a public http(s) URL; an operator who trusts the host can add it to "
                        + "fetcher.allowed_hosts.";
            case INVALID -> " Pass an http(s) URL or the path of a file under the allowed roots.";
            case FAILED -> " The source could not be fetched; check the URL, or retry later if the site is down.";
            case UNREADABLE -> " The content could not be extracted; try another format or URL.";
            case BUSY -> " This is a passing overload, not a fault of the source.";
            case SUMMARY, CANCELLED -> "";
        };
        String message = e.getMessage() == null ? e.kind().id() : e.getMessage();
        return message + (message.endsWith(".") ? "" : ".") + hint;
    }

    private static String jsonList(List<String> names) {
        return names.stream().map(n -> '"' + n + '"').collect(Collectors.joining(", ", "[", "]"));
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    /** One page of content: characters {@code start} to {@code end}, cut between surrogate pairs never. */
    record Page(String text, int start, int end, Optional<Integer> next) {
        static Page of(String content, int start, int maxLength) {
            if (start >= content.length() && !(start == 0 && content.isEmpty())) {
                return new Page("", start, start, Optional.empty());
            }
            int end = (int) Math.min(content.length(), (long) start + maxLength);
            if (end < content.length() && end > start && Character.isHighSurrogate(content.charAt(end - 1))) {
                end--;
            }
            Optional<Integer> next = end < content.length() ? Optional.of(end) : Optional.empty();
            return new Page(content.substring(start, end), start, end, next);
        }

        boolean isPastEnd() {
            return end == start && start > 0;
        }
    }

    private static final String SUMMARIZE_SCHEMA =
            """
            {
              "type": "object",
              "properties": {
                "urls": {
                  "type": "array",
                  "items": {"type": "string", "minLength": 1},
                  "minItems": 1,
                  "maxItems": 20,
                  "description": "The pages or documents to summarize together: http(s) URLs, or paths of local files under the allowed roots. One summary covers them all."
                },
                "query": {
                  "type": "string",
                  "description": "Optional question or focus. The summary then answers it from the sources instead of covering everything."
                },
                "mode": {
                  "type": "string",
                  "enum": %s,
                  "description": "Optional. How long inputs are summarized piece by piece: parallel (default, fastest), streaming (progress per piece), sequential (one at a time)."
                },
                "max_length": {
                  "type": "integer",
                  "minimum": 10,
                  "maximum": 5000,
                  "description": "Optional target length of the summary in words (default from the server's configuration, usually 200)."
                },
                "render": {
                  "type": "string",
                  "enum": %s,
                  "description": "Optional. When to read a page in headless Chromium: auto (default: only pages whose HTML is a shell written by JavaScript), always, or never."
                },
                "follow_links": {
                  "type": "integer",
                  "minimum": 0,
                  "maximum": 20,
                  "default": 0,
                  "description": "Optional. Also read and summarize up to this many of the best links out of the given pages' main content (ranked by the query, or by the pages' titles), on any site; they are cited after the given pages."
                },
                "max_llm_calls": {
                  "type": "integer",
                  "minimum": 2,
                  "description": "Optional. LLM calls the summary may make (map, combine and final calls); the server's summarizer.max_llm_calls is the default and the cap. Past it, mapping stops and the summary says what was left out."
                }
              },
              "required": ["urls"],
              "additionalProperties": false
            }
            """.formatted(jsonList(MapMode.ids()), jsonList(RenderConfig.Mode.labels()));

    private static final String FETCH_SCHEMA =
            """
            {
              "type": "object",
              "properties": {
                "url": {
                  "type": "string",
                  "minLength": 1,
                  "description": "The http(s) URL of the page or document, or the path of a local file under the allowed roots."
                },
                "format": {
                  "type": "string",
                  "enum": %s,
                  "default": "markdown",
                  "description": "markdown (default) keeps headings, lists, links and code; text is plain text."
                },
                "start_index": {
                  "type": "integer",
                  "minimum": 0,
                  "default": 0,
                  "description": "Character offset to start from. Use the start_index a previous cut result gave to read on."
                },
                "max_length": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 1000000,
                  "default": 20000,
                  "description": "Most characters to return in this call (default 20000)."
                },
                "render": {
                  "type": "string",
                  "enum": %s,
                  "description": "Optional. When to read a page in headless Chromium: auto (default: only pages whose HTML is a shell written by JavaScript), always, or never."
                }
              },
              "required": ["url"],
              "additionalProperties": false
            }
            """.formatted(jsonList(ContentFormat.ids()), jsonList(RenderConfig.Mode.labels()));

    private static final String SCOPE_PROPERTIES = """
                "scope": {
                  "type": "string",
                  "enum": ["domain", "prefix"],
                  "default": "domain",
                  "description": "domain (default): every host of the URL's registrable domain; prefix: the URL's origin, under its directory."
                },
                "include": {
                  "type": "array",
                  "items": {"type": "string", "minLength": 1},
                  "maxItems": 20,
                  "description": "Optional globs on the path and query; only matching URLs are kept, e.g. [\\"/docs/**\\"]. * stays in one segment, ** crosses them."
                },
                "exclude": {
                  "type": "array",
                  "items": {"type": "string", "minLength": 1},
                  "maxItems": 20,
                  "description": "Optional globs on the path and query; matching URLs are left out, e.g. [\\"/print/**\\"]."
                }""";

    private static final String MAP_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "url": {
                  "type": "string",
                  "minLength": 1,
                  "description": "The http(s) URL where the site or section starts."
                },
            %s,
                "limit": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 5000,
                  "default": 200,
                  "description": "Most URLs in this page of the answer (default 200)."
                },
                "cursor": {
                  "type": "string",
                  "description": "The next_cursor of the previous page, to continue."
                }
              },
              "required": ["url"],
              "additionalProperties": false
            }
            """.formatted(SCOPE_PROPERTIES);

    private static final String CRAWL_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "url": {
                  "type": "string",
                  "minLength": 1,
                  "description": "The http(s) URL the crawl starts from: a site's home or a section's index."
                },
                "query": {
                  "type": "string",
                  "minLength": 1,
                  "description": "The question the pages should answer; links are followed by how well their text matches it."
                },
                "max_pages": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 200,
                  "description": "Pages to read (default 20; the server's cap, at most 200, applies)."
                },
                "max_depth": {
                  "type": "integer",
                  "minimum": 0,
                  "maximum": 10,
                  "description": "Links to follow from url (default 3)."
                },
                "max_seconds": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 3600,
                  "description": "Wall time for reading, in seconds (default and cap from the server, usually 60)."
                },
                "max_bytes": {
                  "type": "integer",
                  "minimum": 1,
                  "description": "Response bytes to read (default and cap from the server, usually 20 MB)."
                },
            %s,
                "max_length": {
                  "type": "integer",
                  "minimum": 10,
                  "maximum": 5000,
                  "description": "Optional target length of the summary in words (default from the server's configuration, usually 200)."
                },
                "max_llm_calls": {
                  "type": "integer",
                  "minimum": 2,
                  "description": "Optional. LLM calls the summary may make (map, combine and final calls); the server's summarizer.max_llm_calls is the default and the cap. Past it, mapping stops and the summary says what was left out."
                }
              },
              "required": ["url", "query"],
              "additionalProperties": false
            }
            """.formatted(SCOPE_PROPERTIES);

    private static final String SEARCH_SCHEMA =
            """
            {
              "type": "object",
              "properties": {
                "query": {
                  "type": "string",
                  "minLength": 1,
                  "description": "What to search the web for: a question or keywords."
                },
                "max_results": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 20,
                  "description": "Results to return, and to read with summarize (default from the server's configuration, usually 5)."
                },
                "language": {
                  "type": "string",
                  "description": "Optional language code of the results, e.g. en or de (SearXNG and Brave; Tavily ignores it)."
                },
                "summarize": {
                  "type": "boolean",
                  "default": false,
                  "description": "Also read the results and answer the query from them in Markdown, citing them as [n]."
                },
                "mode": {
                  "type": "string",
                  "enum": %s,
                  "description": "Optional, with summarize. How long inputs are summarized piece by piece: parallel (default), streaming or sequential."
                },
                "max_length": {
                  "type": "integer",
                  "minimum": 10,
                  "maximum": 5000,
                  "description": "Optional, with summarize: target length of the answer in words (default from the server's configuration, usually 200)."
                },
                "render": {
                  "type": "string",
                  "enum": %s,
                  "description": "Optional, with summarize. When to read a page in headless Chromium: auto (default: only pages whose HTML is a shell written by JavaScript), always, or never."
                }
              },
              "required": ["query"],
              "additionalProperties": false
            }
            """.formatted(jsonList(MapMode.ids()), jsonList(RenderConfig.Mode.labels()));

    private static final String NAMESPACE_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "namespace": {
                  "type": "string",
                  "enum": %s,
                  "description": "Optional: only this part of the cache (fetched responses, extracted documents, chunk summaries, final summaries, robots.txt). All when omitted."
                }
              },
              "additionalProperties": false
            }
            """.formatted(jsonList(Namespace.wireNames()));

    private static final String NO_ARGUMENTS_SCHEMA = """
            {"type": "object", "properties": {}, "additionalProperties": false}
            """;
}
