package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.document.Document;
import java.net.URI;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MainContentExtractorTest {
    private final MainContentExtractor extractor = new MainContentExtractor();

    private MainContent extract(String html) {
        return extractor.extract(Jsoup.parse(html, "https://example.org/section/page.html"), false);
    }

    private static String chrome(String main) {
        return """
                <html><head><title>Site</title></head><body>
                <div id="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
                <header class="site-header"><a href="/">Home</a> <a href="/about">About us</a>
                  <nav><ul><li><a href="/a">Products</a></li><li><a href="/b">Pricing</a></li>
                  <li><a href="/c">Contact</a></li></ul></nav></header>
                <div class="layout">
                  <aside class="sidebar"><h3>Popular posts</h3><ul><li><a href="/p1">Ten tricks for gardens</a></li>
                  <li><a href="/p2">Why bees matter to everyone</a></li></ul></aside>
                  %s
                </div>
                <div class="share-buttons"><a href="https://twitter.com/share">Share on Twitter</a></div>
                <footer><p>Copyright 2024 Example Media Group. All rights reserved worldwide.</p>
                  <a href="/privacy">Privacy policy</a></footer>
                </body></html>
                """.formatted(main);
    }

    @Test
    void aProductDescriptionDeclaredOnlyInJsonLdIsAddedOnceAndAShownOneIsNotRepeated() {
        String jsonLd = """
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
                "name":"Trail pack 25","description":"Made from recycled nylon with a rain cover tucked in the lid."}
                </script>""";
        MainContent hidden = extract(chrome(jsonLd + """
                <main><h1>Trail pack 25</h1><p>Our lightest day pack, with room for a jacket, lunch and water
                for a long hike.</p></main>"""));
        MainContent shown = extract(chrome(jsonLd + """
                <main><h1>Trail pack 25</h1><p>Made from recycled nylon, with a rain cover tucked in the lid.</p>
                <p>Our lightest day pack, with room for a jacket, lunch and water for a long hike.</p></main>"""));

        assertThat(hidden.text()).contains("lightest day pack").contains("recycled nylon with a rain cover");
        assertThat(shown.text().split("recycled nylon", -1)).hasSize(2);
    }

    @Test
    void aParagraphRepeatedForAnotherScreenSizeAppearsOnce() {
        MainContent content = extract(chrome("""
                <article><h1>Trail pack 25</h1>
                <div class="mobile"><h2>Carry everything you need for a day</h2>
                <p>A light frame and a ventilated back panel keep the load steady on steep climbs.</p></div>
                <div class="desktop"><h2>Carry everything you need for a day</h2>
                <p>A light frame and a ventilated back panel keep the load steady on steep climbs.</p></div>
                <p>Yes</p><p>Yes</p></article>
                """));

        assertThat(content.text().split("ventilated back panel", -1)).hasSize(2);
        assertThat(content.text().split("Carry everything", -1)).hasSize(2);
        assertThat(content.text().split("Yes", -1))
                .as("short labels may repeat")
                .hasSize(3);
    }

    @Test
    void anArticleKeepsItsProseAndDropsNavigationSidebarShareButtonsAndFooter() {
        MainContent content = extract(chrome("""
                <article><h1>How composting works</h1>
                <p>Composting turns kitchen scraps into rich soil through the work of microbes, fungi and worms.</p>
                <p>A good heap needs a balance of green material, brown material, air and moisture to stay active.</p>
                <p>Turn the heap every few weeks so that oxygen reaches the middle and the process keeps going.</p>
                </article>
                """));

        assertThat(content.text())
                .contains("Composting turns kitchen scraps")
                .contains("Turn the heap every few weeks")
                .doesNotContain("cookies")
                .doesNotContain("Pricing")
                .doesNotContain("Popular posts")
                .doesNotContain("Share on Twitter")
                .doesNotContain("Copyright");
        assertThat(content.markdown()).contains("# How composting works");
    }

    @Test
    void readerCommentsUnderAnArticleAreDroppedUnlessAskedFor() {
        String html = chrome("""
                <main><article><h1>Bread at home</h1>
                <p>Baking bread at home needs flour, water, salt, yeast and above all a little patience every time.</p>
                <p>Knead the dough until it is smooth and elastic, then leave it to rise in a warm place for an hour.</p>
                <p>Shape the loaf, let it prove again and bake it in a hot oven until the crust sounds hollow.</p>
                </article>
                <section id="comments" class="comments-area"><h2>3 comments</h2>
                <div class="comment"><p>Lovely recipe, my loaf came out perfectly on the first try, thank you!</p></div>
                </section></main>
                """);

        assertThat(extract(html).text()).contains("Knead the dough").doesNotContain("Lovely recipe");
        MainContent withComments = extractor.extract(Jsoup.parse(html, "https://example.org/"), true);
        assertThat(withComments.text()).contains("Knead the dough").contains("Lovely recipe");
    }

    @Test
    void aForumThreadKeepsEveryPost() {
        StringBuilder posts = new StringBuilder();
        String[] bodies = {
            "My router drops the connection every evening around eight, has anyone seen this before with firmware two?",
            "Yes, the same here. Rolling back to the previous firmware fixed it for me after a week of trouble.",
            "Check the channel width too; on a crowded band the automatic setting misbehaves in the evening.",
            "Thanks all, the rollback worked and I also pinned the channel width to forty megahertz now."
        };
        for (int i = 0; i < bodies.length; i++) {
            posts.append("<div class=\"comment post\" id=\"post-%d\"><div class=\"author\">user%d</div><p>%s</p></div>"
                    .formatted(i, i, bodies[i]));
        }
        MainContent content = extract(chrome("<main><h1>Router drops connection</h1>" + posts + "</main>"));

        for (String body : bodies) {
            assertThat(content.text()).contains(body);
        }
        assertThat(content.text()).doesNotContain("Privacy policy");
    }

    @Test
    void aProductPageKeepsDescriptionAndSpecifications() {
        MainContent content = extract(chrome("""
                <main><div class="product"><h1>Trail Runner 3 shoe</h1><div class="price">$120.00</div>
                <div class="description"><p>A light trail shoe with a grippy outsole and a cushioned midsole for long days.</p></div>
                <h2>Specifications</h2>
                <table><tr><th>Weight</th><td>280 g</td></tr><tr><th>Drop</th><td>6 mm</td></tr>
                <tr><th>Upper</th><td>Recycled mesh</td></tr></table>
                <button class="add-to-cart">Add to cart</button></div></main>
                """));

        assertThat(content.text())
                .contains("light trail shoe")
                .contains("Weight | 280 g")
                .contains("Recycled mesh")
                .doesNotContain("Add to cart");
        assertThat(content.markdown()).contains("| Weight | 280 g |");
    }

    @Test
    void aListingKeepsEveryItemIncludingTeaserLinks() {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            items.append("""
                    <div class="card"><a href="/news/%d"><h3>Council approves new cycle lane number %d</h3>
                    <p>The plan adds protected lanes on the high street and near the schools of district %d.</p></a></div>
                    """.formatted(i, i, i));
        }
        MainContent content =
                extract(chrome("<main><h1>Local news</h1><div class=\"grid\">" + items + "</div></main>"));

        for (int i = 1; i <= 6; i++) {
            assertThat(content.text()).contains("Council approves new cycle lane number " + i);
        }
        assertThat(content.contentLinks())
                .extracting(Document.Link::url)
                .contains(URI.create("https://example.org/news/3"));
    }

    @Test
    void aCollectionPageKeepsItsProductTiles() {
        StringBuilder tiles = new StringBuilder();
        String[] names = {"Oak dining table", "Walnut side table", "Pine coffee table", "Ash desk", "Birch shelf"};
        for (String name : names) {
            tiles.append(("<li class=\"product-tile\"><a href=\"/p\">%s</a><span class=\"price\">$199</span>"
                            + "<p>Hand finished with natural oil, made from certified timber.</p></li>")
                    .formatted(name));
        }
        MainContent content = extract(chrome("""
                <main><h1>Tables</h1><p>Solid wood tables made to order in our workshop, delivered within four weeks.</p>
                <ul class="products">%s</ul></main>
                """.formatted(tiles)));

        assertThat(content.text()).contains("Solid wood tables");
        for (String name : names) {
            assertThat(content.text()).contains(name);
        }
    }

    @Test
    void documentationKeepsCodeWithItsLanguageAndDropsTheSidebar() {
        MainContent content = extract(chrome("""
                <div class="docs-sidebar sidebar"><ul><li><a href="/docs/install">Install</a></li>
                <li><a href="/docs/config">Configure</a></li></ul></div>
                <main><h1>Quick start</h1>
                <p>Install the client library and create a connection with your API key as shown below.</p>
                <pre><code class="language-python">import client
                conn = client.connect(key="secret")
                print(conn.status())</code></pre>
                <p>The connection object is safe to share between threads and reconnects on its own.</p></main>
                """));

        assertThat(content.text()).contains("Install the client library").doesNotContain("Configure");
        assertThat(content.codeBlocks()).singleElement().satisfies(code -> {
            assertThat(code.language()).isEqualTo("python");
            assertThat(code.code()).contains("conn = client.connect(key=\"secret\")");
        });
        assertThat(content.markdown()).contains("```python\nimport client");
    }

    @Test
    void aServicePageKeepsAllItsSections() {
        MainContent content = extract(chrome("""
                <main>
                <section class="hero"><h1>Garden design</h1><p>We design gardens that are easy to look after and beautiful all year.</p></section>
                <section><h2>Consultation</h2><p>A two-hour visit where we walk the site with you and listen to your wishes.</p></section>
                <section><h2>Planting plans</h2><p>Detailed plans with plant lists chosen for your soil, light and budget.</p></section>
                <section><h2>Frequently asked questions</h2><h3>How long does a design take?</h3>
                <p>Most designs are ready three to four weeks after the first visit to the garden.</p></section>
                </main>
                """));

        assertThat(content.text())
                .contains("We design gardens")
                .contains("A two-hour visit")
                .contains("Detailed plans with plant lists")
                .contains("How long does a design take?");
    }

    @Test
    void hiddenElementsAreDropped() {
        MainContent content = extract(chrome("""
                <article><p>Visible paragraph about the migration of swallows across the Sahara every autumn.</p>
                <p hidden>Hidden attribute text that nobody sees on the rendered page at all.</p>
                <p aria-hidden="true">Aria hidden text that screen readers and eyes both skip entirely.</p>
                <div style="display: none">Inline display none text used for a collapsed menu panel.</div>
                <div style="color:red; visibility:hidden">Visibility hidden text that keeps its space only.</div>
                <p>Another visible paragraph about how swallows find their way back to the same barn.</p></article>
                """));

        assertThat(content.text())
                .contains("Visible paragraph")
                .contains("Another visible paragraph")
                .doesNotContain("Hidden attribute")
                .doesNotContain("Aria hidden")
                .doesNotContain("Inline display none")
                .doesNotContain("Visibility hidden");
    }

    @Test
    void theCallersDocumentIsLeftUntouched() {
        org.jsoup.nodes.Document page = Jsoup.parse(chrome("<article><p>Some article text here.</p></article>"));
        String before = page.outerHtml();

        extractor.extract(page, false);

        assertThat(page.outerHtml()).isEqualTo(before);
    }

    @Test
    void aPageWhoseTextOnlyLivesInJsonLdFallsBackToIt() {
        MainContent content = extract("""
                <html><head><script type="application/ld+json">
                {"@context":"https://schema.org","@type":"Product","name":"Kettle",
                 "description":"A quiet stainless steel kettle that boils a litre of water in under three minutes and switches itself off. It keeps the water warm for thirty minutes and has a filter that catches limescale before it reaches your cup of tea."}
                </script></head><body><div id="app"></div></body></html>
                """);

        assertThat(content.text()).contains("quiet stainless steel kettle");
    }

    @Test
    void anArticleThatShowsAFractionOfTheBodyItDeclaresFallsBackToTheDeclaredBody() {
        String story = "The council voted on Tuesday to close the old bridge to cars from May. ".repeat(40);
        String page = """
                <html><head><meta property="og:type" content="article"><script type="application/ld+json">
                {"@context":"https://schema.org","@type":"NewsArticle","headline":"Old bridge closes to cars",
                 "articleBody":"%s"}
                </script></head><body><main><h1>Old bridge closes to cars</h1>
                <p>The bridge will be open to walkers and cyclists only, the council decided after a long debate.
                Buses are rerouted over the new crossing downstream, and the ferry runs every twenty minutes
                until the repairs are done, which the engineers expect to take two years and a half.</p>
                %s</main></body></html>
                """;

        assertThat(extract(page.formatted(story, "")).text()).contains("voted on Tuesday to close the old bridge");
        String shown = IntStream.rangeClosed(1, 12)
                .mapToObj(n ->
                        "<p>Part %d of the story is shown here, in the page, sentence by sentence.</p>".formatted(n))
                .collect(Collectors.joining());
        assertThat(extract(page.formatted(story, shown)).text())
                .contains("Part 6 of the story is shown here")
                .doesNotContain("voted on Tuesday");
    }

    @Test
    void deeplyNestedTagsDoNotOverflowTheStack() {
        String html = "<div>".repeat(50_000) + "<p>Deep text at the bottom of the tree.</p>" + "</div>".repeat(50_000);

        MainContent content = extract(html);

        assertThat(content.text()).contains("Deep text at the bottom");
    }

    @Test
    void hugeAttributesAndEmptyPagesAreHandled() {
        String huge = "x".repeat(2_000_000);
        MainContent content = extract(
                "<div class=\"" + huge + "\" style=\"" + huge + "\"><p>Text beside a huge attribute value.</p></div>");
        assertThat(content.text()).contains("Text beside a huge attribute");
        assertThat(extract("").text()).isEmpty();
    }
}
