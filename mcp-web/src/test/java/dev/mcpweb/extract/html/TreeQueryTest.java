package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;

class TreeQueryTest {
    @Test
    void findsWhatJsoupsSelectFindsInTheSameOrderRootIncluded() {
        Element root = Jsoup.parse("""
                        <body><h2 id="a">One</h2><div><h3 class="x">Two</h3><section><h2>Three</h2></section></div>
                        <script type="application/ld+json">{}</script><SCRIPT TYPE=" Application/LD+JSON ">{}</SCRIPT>
                        <meta property="og:type" content="article"><div aria-controls="p1 p2"><h6>Four</h6></div>
                        <div itemscope itemtype="https://schema.org/Product"></div><figure class="wp-caption"></figure>
                        </body>""").body();
        for (String query : List.of(
                "h2, h3, h4, h5, h6",
                "script[type=application/ld+json]",
                "meta[property=og:type]",
                "[itemscope][itemtype~=(?i)schema\\.org/Product$]",
                "[aria-controls]",
                "figure, figcaption, .wp-caption, .wp-caption-text",
                "body, div")) {
            Evaluator parsed = QueryParser.parse(query);
            assertThat(TreeQuery.select(root, parsed))
                    .as(query)
                    .isNotEmpty()
                    .containsExactlyElementsOf(root.select(query));
        }
    }

    @Test
    void visitsEveryElementOnceInPageOrderAsJsoupListsThem() {
        Element root = Jsoup.parse("""
                        <p>a<b>b<i>c</i></b>d<!-- e --><span>f</span></p><ul><li>1<li>2<ul><li>3</ul></ul>
                        <table><tr><td>x<td>y</table>text""");
        List<Element> visited = new ArrayList<>();
        TreeQuery.forEachElement(root, visited::add);
        assertThat(visited).hasSize(18).containsExactlyElementsOf(root.getAllElements());
    }
}
