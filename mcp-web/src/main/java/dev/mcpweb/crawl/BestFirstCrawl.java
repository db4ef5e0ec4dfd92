package dev.mcpweb.crawl;

import dev.mcpweb.document.Document;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.fetch.SiteRules;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.summarize.SummaryListener;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reading half of one crawl: a frontier of candidate links, the best of which (BM25 of the query
 * against its anchor text, the text around it and its target's title when one is known before the page is
 * read: the link's {@code title} attribute, the title of the page kept in the cache, or of a page the crawl
 * read under another URL; rescored as document frequencies grow; breadth first when asked) is fetched next on
 * one of {@code maxConcurrent} workers, after robots.txt allows it and its host's Crawl-delay has passed,
 * until a budget is spent or no link in scope is left. Used once, from the calling thread; interrupting
 * that thread stops the workers at once.
 */
final class BestFirstCrawl {
    /** The most out-of-scope URLs a report lists one by one; the rest are only counted. */
    private static final int LISTED_OUT_OF_SCOPE = 50;

    /** What the reading came to: the pages read, every URL met, the budgets spent, and why it stopped. */
    record Outcome(Map<URI, Document> pages, Map<URI, Visit> visits, CrawlReport.Spent spent, String stopped) {}

    /**
     * A page waiting to be read: where it was linked from, how deep, and the text that scores it: the
     * anchor and surrounding text, and the target's title once one is known.
     */
    private static final class Candidate {
        final URI url;
        final int depth;
        final int order;
        final String around;
        Optional<String> title;
        Bm25.Text text;
        double score;

