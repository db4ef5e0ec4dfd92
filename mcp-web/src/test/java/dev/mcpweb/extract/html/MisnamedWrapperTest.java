package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MisnamedWrapperTest {
    private static MainContent extract(String html) {
        return new MainContentExtractor().extract(Jsoup.parse(html, "https://example.org/blog/post"), false);
    }

    /** A list of {@code count} links, to {@code path} and {@code label} followed by their number. */
    private static String links(String path, String label, int count) {
        StringBuilder list = new StringBuilder("<ul>");
        for (int i = 0; i < count; i++) {
            list.append("<li><a href=\"")
                    .append(path)
                    .append(i)
                    .append("\">")
                    .append(label)
                    .append(i)
                    .append("</a></li>");
        }
        return list.append("</ul>").toString();
    }

    @Test
    void anArticleInsideALayoutWidgetStaysEvenBesideAMenuWithMoreText() {
        String menu = "<header>" + links("/topic/", "Topic number ", 120) + "</header>";
        String paragraph = "<p>Regulators spent the year writing rules for stablecoins instead of suing issuers, and"
                + " banks started to take part in the market as a result of that clarity.</p>";
        MainContent content = extract("<html><body>" + menu + """
                <div class="widget-span widget-type-cell"><h1>The year in crypto regulation</h1>%s</div>
                <div class="sidebar-widget"><p>Subscribe to our weekly letter.</p></div>
                </body></html>""".formatted(paragraph.repeat(8)));

        assertThat(content.text()).contains("The year in crypto regulation", "banks started to take part");
        assertThat(content.text()).doesNotContain("Topic number", "weekly letter");
    }

    @Test
    void aWrapperNamedForAFeatureItHasIsNotThatFeature() {
        String menu = "<div class=\"site-links\">" + links("/section/", "Section number ", 60) + "</div>";
        String story = "<p>The press secretary is leaving her role at the studio after five years, she said.</p>"
                + "<p>She will take some time to figure out what comes next and has no set ideas yet.</p>";
        for (String name :
                new String[] {"box article modal-enabled", "has-sidebar", "with-sidebar", "share-disabled"}) {
            String text = extract("<html><body>" + menu + "<div class=\"" + name + "\"><h1>She exits the studio</h1>"
                            + story + "</div><div class=\"sidebar\"><p>Most read today</p></div></body></html>")
                    .text();

            assertThat(text).as(name).contains("She exits the studio", "figure out what comes next");
            assertThat(text).as(name).doesNotContain("Most read today");
        }
    }

    @Test
    void aSectionWhoseBemModifierNamesAdsIsStillTheSection() {
        String menu = "<nav>" + links("/section/", "Section number ", 20) + "</nav>";
        String section =
                "<section class=\"TestReport__Section TestReport__Section--Ads\"><h2>%s</h2><p>%s</p><p>%2$s</p>"
                        + "<div class=\"ad-slot\">Advertisement slot</div></section>";
        String page = "<html><body>" + menu + "<h1>The phone in our test</h1>"
                + section.formatted(
                        "Display",
                        "The screen is bright enough to read in full sun, and its colours" + " stay true at an angle.")
                + section.formatted(
                        "Battery",
                        "The battery lasted two days of ordinary use in our test and charged" + " fully in an hour.")
                + "</body></html>";

        String text = extract(page).text();

        assertThat(text).contains("bright enough to read in full sun", "lasted two days of ordinary use");
        assertThat(text).doesNotContain("Advertisement slot", "Section number");
    }

    @Test
    void aWrapperNamedForTheSidebarBesideTheStoryIsNotTheSidebar() {
        String menu = "<div class=\"site-links\">" + links("/section/", "Section number ", 120) + "</div>";
        String sidebar = "<div class=\"cb-sidebar\"><p>Most read today</p>" + "<p>"
                + "Our readers liked the long interview with the poet about her garden. ".repeat(4) + "</p></div>";
        String page = "<html><body>" + menu + "<h1>The author on her new novel</h1>"
                + "<div class=\"cb-post-wrap cb-sidebar-right\"><div class=\"cb-main\"><article class=\"post\">"
                + "<p>The author talks about writing her novel, in which the heroine questions her own role.</p>"
                + "<p>The interview was led by a colleague.</p></article></div>" + sidebar + "</div>"
                + "</body></html>";

        String text = extract(page).text();

        assertThat(text).contains("the heroine questions her own role", "The interview was led by a colleague");
        assertThat(text).doesNotContain("Most read today", "Section number");
    }

    @Test
    void aSidebarOfArticleTeasersIsStillTheSidebar() {
        String teaser = "<article><h3><a href=\"/post/%d\">Other story number %d</a></h3>"
                + "<p>A summary of another story that readers of this site may like to read next week.</p></article>";
        StringBuilder sidebar = new StringBuilder("<div class=\"sidebar\">");
        for (int i = 0; i < 3; i++) {
            sidebar.append(teaser.formatted(i, i));
        }
        String story = "<p>The council voted on the new budget after a long debate about the town's schools.</p>";
        String page = "<html><body><main><h1>Council passes the budget</h1>" + story.repeat(6) + "</main>" + sidebar
                + "</div></body></html>";

        String text = extract(page).text();

        assertThat(text).contains("Council passes the budget", "the town's schools");
        assertThat(text).doesNotContain("Other story number", "readers of this site");
    }

    @Test
    void sectionsATableOfContentsLinksToAreNotTheTableOfContents() {
        StringBuilder page = new StringBuilder("<html><body><nav><a href=\"/\">Home</a></nav><article>"
                + "<h1>Ways to measure body fat</h1><div class=\"toc\"><ul>");
        for (int i = 1; i <= 4; i++) {
            page.append("<li><a href=\"#TOC_TITLE_")
                    .append(i)
                    .append("\">Method ")
                    .append(i)
                    .append("</a></li>");
        }
        page.append("</ul></div>");
        for (int i = 1; i <= 4; i++) {
            page.append("<div class=\"content_body\" id=\"TOC_TITLE_")
                    .append(i)
                    .append("\"><h2>Method ")
                    .append(i)
                    .append("</h2><p>Method ")
                    .append(i)
                    .append(" estimates the share of fat in the body from a measurement that takes a few minutes,"
                            + " and its error depends on who takes it and how often it is repeated. Compared with"
                            + " the others it costs little, and a clinic near you is likely to offer it.</p></div>");
        }
        String text =
                extract(page.append("</article></body></html>").toString()).text();

        assertThat(text).contains("Method 1 estimates the share", "Method 4 estimates the share");
        assertThat(text).doesNotContain("Method 1 Method 2");

        String sidebar = page.toString()
                .replace(
                        "</article>",
                        "</article><div class=\"toc sidebar\"><p>" + "Our clinic offers every method. ".repeat(10)
                                + "</p></div>");
        assertThat(extract(sidebar).text()).as("another name says furniture").doesNotContain("Our clinic");
    }

    @Test
    void aShopsSeoCopyInAFooterBlockStaysOutHoweverLong() {
        StringBuilder grid = new StringBuilder("<main><h1>Espresso machines</h1><ul>");
        for (int i = 0; i < 80; i++) {
            grid.append("<li><a href=\"/p/")
                    .append(i)
                    .append("\">Espresso machine model ")
                    .append(i)
                    .append(" in brushed steel</a> <span>$")
                    .append(200 + i)
                    .append("</span></li>");
        }
        grid.append("</ul></main>");
        String copy = "<p>Finding the right espresso machine means weighing heat-up time, milk frothing and the size"
                + " of the portafilter against the price you are ready to pay for it.</p>";
        String text = extract("<html><body>" + grid + "<div class=\"intro-content opt-footer-body\">" + copy.repeat(7)
                        + "</div></body></html>")
                .text();

        assertThat(text).contains("Espresso machine model 7").doesNotContain("weighing heat-up time");
    }
}
