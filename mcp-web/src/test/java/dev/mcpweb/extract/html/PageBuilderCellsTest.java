package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageBuilderCellsTest {
    private final MainContentExtractor extractor = new MainContentExtractor();

    @Test
    void contentInPageBuilderCellsNamedWidgetIsKeptWhileSidebarWidgetsGo() {
        String html = """
                <html><body><header><a href="/">Harbour Dental</a></header>
                <div class="row-fluid"><div class="widget-span widget-type-cell span8">
                  <div id="widget_1716203344912" class="widget-span widget-type-rich_text">
                    <h1>Emergency dental care in Portside</h1>
                    <p>A cracked tooth or a lost filling cannot wait until next month. We keep two chairs free
                    every morning for emergencies and see most patients within two hours of their call.</p>
                  </div>
                  <div id="widget_1716203351207" class="widget-span widget-type-rich_text">
                    <h2>What to bring</h2>
                    <p>Bring a list of the medicines you take and, if a tooth was knocked out, keep it in milk;
                    a tooth replanted within an hour often heals well and lasts for years.</p>
                  </div>
                </div>
                <div class="span4"><div class="widget widget_recent_entries"><h3>Recent posts</h3>
                  <p>Our new hygienist joins the team this spring and brings twelve years of experience.</p></div></div>
                </div></body></html>
                """;

        String text = extractor
                .extract(Jsoup.parse(html, "https://example.org/emergency"), false)
                .text();

        assertThat(text).contains("We keep two chairs free").contains("keep it in milk");
        assertThat(text).doesNotContain("Our new hygienist");
    }
}
