package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MisnamedWrapperTest {
    private static MainContent extract(String html) {
        return new MainContentExtractor().extract(Jsoup.parse(html, "https://example.org/blog/post"), false);
    }

    @Test
    void anArticleInsideALayoutWidgetStaysEvenBesideAMenuWithMoreText() {
        StringBuilder menu = new StringBuilder("<header><ul>");
        for (int i = 0; i < 120; i++) {
            menu.append("<li><a href=\"/topic/")
                    .append(i)
                    .append("\">Topic number ")
                    .append(i)
                    .append("</a></li>");
        }
        menu.append("</ul></header>");
        String paragraph = "<p>Regulators spent the year writing rules for stablecoins instead of suing issuers, and"
                + " banks started to take part in the market as a result of that clarity.</p>";
        MainContent content = extract("<html><body>" + menu + """
                <div class="widget-span widget-type-cell"><h1>The year in crypto regulation</h1>%s</div>
                <div class="sidebar-widget"><p>Subscribe to our weekly letter.</p></div>
                </body></html>""".formatted(paragraph.repeat(8)));

        assertThat(content.text()).contains("The year in crypto regulation", "banks started to take part");
        assertThat(content.text()).doesNotContain("Topic number", "weekly letter");
    }
}