        Candidate(URI url, int depth, int order, String around, Optional<String> title, Bm25.Text text) {
            this.url = url;
            this.depth = depth;
            this.order = order;
            this.around = around;
            this.title = title;
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

    /** Which links of a page read become candidates. */
    enum Links {
        /** Every link on the page, navigation too: a crawl finds a site's sections through them. */
        PAGE,
        /** Only the links of the main content, and only those that share a term with the query. */
        CONTENT
    }

    private final Pipeline pipeline;
    private final String query;
    private final Links follow;
    private final Scope scope;
    private final Budget budget;
    private final int maxPages;
    private final int maxDepth;
    private final int maxConcurrent;
    private final boolean bestFirst;
    private final Politeness politeness = new Politeness();
    private final Map<String, SiteRules> rulesByHost = new HashMap<>();
    private final Bm25 links;
    private final List<Candidate> frontier = new ArrayList<>();
    private final Map<URI, Candidate> waiting = new HashMap<>();
    /** Titles of pages not read yet: from links' title attributes, and of pages read under another URL. */
    private final Map<URI, String> titles = new HashMap<>();

    private final Set<URI> seen = new HashSet<>();
    private final Map<URI, Visit> visits = new LinkedHashMap<>();
    private final Map<URI, Document> pages = new LinkedHashMap<>();
    private int order;
    private int started;
    private int deepest;
    private int outOfScopeListed;
    private String stopped = "no more links in scope";
    /** Pages started but not fetched, because the host's Crawl-delay would have let them start only after max_time. */
    private final AtomicInteger delayedPastTime = new AtomicInteger();

    BestFirstCrawl(
            Pipeline pipeline,
            String query,
            Links follow,
            Scope scope,
            Budget budget,
            int maxPages,
            int maxDepth,
            int maxConcurrent,
            boolean bestFirst) {
        this.pipeline = pipeline;
        this.query = query;
        this.follow = follow;
        this.scope = scope;
        this.budget = budget;
        this.maxPages = maxPages;
        this.maxDepth = maxDepth;
        this.maxConcurrent = maxConcurrent;
        this.bestFirst = bestFirst;
        this.links = new Bm25(query, Optional.empty());
    }

    /** Starts the crawl at {@code start}: the first page read. */
    BestFirstCrawl from(URI start) {
        seen.add(start);
        frontier.add(new Candidate(start, 0, order++, query, Optional.empty(), links.add(query)));
        return this;
    }

    /** Starts the crawl from pages the caller has read: their links are the first candidates, theirs are not read again. */
    BestFirstCrawl around(List<Document> read) {
        read.forEach(d -> Urls.normalize(d.url().toString()).ifPresent(seen::add));
        read.forEach(d -> candidatesFrom(d, 0));
        return this;
    }

    /** Reads until a budget is spent or no link is left; progress ({@code crawl}, pages of max) to {@code listener}. */
    Outcome run(SummaryListener listener) throws InterruptedException {
        int inFlight = 0;
        int fetched = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            ExecutorCompletionService<Read> done = new ExecutorCompletionService<>(threads);
            List<Future<Read>> running = new ArrayList<>();
            try {
                while (true) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("crawl cancelled");
                    }
                    while (inFlight < maxConcurrent
                            && !frontier.isEmpty()
                            && started < maxPages
                            && !budget.bytesSpent()
                            && !budget.timeSpent()
                            && delayedPastTime.get() == 0) {
                        Candidate next = pick();
                        SiteRules rules = rulesByHost.computeIfAbsent(
                                Politeness.hostOf(next.url), h -> Politeness.rulesOf(pipeline.fetcher(), next.url));
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
                        Duration delay = Politeness.delayOf(rules);
                        running.add(done.submit(() -> read(next, delay)));
                    }
                    if (inFlight == 0) {
                        if (started >= maxPages) {
                            stopped = "max_pages (" + maxPages + ") read";
                        } else if (budget.bytesSpent()) {
                            stopped = "max_bytes (" + budget.maxBytes() + ") spent";
                        } else if (budget.timeSpent() || delayedPastTime.get() > 0) {
                            stopped = "max_time (" + budget.maxTime().toMillis() + " ms) spent";
                        }
                        break;
                    }
                    Future<Read> finished = done.poll(budget.nanosLeft(), TimeUnit.NANOSECONDS);
                    if (finished == null) { // out of time: what is still running is given up
                        running.forEach(f -> f.cancel(true));
                        stopped = "max_time (" + budget.maxTime().toMillis() + " ms) spent";
                        break;
                    }
                    inFlight--;
                    Read read = finished.resultNow();
                    fetched++;
                    budget.spend(read.bytes());
                    Candidate c = read.candidate();
                    read.finalUrl().filter(u -> !u.equals(c.url)).ifPresent(u -> redirectedTo(u, c));
                    read.document()
                            .flatMap(d -> d.metadata().title())
                            .ifPresent(title -> read.finalUrl()
                                    .ifPresent(u -> learnTitle(u, title))); // a page redirected to, still to be read
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
                    candidatesFrom(doc, c.depth);
                }
            } catch (InterruptedException e) {
                threads.shutdownNow(); // else closing the executor would wait for the pages in flight
                throw e;
            }
        }
        return new Outcome(
                pages,
                visits,
                new CrawlReport.Spent(
                        started - delayedPastTime.get(),
                        maxPages,
                        deepest,
                        maxDepth,
                        budget.bytes(),
                        budget.maxBytes(),
                        budget.elapsed(),
                        budget.maxTime()),
                stopped);
    }

    /** The links of {@code doc} (read at {@code depth}) not met before, as candidates or as out-of-scope visits. */
    private void candidatesFrom(Document doc, int depth) {
        Map<URI, String> around = LinkContext.of(doc);
        for (Document.Link link : follow == Links.PAGE ? doc.pageLinks() : doc.contentLinks()) {
            Optional<URI> u = Urls.normalize(link.url().toString());
            if (u.isEmpty()) {
                continue;
            }
            link.title().ifPresent(title -> learnTitle(u.get(), title));
            if (!seen.add(u.get())) {
                continue;
            }
            if (!scope.contains(u.get())) {
                if (outOfScopeListed++ < LISTED_OUT_OF_SCOPE) {
                    visits.put(
                            u.get(),
                            new Visit(
                                    u.get().toString(),
                                    depth + 1,
                                    Visit.Status.OUT_OF_SCOPE,
                                    Optional.of("outside the crawl's "
                                            + scope.kind().name().toLowerCase(Locale.ROOT)
                                            + " scope"),
                                    Optional.empty(),
                                    0,
                                    0,
                                    0,
                                    0));
                }
                continue;
            }
            String words = link.text() + "\n" + around.getOrDefault(u.get(), "");
            Optional<String> title = Optional.ofNullable(titles.get(u.get()))
                    .or(() -> pipeline.cached(u.get()).flatMap(d -> d.metadata().title()));
            Bm25.Text text = links.add(title.map(t -> words + "\n" + t).orElse(words));
            if (follow == Links.CONTENT && text.frequencies().isEmpty()) {
                continue; // shares no word with the query: not worth a request
            }
            Candidate c = new Candidate(u.get(), depth + 1, order++, words, title, text);
            frontier.add(c);
            waiting.put(c.url, c);
        }
    }

    /**
     * Notes that {@code from} was redirected to {@code url}: that page has been read now, so a link to it
     * still waiting is not fetched again but listed as read under {@code from}.
     */
    private void redirectedTo(URI url, Candidate from) {
        seen.add(url);
        Candidate waitingFor = waiting.remove(url);
        if (waitingFor == null) {
            return;
        }
        frontier.remove(waitingFor);
        visits.put(
                url,
                visit(
                        waitingFor,
                        Visit.Status.DUPLICATE,
                        Optional.of("not fetched again: " + from.url + " redirected to it, and was read"),
                        0,
                        0));
    }

    /** Remembers {@code title} for {@code url}; a candidate waiting for that page without one is scored by it too. */
    private void learnTitle(URI url, String title) {
        if (title.isBlank() || titles.putIfAbsent(url, title) != null) {
            return;
        }
        Candidate c = waiting.get(url);
        if (c != null && c.title.isEmpty()) {
            c.title = Optional.of(title);
            c.text = links.replace(c.text, c.around + "\n" + title);
        }
    }

    /** Takes the best candidate off the frontier: highest score, then shallowest, then first found. */
    private Candidate pick() {
        Comparator<Candidate> byDepth =
                Comparator.<Candidate>comparingInt(c -> c.depth).thenComparingInt(c -> c.order);
        Comparator<Candidate> best =
                bestFirst ? Comparator.<Candidate>comparingDouble(c -> -c.score).thenComparing(byDepth) : byDepth;
        if (bestFirst) {
            frontier.forEach(c -> c.score = links.score(c.text)); // document frequencies grow as links are found
        }
        Candidate next = frontier.stream().min(best).orElseThrow();
        frontier.remove(next);
        waiting.remove(next.url);
        return next;
    }

    /** Fetches and extracts one page on a worker, after its host's Crawl-delay. */
    private Read read(Candidate c, Duration delay) throws InterruptedException {
        Optional<Politeness.Turn> turn = politeness.await(Politeness.hostOf(c.url), delay, budget.deadlineNanos());
        if (turn.isEmpty()) {
            delayedPastTime.incrementAndGet();
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

    private static Visit visit(Candidate c, Visit.Status status, Optional<String> reason, int order, long bytes) {
        return new Visit(c.url.toString(), c.depth, status, reason, Optional.empty(), order, bytes, c.score, 0);
    }
}
