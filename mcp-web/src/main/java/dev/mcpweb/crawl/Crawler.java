package dev.mcpweb.crawl;

import dev.mcpweb.config.CrawlConfig;
import dev.mcpweb.document.Document;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.fetch.SiteRules;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.pipeline.FailureKind;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a site rather than a page: {@link #map} lists a site's URLs from its sitemaps (or, when it has
 * none, from its links to a bounded depth), and {@link #crawl} reads the pages most likely to answer a
 * query, best first, then summarizes those that do with citations. Every request goes through the
 * pipeline's guarded fetcher (URL guard, robots.txt, size and per-host limits); robots.txt's
 * {@code Crawl-delay} spaces requests to a host; pages, depth, bytes and wall time are bounded per call
 * under the {@code crawl.*} caps. Candidate links are ranked by BM25 of the query against their anchor
 * text, the text around them and their target's title when known before reading it, in the extractive
 * summarizer's terms. Interrupting the calling thread
 * stops a crawl at once. Between reading and summarizing, a {@link SourceFilter} picks the sources.
 */
public final class Crawler {
    private final Pipeline pipeline;
    private final CrawlConfig config;
    private final SourceFilter filter;
    private final boolean bestFirst;

    private Crawler(Pipeline pipeline, SourceFilter filter, boolean bestFirst) {
        this.pipeline = pipeline;
        this.config = pipeline.config().crawl();
        this.filter = filter;
        this.bestFirst = bestFirst;
    }

    /** A crawler over {@code pipeline} that summarizes every answering page it reads. */
    public static Crawler of(Pipeline pipeline) {
        return new Crawler(pipeline, SourceFilter.ALL, true);
    }

    /** A crawler whose summaries are made from the pages {@code filter} keeps (near-duplicate removal). */
    public static Crawler of(Pipeline pipeline, SourceFilter filter) {
        return new Crawler(pipeline, filter, true);
    }

    /** Breadth first, links in page order, scores ignored: the baseline best-first is measured against. */
    static Crawler breadthFirst(Pipeline pipeline) {
        return new Crawler(pipeline, SourceFilter.ALL, false);
    }

    // ---------------------------------------------------------------- map

    /** One page of the URLs of the site at {@code request.url()} within its scope. */
    public SiteMap map(MapRequest request, SummaryListener listener) throws PipelineException {
        URI start = startUrl(request.url());
        Scope scope = new Scope(request.scope(), start, request.include(), request.exclude());
        Budget budget = new Budget(config.maxBytes(), config.maxTime());
        Fetcher fetcher = pipeline.fetcher();
        SiteRules rules = Politeness.rulesOf(fetcher, start);
        Map<URI, SiteMap.Entry> found = new LinkedHashMap<>();
        Set<URI> outOfScope = new HashSet<>();
        Set<URI> disallowed = new HashSet<>();
        List<String> notes = new ArrayList<>();
        String origin = start.getScheme() + "://" + start.getRawAuthority();
        List<String> roots = rules.sitemaps().isEmpty() ? List.of(origin + "/sitemap.xml") : rules.sitemaps();
        try {
            new Sitemaps(fetcher, config.mapMaxSitemaps())
                    .read(
                            roots,
                            budget,
                            url -> {
                                Optional<URI> u = Urls.normalize(url.getUrl().toString());
                                if (u.isEmpty() || found.size() >= config.mapMaxUrls()) {
                                    return;
                                }
                                if (!scope.contains(u.get())) {
                                    outOfScope.add(u.get());
                                } else if (!rules.allows().test(u.get().toString())) {
                                    disallowed.add(u.get());
                                } else {
                                    Optional<Instant> modified = Optional.ofNullable(url.getLastModified())
                                            .map(d -> d.toInstant());
                                    found.putIfAbsent(
                                            u.get(), new SiteMap.Entry(u.get().toString(), Optional.empty(), modified));
                                }
                            },
                            notes::add);
            String foundBy = "sitemap";
            int[] pagesRead = {0};
            if (found.isEmpty()) {
                foundBy = "links";
                discover(start, scope, rules, budget, found, outOfScope, disallowed, notes, pagesRead, listener);
            }
            if (found.size() >= config.mapMaxUrls()) {
                notes.add("stopped at crawl.map_max_urls (" + config.mapMaxUrls() + ") URLs");
            }
            List<SiteMap.Entry> all = List.copyOf(found.values());
            int from = cursor(request.cursor(), all.size());
            int to = Math.min(all.size(), from + request.limit());
            return new SiteMap(
                    all.subList(from, to),
                    all.size(),
                    to < all.size() ? Optional.of(String.valueOf(to)) : Optional.empty(),
                    foundBy,
                    outOfScope.size(),
                    disallowed.size(),
                    pagesRead[0],
                    budget.bytes(),
                    notes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException(FailureKind.CANCELLED, "the site map was cancelled", e);
        }
    }

    /** Breadth-first link discovery from {@code start} to {@code crawl.map_depth}, one page at a time. */
    private void discover(
            URI start,
            Scope scope,
            SiteRules rules,
            Budget budget,
            Map<URI, SiteMap.Entry> found,
            Set<URI> outOfScope,
            Set<URI> disallowed,
            List<String> notes,
            int[] pagesRead,
            SummaryListener listener)
            throws InterruptedException {
        Politeness politeness = new Politeness();
        Deque<URI> level = new ArrayDeque<>(List.of(start));
        Map<URI, Integer> depth = new HashMap<>(Map.of(start, 0));
        found.put(start, new SiteMap.Entry(start.toString(), Optional.empty(), Optional.empty()));
        while (!level.isEmpty() && found.size() < config.mapMaxUrls()) {
            if (pagesRead[0] >= config.mapMaxPages() || budget.bytesSpent() || budget.timeSpent()) {
                notes.add(level.size() + " page(s) found but not read for links: "
                        + (pagesRead[0] >= config.mapMaxPages()
                                ? "crawl.map_max_pages (" + config.mapMaxPages() + ") reached"
                                : budget.timeSpent() ? "crawl.max_time spent" : "crawl.max_bytes spent"));
                return;
            }
            URI page = level.poll();
            Optional<Politeness.Turn> turn =
                    politeness.await(Politeness.hostOf(page), Politeness.delayOf(rules), budget.deadlineNanos());
            if (turn.isEmpty()) { // the host's Crawl-delay would let the next page start only after max_time
                notes.add(level.size() + 1 + " page(s) found but not read for links: crawl.max_time spent");
                return;
            }
            pagesRead[0]++;
            listener.onProgress("map", pagesRead[0], config.mapMaxPages());
            Optional<Document> read;
            try (Politeness.Turn held = turn.get()) {
                read = readForLinks(page, budget);
            }
            if (read.isEmpty()) {
                continue;
            }
            Document doc = read.get();
            found.put(page, new SiteMap.Entry(page.toString(), Optional.of(doc.title()), Optional.empty()));
            for (Document.Link link : doc.pageLinks()) {
                Optional<URI> u = Urls.normalize(link.url().toString());
                if (u.isEmpty() || found.containsKey(u.get())) {
                    continue;
                }
                if (!scope.contains(u.get())) {
                    outOfScope.add(u.get());
                } else if (!rules.allows().test(u.get().toString())) {
                    disallowed.add(u.get());
                } else if (found.size() < config.mapMaxUrls()) {
                    found.put(u.get(), new SiteMap.Entry(u.get().toString(), Optional.empty(), Optional.empty()));
                    int d = depth.get(page) + 1;
                    if (d <= config.mapDepth()) {
                        depth.put(u.get(), d);
                        level.add(u.get());
                    }
                }
            }
        }
    }

    private Optional<Document> readForLinks(URI page, Budget budget) {
        FetchOutcome outcome = pipeline.fetcher().fetch(page.toString());
        if (!(outcome instanceof FetchOutcome.Fetched fetched)) {
            return Optional.empty();
        }
        budget.spend(fetched.result().body().length);
        try {
            return Optional.of(pipeline.extract(fetched.result()));
        } catch (PipelineException e) {
            return Optional.empty();
        }
    }

    private static int cursor(Optional<String> cursor, int size) throws PipelineException {
        if (cursor.isEmpty()) {
            return 0;
        }
        try {
            int from = Integer.parseInt(cursor.get());
            if (from >= 0 && from <= size) {
                return from;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PipelineException(
                FailureKind.INVALID,
                "cursor '" + cursor.get()
                        + "' is not one this site map gave; pass the next_cursor of the previous page");
    }

    // ---------------------------------------------------------------- crawl

    /**
     * Reads up to {@code max_pages} pages from {@code request.url()}, best first, and summarizes those that
     * answer the query; progress ({@code crawl}, pages read of the budget) goes to {@code listener}.
     */
    public CrawlReport crawl(CrawlRequest request, SummaryListener listener, Optional<LlmProvider> clientModel)
            throws PipelineException {
        if (request.query().isBlank()) {
            throw new PipelineException(
                    FailureKind.INVALID, "a crawl needs a query: the question its pages should answer");
        }
        URI start = startUrl(request.url());
        int maxPages = Math.min(request.maxPages().orElse(config.maxPages()), config.maxPagesCap());
        int maxDepth = request.maxDepth().orElse(config.maxDepth());
        Duration maxTime =
                request.maxTime().filter(t -> t.compareTo(config.maxTime()) < 0).orElse(config.maxTime());
        long maxBytes = Math.min(request.maxBytes().orElse(config.maxBytes()), config.maxBytes());
        Scope scope = new Scope(request.scope(), start, request.include(), request.exclude());
        Budget budget = new Budget(maxBytes, maxTime);
        BestFirstCrawl.Outcome read;
        try {
            read = new BestFirstCrawl(
                            pipeline,
                            request.query(),
                            BestFirstCrawl.Links.PAGE,
                            scope,
                            budget,
                            maxPages,
                            maxDepth,
                            config.maxConcurrent(),
                            bestFirst)
                    .from(start)
                    .run(listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException(FailureKind.CANCELLED, "the crawl was cancelled", e);
        }
        return summarized(request, read, listener, clientModel);
    }

    /** Ranks the pages read against the query, keeps those that answer it, and summarizes them. */
    private CrawlReport summarized(
            CrawlRequest request,
            BestFirstCrawl.Outcome read,
            SummaryListener listener,
            Optional<LlmProvider> clientModel)
            throws PipelineException {
        Map<URI, Document> pages = read.pages();
        Map<URI, Visit> visits = read.visits();
        Optional<String> language =
                pages.values().stream().findFirst().flatMap(d -> d.metadata().language());
        Bm25 answers = new Bm25(request.query(), language);
        Map<URI, Bm25.Text> texts = new HashMap<>();
        pages.forEach((url, d) -> texts.put(url, answers.add(d.title() + "\n" + d.text())));
        Map<URI, Double> score = new HashMap<>();
        texts.forEach((url, text) -> score.put(url, answers.score(text)));
        List<URI> answering = pages.keySet().stream()
                .filter(url -> score.get(url) > 0)
                .sorted(Comparator.comparingDouble(url -> -score.get(url)))
                .limit(config.maxSources())
                .toList();
        List<Document> sources = filter.keep(answering.stream().map(pages::get).toList());
        Set<Document> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        kept.addAll(sources);
        pages.forEach((url, d) -> visits.computeIfPresent(
                url,
                (u, v) -> new Visit(
                        v.url(),
                        v.depth(),
                        kept.contains(d) ? Visit.Status.SUMMARIZED : v.status(),
                        v.reason(),
                        v.title(),
                        v.order(),
                        v.bytes(),
                        v.linkScore(),
                        score.get(url))));
        Optional<Summary> summary = Optional.empty();
        if (!sources.isEmpty()) {
            summary = Optional.of(pipeline.summarize(
                    sources,
                    Optional.of(request.query()),
                    request.maxLengthWords(),
                    request.mode(),
                    request.maxLlmCalls(),
                    listener,
                    clientModel));
        }
        summary.ifPresent(s -> s.duplicates()
                .forEach(copy -> visits.replaceAll((url, v) -> v.url().equals(copy.url())
                        ? new Visit(
                                v.url(),
                                v.depth(),
                                Visit.Status.DUPLICATE,
                                Optional.of(copy.status()),
                                v.title(),
                                v.order(),
                                v.bytes(),
                                v.linkScore(),
                                v.answerScore())
                        : v)));
        return new CrawlReport(summary, List.copyOf(visits.values()), read.spent(), read.stopped());
    }

    // ---------------------------------------------------------------- shared

    private static URI startUrl(String url) throws PipelineException {
        return Urls.normalize(url.strip())
                .orElseThrow(() -> new PipelineException(
                        FailureKind.INVALID,
                        "'" + url + "' is not an http(s) URL; a site map or crawl starts from one"));
    }
}
