package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Reader comments under an article stay out of its text by default and, when asked for, follow it
 * under a "Comments" heading with each comment's author and date; a forum thread keeps its posts.
 */
class ReaderCommentsTest {
    private static final String STORY = """
            <h1>Fish ladder opens on the Aller</h1>
            <p>The river authority opened the new fish ladder on Monday, the first of four planned along the
            lower course, after two years of construction and a long dispute over its cost.</p>
            <p>Salmon and sea trout have not reached the upper river since the weir was built in 1931. Biologists
            expect the first fish to pass in the autumn run, when counters at the top pool will record them.</p>
            <p>The remaining three ladders are due by 2027; the authority says the budget for them is secured.</p>
            """;

    private final MainContentExtractor extractor = new MainContentExtractor();

    private MainContent extract(String html, boolean includeComments) {
        return extractor.extract(Jsoup.parse(html, "https://example.org/news/fish-ladder"), includeComments);
    }

    private static String articlePage(String comments) {
        return """
                <html><head><meta property="og:type" content="article"></head><body>
                <header><a href="/">Valley News</a></header>
                <div class="content"><article>%s</article>%s</div>
                <footer><p>Valley News, 1 Market Square.</p></footer></body></html>
                """.formatted(STORY, comments);
    }

    private static String wordPressComment(String id, String author, String date, String text, String replies) {
        return """
                <li id="comment-%s" class="comment even depth-1"><article class="comment-body">
                <footer class="comment-meta"><div class="comment-author vcard"><img class="avatar" src="/a.png" alt="">
                <b class="fn">%s</b> <span class="says">says:</span></div>
                <div class="comment-metadata"><a href="#comment-%s"><time datetime="2024-05-03T10:12:00+00:00">%s</time></a></div>
                </footer><div class="comment-content"><p>%s</p></div>
                <div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></article>%s</li>
                """.formatted(
                id, author, id, date, text, replies.isEmpty() ? "" : "<ol class=\"children\">" + replies + "</ol>");
    }

    private static final String WORDPRESS_COMMENTS = """
            <div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on “Fish ladder opens”</h2>
            <ol class="comment-list">%s%s</ol>
            <div id="respond" class="comment-respond"><h3>Leave a Reply</h3>
            <form><p>Your email address will not be published. Required fields are marked *</p>
            <textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div>
            """.formatted(
                    wordPressComment(
                            "11",
                            "Martha",
                            "3 May 2024 at 10:12",
                            "Finally! My grandfather fished salmon here before the war and always hoped they would come back.",
                            wordPressComment(
                                    "12",
                                    "Kai",
                                    "3 May 2024 at 11:05",
                                    "Martha, my grandfather did too, below the old mill. He would have loved to see this.",
                                    "")),
                    wordPressComment(
                            "13",
                            "Ben",
                            "4 May 2024 at 08:40",
                            "What a waste of money, the weir should simply have been removed instead.",
                            ""));

    @Test
    void wordPressCommentsUnderAnArticleAreLeftOutByDefault() {
        String text = extract(articlePage(WORDPRESS_COMMENTS), false).text();

        assertThat(text)
                .contains("first of four planned", "budget for them is secured")
                .doesNotContain("grandfather", "waste of money", "Martha", "Leave a Reply", "thoughts on");
    }

    @Test
    void askedForCommentsFollowTheArticleUnderACommentsHeadingWithAuthorAndDate() {
        String markdown = extract(articlePage(WORDPRESS_COMMENTS), true).markdown();

        assertThat(markdown).contains("""
                The remaining three ladders are due by 2027; the authority says the budget for them is secured.

                ## Comments

                **Martha** · 3 May 2024 at 10:12

                Finally! My grandfather fished salmon here before the war and always hoped they would come back.

                **Kai** · 3 May 2024 at 11:05

                Martha, my grandfather did too, below the old mill. He would have loved to see this.

                **Ben** · 4 May 2024 at 08:40

                What a waste of money, the weir should simply have been removed instead.""");
        assertThat(markdown).doesNotContain("Reply", "says:", "Your email address");
    }

