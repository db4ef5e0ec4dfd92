package dev.mcpweb.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.FailureKind;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.pipeline.PipelineResult;
import dev.mcpweb.pipeline.SourceFailure;
import dev.mcpweb.pipeline.SummarizeRequest;
import dev.mcpweb.result.SummaryResult;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code follow_links}: the best links out of the given pages' main content are read and summarized with them. */
class LinkFollowerTest {
    @TempDir
    Path cacheDir;

    @Test
    void theLinksThatAnswerTheQueryAreFollowedOutOfTheMainContentAndCitedAfterTheGivenPages() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site)) {
            List<String> given =
                    List.of(site.url(SyntheticSite.sectionPath(0)), site.url(SyntheticSite.sectionPath(1)));
            PipelineResult result = pipeline.summarize(
                    new SummarizeRequest(
                            given, Optional.of(SyntheticSite.QUERY), OptionalInt.of(150), Optional.empty()),
                    LinkFollower.of(pipeline, 2),
                    SummaryListener.NONE,
                    Optional.empty());

            List<String> answers =
                    List.of(site.url(SyntheticSite.articlePath(0, 27)), site.url(SyntheticSite.articlePath(1, 30)));
            assertThat(result.followed()).containsExactlyInAnyOrderElementsOf(answers);
            assertThat(result.summary().sources())
                    .extracting(Summary.SourceRef::url)
                    .startsWith(given.toArray(String[]::new))
                    .containsAll(answers)
                    .hasSize(4);
            assertThat(result.summary().markdown()).contains("1912").contains("1927");
            assertThat(SummaryResult.of(result).followed()).containsExactlyInAnyOrderElementsOf(answers);
            assertThat(SummaryResult.of(result).sourceStatus())
                    .extracting(
                            SummaryResult.SourceStatus::status,
                            st -> st.source().orElseThrow(),
                            SummaryResult.SourceStatus::followed)
                    .containsExactly(
                            org.assertj.core.api.Assertions.tuple("read", 1, false),
                            org.assertj.core.api.Assertions.tuple("read", 2, false),
                            org.assertj.core.api.Assertions.tuple("read", 3, true),
                            org.assertj.core.api.Assertions.tuple("read", 4, true));
            // every sentence of the two-source answer carries its source
            String body = result.summary()
                    .markdown()
                    .substring(0, result.summary().markdown().indexOf("**Sources**"));
            body.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("_") && !l.startsWith(">"))
                    .flatMap(l -> java.util.Arrays.stream(l.split("(?<=\\.) (?=[A-Z])")))
                    .forEach(sentence -> assertThat(sentence).containsPattern("\\[\\d+\\]"));
            // the navigation (sign-in, calendar, other sections) is never followed: two pages and two links read
            assertThat(site.requests())
                    .filteredOn(r -> !r.path().equals("/robots.txt"))
                    .extracting(SyntheticSite.Request::path)
                    .containsExactlyInAnyOrder(
                            SyntheticSite.sectionPath(0),
                            SyntheticSite.sectionPath(1),
                            SyntheticSite.articlePath(0, 27),
                            SyntheticSite.articlePath(1, 30));
        }
    }

    @Test
    void aFollowedLinkRobotsTxtDisallowsIsReportedAndNeverFetched() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site)) {
            PipelineResult result = pipeline.summarize(
                    new SummarizeRequest(
                            List.of(site.url(SyntheticSite.sectionPath(2))),
                            Optional.of("staff section notes"),
                            OptionalInt.of(80),
                            Optional.empty()),
                    LinkFollower.of(pipeline, 3),
                    SummaryListener.NONE,
                    Optional.empty());

            String notes = site.url("/private/notes-2.html");
            assertThat(result.failures())
                    .filteredOn(f -> f.source().equals(notes))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.kind()).isEqualTo(FailureKind.REFUSED);
                        assertThat(f.message()).contains("robots.txt");
                    });
            assertThat(result.followed()).doesNotContain(notes);
            assertThat(SummaryResult.of(result).sourceStatus())
                    .filteredOn(st -> st.url().equals(notes))
                    .singleElement()
                    .satisfies(st -> {
                        assertThat(st.status()).isEqualTo("refused by robots");
                        assertThat(st.followed()).isTrue();
                    });
            assertThat(site.requests()).noneMatch(r -> r.path().startsWith("/private/"));
        }
    }

    @Test
    void withoutAQueryTheLinksAreRankedByTheGivenPagesTitleAndLead() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site)) {
            // the home page's lead speaks of lights, the people who kept them: its "Keepers" section link
            // shares those words; no navigation link is read
            PipelineResult result = pipeline.summarize(
                    new SummarizeRequest(
                            List.of(site.url("/")), Optional.empty(), OptionalInt.of(80), Optional.empty()),
                    LinkFollower.of(pipeline, 1),
                    SummaryListener.NONE,
                    Optional.empty());

            assertThat(result.followed()).hasSize(1);
            assertThat(result.followed().getFirst()).startsWith(site.url("/section/"));
            assertThat(result.failures()).extracting(SourceFailure::source).isEmpty();
        }
    }

    @Test
    void moreThanTwentyLinksIsRefusedWithAMessage() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                Pipeline pipeline = pipeline(site)) {
            assertThatThrownBy(() -> LinkFollower.of(pipeline, 21))
                    .isInstanceOf(PipelineException.class)
                    .hasMessageContaining("0 to 20");
        }
    }

    private Pipeline pipeline(SyntheticSite site) {
        Map<String, String> settings = new HashMap<>(site.settings());
        settings.put("cache.dir", cacheDir.toString());
        settings.put("summarizer.provider", "extractive");
        return Pipeline.create(Config.defaults().with(settings));
    }
}
