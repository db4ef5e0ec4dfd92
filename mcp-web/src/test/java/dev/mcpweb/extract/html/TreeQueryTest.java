package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
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

    @Test
    void theOutermostAcceptedCandidatesAreWhatAWalkStoppingAtThemFinds() {
        Random random = new Random(16);
        int found = 0;
        for (int page = 0; page < 2_000; page++) {
            Element root =
                    Jsoup.parse(randomTree(random, 3 + random.nextInt(4))).body();
            List<Element> candidates = new ArrayList<>();
            List<Element> acceptable = new ArrayList<>(); // of the candidates, those accepted when asked
            for (Element e : root.getAllElements()) {
                if (random.nextInt(4) == 0) {
                    candidates.add(e);
                    if (random.nextInt(3) != 0) {
                        acceptable.add(e);
                    }
                }
            }
            Predicate<Element> accept = acceptable::contains;
            List<Element> walked = new ArrayList<>();
            TreeQuery.forEachElementWhile(root, e -> {
                if (accept.test(e)) {
                    walked.add(e);
                    return false;
                }
                return true;
            });

            assertThat(TreeQuery.outermost(candidates, accept)).containsExactlyElementsOf(walked);
            found += walked.size();
        }
        assertThat(found).isGreaterThan(10_000); // the candidates nest, and the walk stops at many
    }

    private static String randomTree(Random random, int depth) {
        StringBuilder html = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            String tag = List.of("div", "section", "p", "span").get(random.nextInt(4));
            html.append('<').append(tag).append('>');
            if (depth > 0) {
                html.append(randomTree(random, depth - 1));
            }
            html.append("</").append(tag).append('>');
        }
        return html.toString();
    }
}
