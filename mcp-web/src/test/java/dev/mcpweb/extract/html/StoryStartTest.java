package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * What sits above a story's first paragraph and describes the page rather than tells the story leaves:
 * the kicker over a lesser headline, the lead picture's caption and credit, a date or reading time on a
 * line of its own, and on a page that declares nothing but reads as one story, the breadcrumb above its
 * headline. The headline, the lead paragraph and dates inside the story stay.
 */
class StoryStartTest {
    private static final String STORY = """
            <p>The river authority opened the new fish ladder on Monday, the first of four planned along the
            lower course, after two years of construction and a long dispute over its cost.</p>
            <p>Salmon and sea trout have not reached the upper river since the weir was built in 1931. Biologists
            expect the first fish to pass in the autumn run, when counters at the top pool will record them.</p>
            <p>The remaining three ladders are due by 2027; the authority says the budget for them is secured
            and that the work at the second site, near the old mill, starts on 12.03.2025.</p>
            """;

    private final MainContentExtractor extractor = new MainContentExtractor();

    private String text(String html) {
        return extractor
                .extract(Jsoup.parse(html, "https://example.org/news/fish-ladder"), false)
                .text();
    }

    private static String newsPage(String article) {
        return """
                <html><head><meta property="og:type" content="article"></head><body>
                <header><a href="/">Valley News</a></header>
                <div class="wrap"><article>%s</article></div>
                <footer><p>Valley News, 1 Market Square.</p></footer></body></html>
                """.formatted(article);
    }

    @Test
    void theKickerAboveAnArticlesSubheadingHeadlineGoesWhenTheHeadlineIsNoH1() {
        String story = """
                <div class="post-category"><span>Umwelt</span></div>
                <h2>Fish ladder opens on the Aller</h2>
                %s<h2>What the anglers say</h2>
                <p>The anglers' club will help count the fish in the autumn, as it did before the weir was built.</p>
                """.formatted(STORY);

        assertThat(text(newsPage(story)))
                .contains("Fish ladder opens", "first of four planned", "What the anglers say")
                .doesNotContain("Umwelt");
    }

    @Test
    void aBlockNamedACaptionOrLegendAboveTheStoryGoesButOneInsideItStays() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>
                <div class="lead-image"><img src="/opening.jpg" alt="">
                <div class="media-caption">Guests at the opening ceremony on the river bank.</div></div>
                <div class="article__legend">The ladder seen from the weir</div>
                %s<div class="pic"><img src="/pool.jpg" alt=""><div class="media-caption">The top pool.</div></div>
                """.formatted(STORY);

        assertThat(text(newsPage(story)))
                .contains("Fish ladder opens", "first of four planned", "The top pool.")
                .doesNotContain("opening ceremony", "seen from the weir");
    }

    @Test
    void thePictureCreditsItsPageNamesAnImagesAuthorGo() {
        String story = """
                <header><h1>Fish ladder opens on the Aller</h1>
                <div class="article__image-desc">The ladder climbs four metres in twelve pools.</div>
                <div class="article__image-author">PAP/ Jan Kowalski</div></header>
                %s<figure><img src="/pool.jpg" alt=""><figcaption><span class="img-caption">The top pool.</span>
                <span class="img-author">Mike Blake/Reuters files</span></figcaption></figure>
                """.formatted(STORY);

        assertThat(text(newsPage(story)))
                .contains("Fish ladder opens", "twelve pools", "first of four planned", "The top pool.")
                .doesNotContain("Kowalski", "Reuters files");
    }

    @Test
    void aDateOrReadingTimeOnItsOwnLineAboveTheStoryGoesButDatesInTheStoryStay() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>
                <p>23.10.2018</p>
                <div class="meta"><span class="readingTime">Ten tekst przeczytasz w mniej niż minutę</span></div>
                <div class="byline"><span>Jane Doe</span> <time>2:54pm</time></div>
                %s
                """.formatted(STORY);