    @Test
    void aCommentWidgetWithVoteCountsIsLeftOutAndReadWhenAskedFor() {
        StringBuilder rated = new StringBuilder("<div class=\"rated-box\"><h3>Top Rated Comments</h3>");
        String[][] comments = {
            {"anglerjoe", "2 hours ago", "Best news from the valley in years, well done to everyone involved.", "312"},
            {"millpond", "5 hours ago", "I hope the counters are public so we can all follow the run online.", "198"},
            {"troutgirl", "yesterday", "Four ladders for one river sounds a lot but the weirs are many.", "87"},
        };
        for (String[] c : comments) {
            rated.append("""
                    <div class="item"><div class="meta"><a class="user" href="/u/%s">%s</a>, Valley, <span>%s</span></div>
                    <p>%s</p><div class="votes"><a href="#">Click to rate</a><span>%s</span></div></div>
                    """.formatted(c[0], c[0], c[1], c[2], c[3]));
        }
        String html = articlePage(rated.append("</div>").toString());

        assertThat(extract(html, false).text())
                .contains("budget for them is secured")
                .doesNotContain("Best news", "counters are public", "312", "Top Rated");
        assertThat(extract(html, true).markdown())
                .contains("## Comments\n\n**anglerjoe** · 2 hours ago\n\nBest news from the valley in years")
                .contains("**troutgirl** · yesterday\n\nFour ladders")
                .doesNotContain("Click to rate", "312");
    }

    @Test
    void aThreadOfDatedRepliesUnderAnArticleIsFoundByItsStructureAlone() {
        StringBuilder thread = new StringBuilder("<div class=\"x9\">");
        String[] replies = {
            "Good to see the authority finally finishing what it started back in 2019.",
            "Does anyone know whether the path along the ladder will be open to walkers?",
            "The path opens in June according to the leaflet they handed out on Monday.",
        };
        for (int i = 0; i < replies.length; i++) {
            thread.append("""
                    <div class="k2"><span class="by">reader%d</span> <span>12.05.2024</span><p>%s</p>
                    <a href="#">Antworten</a></div>
                    """.formatted(i, replies[i]));
        }
        String html = articlePage(thread.append("</div>").toString());

        assertThat(extract(html, false).text())
                .contains("budget for them is secured")
                .doesNotContain("walkers");
        assertThat(extract(html, true).text())
                .contains("Comments\n\nreader0 · 12.05.2024\n\nGood to see the authority");
    }

    @Test
    void aForumThreadKeepsItsDatedPostsWithTheirAuthors() {
        StringBuilder posts = new StringBuilder();
        String[] texts = {
            "Has anyone fitted the new fish counter at the top pool? Ours reports every fish twice.",
            "Yes, check the sensor spacing, the manual says forty centimetres between the two gates.",
            "Thanks, that was it. The counts look right now after moving the second gate back.",
        };
        for (int i = 0; i < texts.length; i++) {
            posts.append("""
                    <div class="post"><div class="author"><a href="/u/%d">member%d</a></div><time>3 May 2024</time>
                    <div class="body"><p>%s</p></div><a href="#">Reply</a></div>
                    """.formatted(i, i, texts[i]));
        }
        String html = """
                <html><head><script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Counter"}
                </script></head><body><h1>Fish counter counts twice</h1><div class="thread">%s</div></body></html>
                """.formatted(posts);

        assertThat(extract(html, false).text()).contains(texts[0], texts[1], texts[2]);
    }

    @Test
    void aForumThreadWhosePostsAreMicrodataCommentsKeepsThem() {
        StringBuilder posts = new StringBuilder();
        String[] texts = {
            "My partner watches the evening news in English; the language is calm and easy to follow.",
            "There is also a news site for learners of English with short articles and audio for each one.",
            "I read the learners' site every morning now, it helped me a lot with my listening.",
        };
        for (int i = 0; i < texts.length; i++) {
            posts.append("""
                    <div id="post_%d" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body">
                    <div class="crawler-post-meta"><span itemprop="author">member%d</span>
                    <time itemprop="datePublished">April 5, 2023</time></div><div itemprop="text"><p>%s</p></div></div>
                    """.formatted(i + 2, i, texts[i]));
        }
        String html = """
                <html><body><div itemscope itemtype="http://schema.org/DiscussionForumPosting">
                <h1 itemprop="headline">Best news website for beginners?</h1>
                <div id="post_1" class="topic-body"><p itemprop="text">Which news website is easy enough for a beginner?</p></div>
                %s</div></body></html>
                """.formatted(posts);

        assertThat(extract(html, false).text()).contains(texts[0], texts[1], texts[2]);
    }
}
