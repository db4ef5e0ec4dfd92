package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Pages that declare one article keep the article and leave the teasers and comments around it. */
class ArticlePrecisionTest {
    private static final String STORY = """
            <p>The river authority opened the new fish ladder on Monday, the first of four planned along the
            lower course, after two years of construction and a long dispute over its cost.</p>
            <figure><img src="/ladder.jpg" alt=""><figcaption>The ladder climbs four metres in twelve pools.</figcaption></figure>
            <p>Salmon and sea trout have not reached the upper river since the weir was built in 1931. Biologists
            expect the first fish to pass in the autumn run, when counters at the top pool will record them.</p>
            <blockquote>We waited ninety years for this, said the chair of the local angling club.</blockquote>
            <p>The remaining three ladders are due by 2027; the authority says the budget for them is secured.</p>
            """;

    private final MainContentExtractor extractor = new MainContentExtractor();

    private String text(String html, boolean includeComments) {
        return extractor
                .extract(Jsoup.parse(html, "https://example.org/news/fish-ladder"), includeComments)
                .text();
    }

    private static String newsPage(String article, String after) {
        return """
                <html><head><meta property="og:type" content="article"></head><body>
                <header><a href="/">Valley News</a></header>
                <div class="wrap">%s%s</div>
                <footer><p>Valley News, 1 Market Square.</p></footer></body></html>
                """.formatted(article, after);
    }

    @Test
    void aWordPressCommentSectionUnderAnArticleIsDroppedUnlessCommentsAreAsked() {
        String comments = """
                <div class="discussion"><h2>3 Comments</h2>
                <ol><li><p>Martha on 3 May 2024 at 10:12 said:</p><p>Finally! My grandfather used to fish salmon
                here before the war and always hoped they would come back to the upper river one day.</p></li>
                <li><p>Ben on 3 May 2024 at 11:40 said:</p><p>What a waste of money, the weir should simply have
                been removed instead of building four expensive ladders around it over many years.</p></li>
                <li><p>Kai on 4 May 2024 at 08:05 said:</p><p>Ben, removing the weir would drain the mill pond
                and the wetland behind it, which is a protected area now with rare birds nesting.</p></li></ol>
                <h3>Leave a Reply</h3><p>Your email address will not be published.</p></div>
                """;
        String html = newsPage("<article><h1>Fish ladder opens on the Aller</h1>" + STORY + "</article>", comments);

        assertThat(text(html, false))
                .contains("first of four planned", "twelve pools", "ninety years", "budget for them is secured")
                .doesNotContain("grandfather", "waste of money", "Leave a Reply");
        assertThat(text(html, true)).contains("first of four planned", "grandfather", "waste of money");
    }

    @Test
    void anArticleBetweenListsOfLinkedHeadlinesKeepsOnlyItsStory() {
        String teasers = """
                <section><h2>Das könnte Sie auch interessieren</h2><ul>
                <li><a href="/a">Neue Brücke über die Weser freigegeben</a></li>
                <li><a href="/b">Stadtrat streitet über Radwege</a></li>
                <li><a href="/c">Hochwasserschutz: Deiche werden erhöht</a></li></ul></section>
                """;
        String trending = """
                <div class="box"><div><a href="/d">Mayor resigns after budget row</a></div>
                <div><a href="/e">Ten walks along the river this summer</a></div>
                <div><a href="/f">School reopens after flood repairs</a></div></div>
                """;
        String html =
                newsPage("<article><h1>Fish ladder opens on the Aller</h1>" + STORY + trending + "</article>", teasers);

        assertThat(text(html, false))
                .contains("Fish ladder opens", "first of four planned", "twelve pools", "ninety years")
                .doesNotContain("Weser", "Radwege", "Das könnte Sie", "Mayor resigns", "Ten walks");
    }

    @Test
    void theArticleIsCutFromTheWrapperHoldingItsNeighboursAndKeepsItsHeadline() {
        String neighbours = """
                <div class="more"><p>Also today: the county fair opens on Friday with a new livestock hall and a
                market for regional produce, and the farmers' association expects more visitors than last year.</p>
                <p>Weather: rain in the morning, clearing in the afternoon with highs around eighteen degrees.</p></div>
                """;
        String html = """
                <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Fish ladder"}
                </script></head><body><div class="page"><h1>Fish ladder opens on the Aller</h1>
                <article>%s</article>%s</div></body></html>
                """.formatted(STORY, neighbours);

        assertThat(text(html, false))
                .contains("Fish ladder opens", "first of four planned", "ninety years")
                .doesNotContain("county fair", "Weather");
    }