        assertThat(text(newsPage(story)))
                .contains("Fish ladder opens", "Jane Doe", "first of four planned", "starts on 12.03.2025")
                .doesNotContain("23.10.2018", "przeczytasz", "2:54pm");
    }

    @Test
    void theSectionLabelUnderAStandfirstInsideAnHgroupGoesButTheStandfirstStays() {
        String story = """
                <hgroup><h1>Fish ladder opens on the Aller</h1>
                <strong class="bajada">Salmon can reach the upper Aller again for the first time since 1931: the
                river authority opened the first of four fish ladders on Monday.</strong></hgroup>
                <div class="meta"><div class="seccion">Umwelt</div></div>
                %s
                """.formatted(STORY);

        assertThat(text(newsPage(story)))
                .contains("Fish ladder opens", "reach the upper Aller again", "first of four planned")
                .doesNotContain("Umwelt");
    }

    @Test
    void theSectionLabelAndDateLineUnderTheStandfirstGoButTheStandfirstStays() {
        String story = """
                <header><h1>Fish ladder opens on the Aller</h1>
                <p class="standfirst">Salmon can reach the upper Aller again for the first time since 1931: the
                river authority opened the first of four fish ladders on Monday.</p></header>
                <div class="meta"><div class="seccion">Umwelt</div><time>17 April 2012 • 2:54pm</time></div>
                %s
                """.formatted(STORY);

        assertThat(text(newsPage(story)))
                .contains("Fish ladder opens", "reach the upper Aller again", "first of four planned")
                .doesNotContain("Umwelt", "2:54pm");
    }

    @Test
    void aPageThatDeclaresNothingButReadsAsOneStoryLosesTheBreadcrumbAboveItsHeadline() {
        String page = """
                <html><body><header><a href="/">Valley News</a></header>
                <main><a class="back" href="/rivers">Rivers and lakes</a>
                <h1>Fish ladder opens on the Aller</h1><p>11 Jan 2019</p>%s</main>
                <footer><p>Valley News, 1 Market Square.</p></footer></body></html>
                """.formatted(STORY);

        assertThat(text(page))
                .contains("Fish ladder opens", "first of four planned", "budget for them is secured")
                .doesNotContain("Rivers and lakes", "11 Jan 2019");
    }

    @Test
    void aPageWithSeveralHeadlinesKeepsWhatPrecedesTheFirst() {
        String page = """
                <html><body><main><a class="back" href="/rivers">Rivers and lakes</a>
                <h1>Fish ladder opens on the Aller</h1><p>11 Jan 2019</p>%s
                <h1>Weir repairs finished</h1>%s</main></body></html>
                """.formatted(STORY, STORY);

        assertThat(text(page)).contains("Rivers and lakes", "11 Jan 2019", "Weir repairs finished");
    }

    @Test
    void theDateLineUnderAHeadlineOfMoreThanEightyCharactersStillGoes() {
        String story = """
                <h1>Fish ladder opens on the Aller, the first of four that will let salmon reach the upper river</h1>
                <div class="meta"><div>20. Mai 2019</div></div>
                %s
                """.formatted(STORY);

        assertThat(text(newsPage(story)))
                .contains("Fish ladder opens on the Aller, the first of four", "first of four planned")
                .doesNotContain("20. Mai 2019");
    }

    @Test
    void aBylineOfAPrepositionAndALinkedNameAboveTheStoryGoesButAnUnlinkedNameStays() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>
                <div class="meta"><div>von <a href="/team/annette">Annette Henkel</a></div>
                <div>Photos by Jane Doe</div></div>
                %s
                """.formatted(STORY);

        assertThat(text(newsPage(story)))
                .contains("Fish ladder opens", "Photos by Jane Doe", "first of four planned")
                .doesNotContain("Annette Henkel");
    }

    @Test
    void aDateBesideANameOrLabelBehindABarAboveTheStoryGoes() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>
                <p><small>Verfasst von: <strong>riverdesk</strong> | 31. Dezember 2008</small></p>
                <p>2021-10-16 | Umwelt</p>
                %s
                """.formatted(STORY);

        assertThat(text(newsPage(story)))
                .contains("Fish ladder opens", "first of four planned")
                .doesNotContain("riverdesk", "31. Dezember 2008", "Umwelt");
    }

    @Test
    void aRowOfLinksBetweenBarsAboveTheStoryGoesButALinkInASentenceStays() {
        String page = """
                <html><body><main><h1>Fish ladder opens on the Aller</h1>
                <div><a href="/rivers">Rivers</a> | <a href="/blog">Blog</a> | <a href="/ladders">Fish ladders</a>
                | <a href="/faq">Questions?</a></div>
                <div>See <a href="/map">the map</a>, <a href="/weir">the weir</a> and <a href="/pool">the pool</a>.</div>
                %s</main></body></html>
                """.formatted(STORY);

        assertThat(text(page))
                .contains("Fish ladder opens", "See the map, the weir and the pool.", "first of four planned")
                .doesNotContain("Fish ladders", "Questions?");
    }
}
