package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TagNamesTest {
    @Test
    void matchesWhatJsoupsQueryOfTheSameNamesMatches() {
        Element root = Jsoup.parse("""
                        <BODY><H2 id="a">One</H2><div><h3 class="h2">Two</h3><section><h2>Three</h2></section></div>
                        <article><p>Four<strong>five</strong><b>six</b></p><h6>Seven</h6><figure></figure></article>
                        <main><h1>Eight</h1><ul><li><em>nine</em><i>ten</i></ul><aside><h4>Eleven</h4></aside></main>
                        <svg><title>Twelve</title></svg><h5>Thirteen</h5><ol><li>fourteen</ol></BODY>""").body();
        String[][] queries = {
            {"h2", "h3", "h4", "h5", "h6"},
            {"h1", "article", "main"},
            {"p", "h1", "h2", "h3", "h4", "h5", "h6"},
            {"h1", "h2", "h3", "h4", "h5", "h6", "p", "figure"},
            {"div", "ul", "section", "aside"},
            {"ul", "ol", "div", "section"},
            {"strong", "b", "em", "i"}
        };
        for (String[] names : queries) {
            String query = String.join(", ", names);
            assertThat(TreeQuery.select(root, TagNames.of(names)))
                    .as(query)
                    .isNotEmpty()
                    .containsExactlyElementsOf(root.select(query));
            assertThat(root.select(TagNames.of(names))).as(query).containsExactlyElementsOf(root.select(query));
        }
    }
}
