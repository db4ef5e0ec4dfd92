package dev.mcpweb.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.FailureKind;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.summarize.SummaryListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Site maps and crawls of the generated {@link SyntheticSite}, reached by name through the fetcher's DNS hook. */
class CrawlerTest {
    @TempDir
    Path cacheDir;

    @Test
    void aCrawlReachesTheThreeAnswerPagesWithinTwentyPagesWhereBreadthFirstNeedsFarMore() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site, Map.of())) {
            CrawlReport report = Crawler.of(pipeline)
                    .crawl(CrawlRequest.of(site.url("/"), SyntheticSite.QUERY), SummaryListener.NONE, Optional.empty());

            int bestFirst = pagesUntilAllAnswersRead(site, report);
            assertThat(report.spent().pagesRead()).isLessThanOrEqualTo(20);
            assertThat(bestFirst)
                    .as("pages read until all three answers were read")
                    .isLessThanOrEqualTo(20);
            assertThat(report.summary()).isPresent();
            String summary = report.summary().get().markdown();
            assertThat(summary).contains("1912").contains("1927").contains("1931");
            assertThat(report.visits())
                    .filteredOn(v -> v.status() == Visit.Status.SUMMARIZED)
                    .extracting(Visit::url)
                    .containsAll(answerUrls(site));
            assertNothingDisallowedOrOutOfScopeWasFetched(site);

            CrawlReport breadth =
                    Crawler.breadthFirst(pipeline).crawl(request(site, 200, 3), SummaryListener.NONE, Optional.empty());
            int breadthFirst = pagesUntilAllAnswersRead(site, breadth);
            System.err.printf(
                    "pages fetched until all 3 answers were read: best-first %d (answers at %s), breadth-first %s"
                            + " (answers at %s, of %d fetched)%n",
                    bestFirst,
                    answerOrders(site, report),
                    breadthFirst == Integer.MAX_VALUE ? "not within 200" : breadthFirst,
                    answerOrders(site, breadth),
                    breadth.spent().pagesRead());
            assertThat(breadthFirst).isGreaterThan(3 * bestFirst);
        }
    }

    @Test
    void aSiteMapListsEveryUrlOfTheSitemapsInScopeAndNothingElseInPages() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site, Map.of())) {
            Crawler crawler = Crawler.of(pipeline);
            List<String> all = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            SiteMap page;
            do {
                page = crawler.map(
                        new MapRequest(site.url("/"), Scope.Kind.DOMAIN, List.of(), List.of(), 100, cursor),
                        SummaryListener.NONE);
                page.urls().forEach(e -> all.add(e.url()));
                cursor = page.nextCursor();
            } while (cursor.isPresent());

            assertThat(page.foundBy()).isEqualTo("sitemap");
            assertThat(all).doesNotHaveDuplicates();
            assertThat(all)
                    .containsExactlyInAnyOrderElementsOf(
                            SyntheticSite.sitemapPaths().stream().map(site::url).toList());
            assertThat(page.outOfScope()).isEqualTo(1);
            assertThat(page.disallowed()).isEqualTo(1);
            assertThat(page.total()).isEqualTo(SyntheticSite.sitemapPaths().size());
            assertNothingDisallowedOrOutOfScopeWasFetched(site);
        }
    }

    @Test
    void withoutSitemapsASiteMapFollowsLinksToItsDepthPastEveryTrap() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(new SyntheticSite.Options(0, false));
                Pipeline pipeline = pipeline(site, Map.of("crawl.map_max_pages", "400"))) {
            SiteMap map = Crawler.of(pipeline)
                    .map(
                            new MapRequest(
                                    site.url("/"), Scope.Kind.DOMAIN, List.of(), List.of(), 10_000, Optional.empty()),
                            SummaryListener.NONE);

            Set<String> urls = map.urls().stream().map(SiteMap.Entry::url).collect(Collectors.toSet());
            assertThat(map.foundBy()).isEqualTo("links");
            assertThat(urls)
                    .containsAll(
                            SyntheticSite.articlePaths().stream().map(site::url).toList());
            assertThat(urls).contains("http://" + SyntheticSite.DOCS_HOST + ":" + site.port() + "/guide");
            assertThat(urls).allMatch(u -> u.contains(".coast.test:"), "every URL on the site's domain");
            assertThat(urls).noneMatch(u -> u.contains("/private/"));
            assertThat(urls.stream().filter(u -> u.startsWith(site.url("/account"))))
                    .hasSize(1);
            // the calendar goes on forever; the map reads it to depth 2 only: the month linked from every page,
            // the two beside it (read), and the two beside those (listed)
            assertThat(urls.stream().filter(u -> u.startsWith(site.url("/calendar"))))
                    .hasSize(5);
            assertThat(map.outOfScope()).isEqualTo(1);
            assertThat(map.pagesRead()).isLessThanOrEqualTo(400);
            assertNothingDisallowedOrOutOfScopeWasFetched(site);
        }
    }

    @Test
    void aCrawlWaitsTheCrawlDelayBetweenRequestsToTheHost() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(new SyntheticSite.Options(0.2, true));
                Pipeline pipeline = pipeline(site, Map.of())) {
            Crawler.of(pipeline).crawl(request(site, 6, 3), SummaryListener.NONE, Optional.empty());

            List<Long> starts = site.requests().stream()
                    .filter(r ->
                            r.host().equals(SyntheticSite.HOST) && !r.path().equals("/robots.txt"))
                    .map(SyntheticSite.Request::nanos)
                    .sorted()
                    .toList();
            assertThat(starts).hasSize(6);
            for (int i = 1; i < starts.size(); i++) {
                // each request starts 200 ms after the previous one ended
                assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1)))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
            }
        }
    }

    @Test
    void thePageDepthAndByteBudgetsHold() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site, Map.of())) {
            Crawler crawler = Crawler.of(pipeline);

            CrawlReport pages = crawler.crawl(request(site, 5, 3), SummaryListener.NONE, Optional.empty());
            assertThat(pages.spent().pagesRead()).isEqualTo(5);
            assertThat(pageRequests(site)).isEqualTo(5);

            CrawlReport shallow = crawler.crawl(request(site, 60, 1), SummaryListener.NONE, Optional.empty());
            assertThat(shallow.visits()).filteredOn(v -> v.order() > 0).allMatch(v -> v.depth() <= 1);
            assertThat(shallow.spent().deepest()).isEqualTo(1);

            CrawlRequest small = request(site, 200, 3, Optional.empty(), OptionalLong.of(300_000));
            CrawlReport bytes = crawler.crawl(small, SummaryListener.NONE, Optional.empty());
            assertThat(bytes.stoppedBecause()).contains("max_bytes");
            // no fetch starts once the budget is spent; the pages in flight then may end past it
            assertThat(bytes.spent().bytes()).isLessThan(300_000 + 4 * 5_400_000L);
            assertThat(bytes.spent().pagesRead()).isLessThan(200);
        }
    }

    @Test
    void theTimeBudgetHolds() throws Exception {
        // a Crawl-delay of 50 ms makes 200 pages take at least 10 s, however fast the machine reads them
        try (SyntheticSite site = SyntheticSite.start(new SyntheticSite.Options(0.05, true));
                Pipeline pipeline = pipeline(site, Map.of())) {
            CrawlRequest quick = request(site, 200, 3, Optional.of(Duration.ofMillis(400)), OptionalLong.empty());
            CrawlReport time = Crawler.of(pipeline).crawl(quick, SummaryListener.NONE, Optional.empty());
            assertThat(time.stoppedBecause()).contains("max_time");
            assertThat(time.spent().pagesRead()).isLessThan(200);
            assertThat(time.spent().elapsed()).isLessThan(Duration.ofMillis(400 + 1_000));
        }
    }

    @Test
    void aCrawlDelayLongerThanTheTimeLeftStopsTheCrawlForTime() throws Exception {
        // after the first page the host's 500 ms Crawl-delay outlasts the 300 ms budget: the pages not
        // fetched for it were cut by time, not by a frontier that ran dry
        try (SyntheticSite site = SyntheticSite.start(new SyntheticSite.Options(0.5, true));
                Pipeline pipeline = pipeline(site, Map.of())) {
            CrawlRequest quick = request(site, 200, 3, Optional.of(Duration.ofMillis(300)), OptionalLong.empty());
            CrawlReport time = Crawler.of(pipeline).crawl(quick, SummaryListener.NONE, Optional.empty());
            assertThat(time.stoppedBecause()).contains("max_time");
            assertThat(time.spent().pagesRead()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void capsHoldWhateverTheCallAsksFor() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site, Map.of("crawl.max_pages_cap", "7"))) {
            CrawlReport report =
                    Crawler.of(pipeline).crawl(request(site, 150, 3), SummaryListener.NONE, Optional.empty());
            assertThat(report.spent().maxPages()).isEqualTo(7);
            assertThat(pageRequests(site)).isEqualTo(7);
        }
    }

    @Test
    void interruptingTheCrawlStopsItAtOnce() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(new SyntheticSite.Options(0.5, true));
                Pipeline pipeline = pipeline(site, Map.of())) {
            AtomicReference<Thread> worker = new AtomicReference<>();
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                worker.set(Thread.currentThread());
                try {
                    Crawler.of(pipeline)
                            .crawl(
                                    request(site, 200, 3),
                                    new SummaryListener() {
                                        @Override
                                        public void onProgress(String stage, int done, int total) {
                                            if (done == 2) {
                                                Thread.currentThread().interrupt();
                                            }
                                        }
                                    },
                                    Optional.empty());
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
            assertThat(thrown).isInstanceOf(PipelineException.class);
            assertThat(((PipelineException) thrown).kind()).isEqualTo(FailureKind.CANCELLED);
            assertThat(pageRequests(site)).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void aCrawlWithoutAQueryIsRefusedWithAMessage() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site, Map.of())) {
            assertThatThrownBy(() -> Crawler.of(pipeline)
                            .crawl(CrawlRequest.of(site.url("/"), " "), SummaryListener.NONE, Optional.empty()))
                    .isInstanceOf(PipelineException.class)
                    .hasMessageContaining("needs a query");
        }
    }

    // ---------------------------------------------------------------- helpers

    private Pipeline pipeline(SyntheticSite site, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(site.settings());
        settings.put("cache.dir", cacheDir.toString());
        settings.put("summarizer.provider", "extractive");
        settings.putAll(more);
        return Pipeline.create(Config.defaults().with(settings));
    }

    private static CrawlRequest request(SyntheticSite site, int maxPages, int maxDepth) {
        return request(site, maxPages, maxDepth, Optional.empty(), OptionalLong.empty());
    }

    private static CrawlRequest request(
            SyntheticSite site, int maxPages, int maxDepth, Optional<Duration> maxTime, OptionalLong maxBytes) {
        return new CrawlRequest(
                site.url("/"),
                SyntheticSite.QUERY,
                OptionalInt.of(maxPages),
                OptionalInt.of(maxDepth),
                maxTime,
                maxBytes,
                Scope.Kind.DOMAIN,
                List.of(),
                List.of(),
                OptionalInt.empty(),
                Optional.empty(),
                OptionalInt.empty());
    }

    private static List<String> answerUrls(SyntheticSite site) {
        return SyntheticSite.answerPaths().stream().map(site::url).toList();
    }

    /** The read order of the last answer page to be read; MAX_VALUE when one was never read. */
    private static int pagesUntilAllAnswersRead(SyntheticSite site, CrawlReport report) {
        Set<String> answers = new HashSet<>(answerUrls(site));
        List<Visit> read = report.visits().stream()
                .filter(v -> answers.contains(v.url()) && v.order() > 0)
                .toList();
        return read.size() < 3
                ? Integer.MAX_VALUE
                : read.stream().mapToInt(Visit::order).max().orElseThrow();
    }

    private static List<Integer> answerOrders(SyntheticSite site, CrawlReport report) {
        Set<String> answers = new HashSet<>(answerUrls(site));
        return report.visits().stream()
                .filter(v -> answers.contains(v.url()) && v.order() > 0)
                .map(Visit::order)
                .sorted()
                .toList();
    }

    private static long pageRequests(SyntheticSite site) {
        return site.requests().stream()
                .filter(r -> !r.path().equals("/robots.txt"))
                .count();
    }

    private static void assertNothingDisallowedOrOutOfScopeWasFetched(SyntheticSite site) {
        assertThat(site.requests())
                .as("no request to another site or to a path robots.txt disallows")
                .noneMatch(r ->
                        r.host().equals(SyntheticSite.ELSEWHERE) || r.path().startsWith("/private/"));
    }
}
