package dev.mcpweb.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineResult;
import dev.mcpweb.pipeline.SummarizeRequest;
import dev.mcpweb.result.CrawlResult;
import dev.mcpweb.result.SummaryResult;
import dev.mcpweb.summarize.SummaryListener;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies of a page (its print version, a ?utm variant) are summarized once and cited once. */
class DuplicateSourcesTest {
    @TempDir
    Path cacheDir;

    @Test
    void aPageItsPrintCopyAndAUtmVariantAreSummarizedOnceAndTheCopiesMarkedDuplicate() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site)) {
            String page = site.url(SyntheticSite.answerPaths().getFirst());
            String print = site.url(SyntheticSite.answerPaths()
                    .getFirst()
                    .replace("/section/", "/print/")
                    .replace("article-", "")
                    .replace(".html", ""));
            String utm = page + "?utm_source=newsletter&utm_medium=email";
            PipelineResult result = pipeline.summarize(
                    new SummarizeRequest(
                            List.of(page, print, utm), Optional.empty(), OptionalInt.of(120), Optional.empty()),
                    SummaryListener.NONE,
                    Optional.empty());
            SummaryResult json = SummaryResult.of(result);

            assertThat(json.sources()).extracting(SummaryResult.Source::url).containsExactly(page);
            assertThat(json.duplicates())
                    .extracting(SummaryResult.Duplicate::url, SummaryResult.Duplicate::status)
                    .containsExactly(tuple(print, "duplicate of 1"), tuple(utm, "duplicate of 1"));
            assertThat(json.summary()).contains(print + " (duplicate of 1)").contains(utm + " (duplicate of 1)");
            assertThat(json.sourceStatus())
                    .extracting(SummaryResult.SourceStatus::url, SummaryResult.SourceStatus::status)
                    .containsExactly(tuple(page, "read"), tuple(print, "duplicate of 1"), tuple(utm, "duplicate of 1"));
        }
    }

    @Test
    void givenThePrintCopyFirstTheOriginalIsCitedInItsPlaceAndThePrintCopyIsItsDuplicate() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site)) {
            String page = site.url(SyntheticSite.answerPaths().getFirst());
            String print = site.url(printPath(SyntheticSite.answerPaths().getFirst()));
            PipelineResult result = pipeline.summarize(
                    new SummarizeRequest(List.of(print, page), Optional.empty(), OptionalInt.of(120), Optional.empty()),
                    SummaryListener.NONE,
                    Optional.empty());
            SummaryResult json = SummaryResult.of(result);

            assertThat(json.sources()).extracting(SummaryResult.Source::url).containsExactly(page);
            assertThat(json.sourceStatus())
                    .extracting(SummaryResult.SourceStatus::url, SummaryResult.SourceStatus::status)
                    .containsExactly(tuple(page, "read"), tuple(print, "duplicate of 1"));
        }
    }

    @Test
    void aCrawlThatReadsAnAnswerAndItsPrintCopyCitesTheArticleAndReportsThePrintCopyAsItsDuplicate() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site)) {
            CrawlReport report = Crawler.of(pipeline)
                    .crawl(CrawlRequest.of(site.url("/"), SyntheticSite.QUERY), SummaryListener.NONE, Optional.empty());
            CrawlResult json = CrawlResult.of(report);

            Map<String, CrawlResult.Page> pages = new HashMap<>();
            json.pages().forEach(p -> pages.put(p.url(), p));
            int pairs = 0;
            for (String answer : SyntheticSite.answerPaths()) {
                CrawlResult.Page article = pages.get(site.url(answer));
                CrawlResult.Page print = pages.get(site.url(printPath(answer)));
                if (article == null || print == null || print.fetchOrder().isEmpty()) {
                    continue;
                }
                pairs++;
                // the article is cited, whichever was read first; its print copy is listed as its duplicate
                assertThat(article.status()).isEqualTo(Visit.Status.SUMMARIZED);
                assertThat(print.status()).isEqualTo(Visit.Status.DUPLICATE);
                assertThat(print.source()).isEmpty();
                assertThat(print.reason())
                        .contains("duplicate of " + article.source().orElseThrow());
            }
            assertThat(pairs)
                    .as("answers read together with their print copies")
                    .isPositive();
            assertThat(json.sources()).extracting(SummaryResult.Source::url).doesNotHaveDuplicates();
            // a ?utm link to a page is the page: never fetched again
            assertThat(site.requests()).noneMatch(r -> r.path().contains("utm_"));
        }
    }

    private static String printPath(String articlePath) {
        return articlePath
                .replace("/section/", "/print/")
                .replace("article-", "")
                .replace(".html", "");
    }

    private Pipeline pipeline(SyntheticSite site) {
        Map<String, String> settings = new HashMap<>(site.settings());
        settings.put("cache.dir", cacheDir.toString());
        settings.put("summarizer.provider", "extractive");
        return Pipeline.create(Config.defaults().with(settings));
    }
}
