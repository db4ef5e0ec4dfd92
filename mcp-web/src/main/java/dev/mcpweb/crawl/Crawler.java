package dev.mcpweb.crawl;

import dev.mcpweb.config.CrawlConfig;
import dev.mcpweb.document.Document;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.fetch.SiteRules;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.pipeline.FailureKind;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import java.io.IOException;
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
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads a site rather than a page: {@link #map} lists a site's URLs from its sitemaps (or, when it has
 * none, from its links to a bounded depth), and {@link #crawl} reads the pages most likely to answer a
 * query, best first, then summarizes those that do with citations. Every request goes through the
 * pipeline's guarded fetcher (URL guard, robots.txt, size and per-host limits); robots.txt's
 * {@code Crawl-delay} spaces requests to a host; pages, depth, bytes and wall time are bounded per call
 * under the {@code crawl.*} caps. Candidate links are ranked by BM25 of the query against their anchor
 * text and the text around them, in the extractive summarizer's terms. Interrupting the calling thread
 * stops a crawl at once. Between reading and summarizing, a {@link SourceFilter} picks the sources.
 */
public final class Crawler {
    /** The most out-of-scope URLs a report lists one by one; the rest are only counted. */
    private static final int LISTED_OUT_OF_SCOPE = 50;

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
        SiteRules rules = rules(fetcher, start);
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
            Optional<Politeness.Turn> turn = politeness.await(hostKey(page), delay(rules), budget.deadlineNanos());
            if (turn.isEmpty()) {
                continue;
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

    /** A page waiting to be read: where it was linked from, how deep, and the text that scores it. */
    private static final class Candidate {
        final URI url;
        final int depth;
        final int order;
        final Bm25.Text text;
        double score;

        Candidate(URI url, int depth, int order, Bm25.Text text) {
            this.url = url;
            this.depth = depth;
            this.order = order;
            this.text = text;
        }
    }

    /** What a worker brings back for one candidate. */
    private record Read(
            Candidate candidate,
            Visit.Status status,
            Optional<String> reason,
            Optional<Document> document,
            long bytes,
            Optional<URI> finalUrl) {}

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
        Fetcher fetcher = pipeline.fetcher();
        Politeness politeness = new Politeness();
        Map<String, SiteRules> rulesByHost = new HashMap<>();

        Bm25 links = new Bm25(request.query(), Optional.empty());
        List<Candidate> frontier = new ArrayList<>();
        Set<URI> seen = new HashSet<>(List.of(start));
        Map<URI, Visit> visits = new LinkedHashMap<>();
        Map<URI, Document> pages = new LinkedHashMap<>();
        int outOfScopeListed = 0;
        int[] order = {0};
        frontier.add(new Candidate(start, 0, order[0]++, links.add(request.query())));
        int started = 0;
        int inFlight = 0;
        int deepest = 0;
        int fetched = 0;
        String stopped = "no more links in scope";
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            ExecutorCompletionService<Read> done = new ExecutorCompletionService<>(threads);
            List<Future<Read>> running = new ArrayList<>();
            try {
                while (true) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("crawl cancelled");
                    }
                    while (inFlight < config.maxConcurrent()
                            && !frontier.isEmpty()
                            && started < maxPages
                            && !budget.bytesSpent()
                            && !budget.timeSpent()) {
                        Candidate next = pick(frontier, links);
                        SiteRules rules = rulesByHost.computeIfAbsent(hostKey(next.url), h -> rules(fetcher, next.url));
                        if (!rules.allows().test(next.url.toString())) {
                            visits.put(
                                    next.url,
                                    visit(
                                            next,
                                            Visit.Status.REFUSED_BY_ROBOTS,
                                            Optional.of("robots.txt disallows it for our user agent"),
                                            0,
                                            0));
                            continue;
                        }
                        started++;
                        inFlight++;
                        Duration delay = delay(rules);
                        running.add(done.submit(() -> read(next, politeness, delay, budget)));
                    }
                    if (inFlight == 0) {
                        if (started >= maxPages) {
                            stopped = "max_pages (" + maxPages + ") read";
                        } else if (budget.bytesSpent()) {
                            stopped = "max_bytes (" + maxBytes + ") spent";
                        } else if (budget.timeSpent()) {
                            stopped = "max_time (" + maxTime.toMillis() + " ms) spent";
                        }
                        break;
                    }
                    Future<Read> finished = done.poll(budget.nanosLeft(), TimeUnit.NANOSECONDS);
                    if (finished == null) { // out of time: what is still running is given up
                        running.forEach(f -> f.cancel(true));
                        stopped = "max_time (" + maxTime.toMillis() + " ms) spent";
                        break;
                    }
                    inFlight--;
                    Read read = finished.resultNow();
                    fetched++;
                    budget.spend(read.bytes());
                    read.finalUrl().ifPresent(seen::add);
                    Candidate c = read.candidate();
                    if (read.document().isEmpty()) {
                        visits.put(c.url, visit(c, read.status(), read.reason(), fetched, read.bytes()));
                        listener.onProgress("crawl", started - inFlight, maxPages);
                        continue;
                    }
                    Document doc = read.document().get();
                    pages.put(c.url, doc);
                    visits.put(
                            c.url,
                            new Visit(
                                    c.url.toString(),
                                    c.depth,
                                    Visit.Status.READ,
                                    Optional.empty(),
                                    Optional.of(doc.title()),
                                    fetched,
                                    read.bytes(),
                                    c.score,
                                    0));
                    deepest = Math.max(deepest, c.depth);
                    listener.onProgress("crawl", started - inFlight, maxPages);
                    if (c.depth >= maxDepth) {
                        continue;
                    }
                    Map<URI, String> around = LinkContext.of(doc);
                    for (Document.Link link : doc.pageLinks()) {
                        Optional<URI> u = Urls.normalize(link.url().toString());
                        if (u.isEmpty() || !seen.add(u.get())) {
                            continue;
                        }
                        if (!scope.contains(u.get())) {
                            if (outOfScopeListed++ < LISTED_OUT_OF_SCOPE) {
                                visits.put(
                                        u.get(),
                                        new Visit(
                                                u.get().toString(),
                                                c.depth + 1,
                                                Visit.Status.OUT_OF_SCOPE,
                                                Optional.of("outside the crawl's "
                                                        + scope.kind().name().toLowerCase(java.util.Locale.ROOT)
                                                        + " scope"),
                                                Optional.empty(),
                                                0,
                                                0,
                                                0,
                                                0));
                            }
                            continue;
                        }
                        String text = link.text() + "\n" + around.getOrDefault(u.get(), "");
                        frontier.add(new Candidate(u.get(), c.depth + 1, order[0]++, links.add(text)));
                    }
                }
            } catch (InterruptedException e) {
                threads.shutdownNow(); // else closing the executor would wait for the pages in flight
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException(FailureKind.CANCELLED, "the crawl was cancelled", e);
        }
        return summarized(
                request,
                pages,
                visits,
                budget,
                new CrawlReport.Spent(
                        started, maxPages, deepest, maxDepth, budget.bytes(), maxBytes, budget.elapsed(), maxTime),
                stopped,
                listener,
                clientModel);
    }

    /** Takes the best candidate off the frontier: highest score, then shallowest, then first found. */
    private Candidate pick(List<Candidate> frontier, Bm25 links) {
        Comparator<Candidate> byDepth =
                Comparator.<Candidate>comparingInt(c -> c.depth).thenComparingInt(c -> c.order);
        Comparator<Candidate> best =
                bestFirst ? Comparator.<Candidate>comparingDouble(c -> -c.score).thenComparing(byDepth) : byDepth;
        if (bestFirst) {
            frontier.forEach(c -> c.score = links.score(c.text)); // document frequencies grow as links are found
        }
        Candidate next = frontier.stream().min(best).orElseThrow();
        frontier.remove(next);
        return next;
    }

    /** Fetches and extracts one page on a worker, after its host's Crawl-delay. */
    private Read read(Candidate c, Politeness politeness, Duration delay, Budget budget) throws InterruptedException {
        Optional<Politeness.Turn> turn = politeness.await(hostKey(c.url), delay, budget.deadlineNanos());
        if (turn.isEmpty()) {
            return new Read(
                    c,
                    Visit.Status.FAILED,
                    Optional.of("not fetched: the host's Crawl-delay would pass max_time"),
                    Optional.empty(),
                    0,
                    Optional.empty());
        }
        FetchOutcome outcome;
        try (Politeness.Turn held = turn.get()) {
            outcome = pipeline.fetcher().fetch(c.url.toString());
        }
        return switch (outcome) {
            case FetchOutcome.Fetched f -> {
                FetchResult result = f.result();
                Optional<URI> finalUrl = Urls.normalize(result.finalUri().toString());
                try {
                    yield new Read(
                            c,
                            Visit.Status.READ,
                            Optional.empty(),
                            Optional.of(pipeline.extract(result)),
                            result.body().length,
                            finalUrl);
                } catch (PipelineException e) {
                    yield new Read(
                            c,
                            Visit.Status.FAILED,
                            Optional.of(e.getMessage()),
                            Optional.empty(),
                            result.body().length,
                            finalUrl);
                }
            }
            case FetchOutcome.Refused r ->
                new Read(
                        c,
                        r.rule().equals("robots") ? Visit.Status.REFUSED_BY_ROBOTS : Visit.Status.FAILED,
                        Optional.of(r.message()),
                        Optional.empty(),
                        0,
                        Optional.empty());
            case FetchOutcome.Failed f ->
                new Read(c, Visit.Status.FAILED, Optional.of(f.message()), Optional.empty(), 0, Optional.empty());
        };
    }

    /** Ranks the pages read against the query, keeps those that answer it, and summarizes them. */
    private CrawlReport summarized(
            CrawlRequest request,
            Map<URI, Document> pages,
            Map<URI, Visit> visits,
            Budget budget,
            CrawlReport.Spent spent,
            String stopped,
            SummaryListener listener,
            Optional<LlmProvider> clientModel)
            throws PipelineException {
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
                    listener,
                    clientModel));
        }
        return new CrawlReport(summary, List.copyOf(visits.values()), spent, stopped);
    }

    // ---------------------------------------------------------------- shared

    private static Visit visit(Candidate c, Visit.Status status, Optional<String> reason, int order, long bytes) {
        return new Visit(c.url.toString(), c.depth, status, reason, Optional.empty(), order, bytes, c.score, 0);
    }

    private static URI startUrl(String url) throws PipelineException {
        return Urls.normalize(url.strip())
                .orElseThrow(() -> new PipelineException(
                        FailureKind.INVALID,
                        "'" + url + "' is not an http(s) URL; a site map or crawl starts from one"));
    }

    private static SiteRules rules(Fetcher fetcher, URI url) {
        try {
            return fetcher.siteRules(url);
        } catch (IOException e) {
            // robots.txt unreachable: each fetch meets the same error and reports it for its page
            return SiteRules.NONE;
        }
    }

    private static Duration delay(SiteRules rules) {
        return rules.crawlDelay().orElse(Duration.ZERO);
    }

    private static String hostKey(URI url) {
        return url.getHost() + ":" + url.getPort();
    }
}