    @Test
    void aForumThreadWithoutAnArticleKeepsItsPostsAndTheirLinks() {
        StringBuilder posts = new StringBuilder();
        String[] replies = {
            "Has anyone fitted the new fish counter at the top pool? Ours reports every fish twice.",
            "Yes, check the sensor spacing, the manual says forty centimetres between the two gates.",
            "Thanks, that was it. The counts look right now after moving the second gate back.",
        };
        for (String reply : replies) {
            posts.append("<div class=\"post\"><div class=\"author\"><a href=\"/u\">member</a></div><p>")
                    .append(reply)
                    .append("</p></div>");
        }
        String html = """
                <html><body><h1>Fish counter counts twice</h1><div class="thread">%s</div>
                <h2>Comments</h2></body></html>
                """.formatted(posts);

        assertThat(text(html, false)).contains(replies[0], replies[1], replies[2]);
    }

    @Test
    void aSectionOfNothingButLinksUnderItsOwnHeadingLeavesTheArticle() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>%s
                <h3>Weitere Tourentipps</h3>
                <p><a href="/walks/heath">Durch die Heide nach Celle</a></p>
                <p><a href="/walks/moor">Zwei Tage im Teufelsmoor</a></p>
                <h3>How the counters work</h3>
                <p>Each pool has two gates; see <a href="/counters">the manufacturer's notes</a> for the spacing
                the biologists chose, forty centimetres apart, so that no fish is counted twice.</p>
                """.formatted(STORY);

        assertThat(text(newsPage("<article>" + story + "</article>", ""), false))
                .contains("first of four planned", "How the counters work", "forty centimetres apart")
                .doesNotContain("Tourentipps", "Heide", "Teufelsmoor");
    }

    @Test
    void previewCardsOfOtherPostsLeaveTheArticleButEmbeddedTweetsItQuotesStay() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>%s
                <p>The angling club celebrated the opening on its channel:</p>
                <blockquote class="twitter-tweet"><p>Ninety years we waited. Today the salmon come home!</p>
                &mdash; Aller Anglers (@allerangler) <a href="https://twitter.example/s/1">May 3, 2024</a></blockquote>
                <blockquote class="wp-embedded-content"><a href="/2023/ladder-plans">Plans for four ladders approved</a></blockquote>
                <p>The remaining ladders will be built in the next three years, the authority said.</p>
                """.formatted(STORY);

