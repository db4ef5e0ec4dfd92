package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Comments a page declares in its JSON-LD ({@code @type} Comment under the article) are recognised where
 * they stand, even when neither their names, a heading nor dates and reply links give them away.
 */
class DeclaredCommentsTest {
    private static final String PAGE = """
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Sourdough at altitude",
             "comment": [
              {"@type": "Comment", "author": {"@type": "Person", "name": "Martha"},
               "text": "I live at 2,000 metres and my starter only doubled once I moved it next to the stove."},
              {"@type": "Comment", "author": {"@type": "Person", "name": "Ben"},
               "text": "Less yeast works for bread machines too, I cut it by a third and the loaf stopped collapsing."}]}
            </script></head><body>
            <div class="page"><h1>Sourdough at altitude</h1>
            <p>Above 1,500 metres water boils at a lower temperature and dough rises faster, so a loaf that works
            at sea level comes out of the oven flat and dense unless the baker changes the recipe.</p>
            <p>Use a little less leaven, a little more water and a cooler spot for the first rise; shape the loaf
            earlier than usual and bake it ten degrees hotter for the first twenty minutes.</p>
            <p>Most bakers need two or three tries before the crumb opens up again, so keep notes of each bake.</p>
            <div class="x1"><div class="x2"><b>Martha</b><p>I live at 2,000 metres and my starter only doubled
            once I moved it next to the stove.</p></div>
            <div class="x2"><b>Ben</b><p>Less yeast works for bread machines too, I cut it by a third and the loaf
            stopped collapsing.</p></div></div>
            </div></body></html>
            """;

    private final MainContentExtractor extractor = new MainContentExtractor();

    private String text(boolean includeComments) {
        return extractor
                .extract(Jsoup.parse(PAGE, "https://example.org/blog/sourdough"), includeComments)
                .text();
    }

    @Test
    void commentsDeclaredInJsonLdAreLeftOutOfTheArticle() {
        assertThat(text(false))
                .contains("water boils at a lower temperature", "keep notes of each bake")
                .doesNotContain("next to the stove", "bread machines");
    }

    @Test
    void commentsDeclaredInJsonLdFollowTheArticleWhenAskedFor() {
        String text = text(true);

        assertThat(text).contains("keep notes of each bake", "Comments", "next to the stove", "bread machines");
        assertThat(text.indexOf("next to the stove")).isGreaterThan(text.indexOf("keep notes of each bake"));
    }
}
