package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class StreamedSegmentsTest {
    private static MainContent extract(String html) {
        return new MainContentExtractor().extract(Jsoup.parse(html, "https://example.org/guide"), false);
    }

    @Test
    void anArticleStreamedInHiddenSegmentsIsReadInPlaceWithoutItsLoadingFallbacks() {
        MainContent content = extract("""
                <html><body><header><a href="/">Home</a></header>
                <article><h1>How index funds work</h1>
                <!--$?--><template id="B:0"></template><div>Loading paragraph...</div><!--/$-->
                <template id="B:1"></template><div>Loading paragraph...</div>
                </article>
                <footer>Copyright Example</footer>
                <div hidden id="S:0"><p>An index fund buys every stock of an index in proportion to its weight,
                so its return follows the market's.</p><template id="P:2"></template></div>
                <div hidden id="S:1"><p>Low fees matter most, because they compound over decades of saving.</p></div>
                <div hidden id="S:2"><p>Rebalancing happens inside the fund, so owners never need to trade.</p></div>
                <script>$RC("B:0","S:0")</script>
                </body></html>
                """);

        assertThat(content.text())
                .containsSubsequence("How index funds work", "buys every stock", "Rebalancing happens", "Low fees")
                .doesNotContain("Loading");
    }

    @Test
    void aPlaceholderWithoutItsSegmentKeepsItsFallbackContent() {
        MainContent content = extract("""
                <html><body><article><h1>Opening hours</h1>
                <template id="B:0"></template><p>We are open from nine to five on weekdays, and until noon on
                Saturdays, except on public holidays.</p></article></body></html>
                """);

        assertThat(content.text()).contains("open from nine to five");
    }
}