        assertThat(text(newsPage("<article>" + story + "</article>", ""), false))
                .contains("celebrated the opening on its channel", "salmon come home", "next three years")
                .doesNotContain("Plans for four ladders");
    }

    @Test
    void theCaptionOfTheLeadPictureAboveTheStoryGoesButCaptionsInsideTheStoryStay() {
        String lead = """
                <h1>Fish ladder opens on the Aller</h1>
                <figure class="lead"><img src="/opening.jpg" alt="">
                <figcaption>Guests at the opening ceremony on the river bank. Photo: Valley News</figcaption></figure>
                """;

        assertThat(text(newsPage("<article>" + lead + STORY + "</article>", ""), false))
                .contains("Fish ladder opens", "first of four planned", "twelve pools", "budget for them is secured")
                .doesNotContain("opening ceremony");
    }

    @Test
    void blocksThePageNamesTeasersOfOtherArticlesLeaveButItsOwnTeaserParagraphStays() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>
                <div class="teaser-text"><p>After two years of work the <a href="/topics/aller-river-authority">river
                authority on the Aller</a> opens the first of four fish ladders.</p></div>%s
                <div class="teaserWrapper"><h3><a href="/news/weir-history">Why the weir was built in 1931</a></h3>
                <p>The mill owners wanted steady water for their wheels.</p></div>
                <p>Counters at the top pool will publish their figures every week during the autumn run.</p>
                """.formatted(STORY);

        assertThat(text(newsPage("<article>" + story + "</article>", ""), false))
                .contains(
                        "opens the first of four fish ladders", "first of four planned", "every week during the autumn")
                .doesNotContain("Why the weir was built", "mill owners");
    }

    @Test
    void linkParagraphsAndEmptyBoxHeadingsAfterTheArticlesLastParagraphLeaveButLinksInsideTheStoryStay() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>%s
                <p><a href="/reports/ladder.pdf">The authority's report on the ladder</a></p>
                <p>Construction of the second ladder, at the old mill in Winsen, starts next spring; the contract
                was signed last week and the builders have already moved their cranes to the site.</p>
                <p>The third and fourth ladders, near Celle and at the mouth of the river, need new permits; the
                authority expects them within the year and has asked the anglers to help count the fish again.</p>
                <p><a href="/galleries/opening">Bilder der Eröffnung am Fluss</a></p>
                <p><a href="/forum/fishing">Alles über das Angeln im Forum der Leser</a></p>
                <h2>Mehr aus dem Landkreis</h2><div class="widget"></div>
                """.formatted(STORY);

        assertThat(text(newsPage("<article>" + story + "</article>", ""), false))
                .contains("first of four planned", "report on the ladder", "cranes to the site")
                .doesNotContain("Bilder der Eröffnung", "Forum der Leser", "Mehr aus dem Landkreis");
    }

    @Test
    void theKickerAndDateLineAboveTheHeadlineGoButALeadParagraphAboveItStays() {
        String kicker = """
                <div class="kicker"><a href="/umwelt">Umwelt</a> <span>Aktuell</span></div>
                <div class="meta">Veröffentlichung: 3. Mai 2024</div>
                <h1>Fish ladder opens on the Aller</h1>
                """;
        String lead = """
                <p class="lead">Salmon can reach the upper Aller again for the first time since 1931: the river
                authority opened the first of four fish ladders on Monday.</p>
                <h1>Fish ladder opens on the Aller</h1>
                """;

        assertThat(text(newsPage("<article>" + kicker + STORY + "</article>", ""), false))
                .contains("Fish ladder opens", "first of four planned", "budget for them is secured")
                .doesNotContain("Umwelt", "Aktuell", "Veröffentlichung");
        assertThat(text(newsPage("<article>" + lead + STORY + "</article>", ""), false))
                .contains("reach the upper Aller again", "Fish ladder opens", "first of four planned");
    }

    @Test
    void promptsToSubscribeFollowOrSupportAfterTheStoryLeaveButAStorySentenceAboutSubscriptionsStays() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>%s
                <p>Construction of the second ladder, at the old mill in Winsen, starts next spring; the contract
                was signed last week and the builders have already moved their cranes to the site.</p>
                <p>The third and fourth ladders, near Celle and at the mouth of the river, need new permits; the
                authority expects them within the year and has asked the anglers to help count the fish again.</p>
                <p>Counting starts in September, when volunteers will read the counters at the top pool twice a
                day and send their figures to the authority's biologists in Lüneburg every week.</p>
                <p>The anglers' club will pay for the fish counters from its members' subscription, which rises
                by ten euros next year; the club voted for the rise at its meeting in March.</p>
                %s
                """;
        String prompts = """
                <p><strong>Like our reporting? Subscribe to the Valley News for a year and read every story.</strong></p>
                <p><em>Get the river news straight to your phone: download the Valley News app for iOS and Android.</em></p>
                <p>Follow the Valley News on Twitter and Instagram <a href="/social">@valleynews</a>.</p>
                """;

        assertThat(text(newsPage("<article>" + story.formatted(STORY, prompts) + "</article>", ""), false))
                .contains("first of four planned", "cranes to the site", "members' subscription")
                .doesNotContain("Like our reporting", "Valley News app", "@valleynews");
        assertThat(text(newsPage("<article>" + story.formatted(STORY, "") + "</article>", ""), false))
                .contains("members' subscription, which rises");
    }

    @Test
    void authorBoxesNamedInfoDescOrBemStyleLeaveTheArticleButTheStoryStays() {
        String box = """
                <div class="blog--author-info"><a href="/authors/jane-doe"><img src="/jane.webp" alt="Jane Doe"></a>
                <a href="/authors/jane-doe" class="blog--author-name">Jane Doe</a>
                <div class="blog--author--desc">Jane Doe is a reporter covering rivers, fisheries and the
                people who work on them; she has written for the paper for twelve years.</div></div>
                <div class="hero-author"><span class="hero-author--name">Tom Roe</span>
                <div class="hero-author--bio">Tom Roe is a photographer and writer based in the valley.</div></div>
                """;
        String html = newsPage("<article><h1>Fish ladder opens on the Aller</h1>" + STORY + box + "</article>", "");

        assertThat(text(html, false))
                .contains("first of four planned", "twelve pools", "budget for them is secured")
                .doesNotContain("reporter covering rivers", "photographer and writer");
    }

    @Test
    void boxesAfterTheStorysLastParagraphLeaveButAListItEndsOnStays() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>%s
                <p>Eels, which climb the river in early summer, get a ramp of their own beside the pools: a
                channel lined with bristles that the young fish can grip on their way up the weir.</p>
                <p>Anglers downstream report more sea trout than in any year since the counts began, and the
                club hopes the ladder will bring the same to the stretches above the town by next season.</p>
                <p>The ladders will be checked each spring, the authority says:</p>
                <ul><li>Winsen, at the old mill</li><li>Celle, below the town bridge</li></ul>
                <div class="box-42"><div>ERSCHIENEN IN</div><div>Valley Weekly 03/2024</div></div>
                <div><em>The views in guest articles are those of their authors, not of the paper.</em></div>
                """.formatted(STORY);

        assertThat(text(newsPage("<article>" + story + "</article>", ""), false))
                .contains("first of four planned", "budget for them is secured", "checked each spring", "town bridge")
                .doesNotContain("ERSCHIENEN IN", "Valley Weekly", "views in guest articles");
    }

    @Test
    void onAPageThatDeclaresNothingTheBoxesAfterAStorysRunOfParagraphsLeaveButAFeatureGridAfterAnIntroStays() {
        String story = """
                <html><body><header><a href="/">Valley News</a></header><div class="main">
                <h1>Fish ladder opens on the Aller</h1>%s
                <p>Anglers downstream report more sea trout than in any year since the counts began, and the
                club hopes the ladder will bring the same to the stretches above the town by next season.</p>
                <p>Eels, which climb the river in early summer, get a ramp of their own beside the pools: a
                channel lined with bristles that the young fish can grip on their way up the weir.</p>
                <p><a href="/galleries/opening">Bilder der Eröffnung am Fluss</a></p>
                <div class="c-box"><div>Die Valley News jeden Morgen kostenlos in Ihrem Postfach.</div></div>
                <h2>Mehr aus dem Landkreis</h2><div class="widget"></div>
                </div><footer><p>Valley News, 1 Market Square.</p></footer></body></html>
                """.formatted(STORY);
        String service = """
                <html><body><header><a href="/">River Works</a></header><div class="main">
                <h1>Fish passes built to last</h1>
                <p>River Works designs and builds fish ladders, eel ramps and fish counters for river authorities
                and hydropower plants across Europe, from the first survey of the weir to the last inspection of
                the finished pools, and has done so for thirty years on rivers large and small. Authorities come
                to us when a weir has blocked their river for a century and the fish must find their way again.</p>
                <p>Our engineers and biologists work side by side: every ladder we build is drawn for the fish of
                its river, the salmon of the north, the eels and barbel of the south, and checked by counting
                them for ten years after it opens, so that the authority knows what it has paid for. We publish
                every count, good years and bad, and we return to mend a pool when the fish tell us it fails.</p>
                <div class="feature"><h3>Survey</h3><div>We measure the flow at the weir over a full year.</div></div>
                <div class="feature"><h3>Build</h3><div>Our crews build in the low-water months.</div></div>
                <div class="feature"><h3>Count</h3><div>Counters at the top pool record every fish.</div></div>
                </div><footer><p>River Works, 1 Market Square.</p></footer></body></html>
                """;

        assertThat(text(story, false))
                .contains("first of four planned", "budget for them is secured", "way up the weir")
                .doesNotContain("Bilder der Eröffnung", "Mehr aus dem Landkreis", "kostenlos in Ihrem Postfach");
        assertThat(text(service, false))
                .contains("first survey of the weir", "over a full year", "low-water months", "record every fish");
    }

    @Test
    void aBoxOfFootnotesTheStoryLinksIntoStaysAndSoDoesAHeadingThatIsItselfALink() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>%s
                <p>Anglers downstream report more sea trout than in any year since the counts began, and the
                club hopes the ladder will bring the same to the stretches above the town by next season.</p>
                <p>Eels, which climb the river in early summer, get a ramp of their own beside the pools: a
                channel lined with bristles that the young fish can grip on their way up the weir.<sup><a
                href="#fn-1">1</a></sup></p>
                <div class="footnotes"><ol><li id="fn-1">Report of the river authority, 2023, page 14.</li></ol></div>
                <div class="c-box"><div>The Valley News every morning, free in your inbox.</div></div>
                <h4><a href="/guides/fish-ladders">Fish ladder guides, river maps and counting tips</a></h4>
                """.formatted(STORY);

        assertThat(text(newsPage("<article>" + story + "</article>", ""), false))
                .contains(
                        "first of four planned",
                        "way up the weir",
                        "Report of the river authority",
                        "Fish ladder guides")
                .doesNotContain("free in your inbox");
    }

    @Test
    void newsletterBoxesAndTheBoxesWordPressShareAndAuthorPluginsAddAreDropped() {
        String story = """
                <h1>Fish ladder opens on the Aller</h1>
                <div class="news-letter-section"><p>Every Friday the week's river stories, the counts from the
                ladders and the anglers' reports: one mail, no more.</p></div>%s
                <div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block">
                <h3 class="sd-title">Spread the word:</h3><ul><li><a href="/m">Mastodon</a></li></ul></div></div>
                <div id="jp-post-flair" class="sharedaddy sd-like-enabled"><p>Bloggers who enjoyed this post</p></div>
                <div class="saboxplugin-wrap"><div class="saboxplugin-desc"><p>Jane Fisher has covered the
                river for the Valley News since 2009.</p></div></div>
                <div class="entry-utility">This entry was filed under Rivers by Jane Fisher.</div>
                """.formatted(STORY);

        assertThat(text(newsPage("<article>" + story + "</article>", ""), false))
                .contains("first of four planned", "budget for them is secured")
                .doesNotContain(
                        "Every Friday", "Spread the word", "Bloggers who enjoyed", "since 2009", "filed under Rivers");
    }
}
