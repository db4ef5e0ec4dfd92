package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.work.StopToken;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ContentLocatorTest {
    @Test
    void isBlockAnswersAsTheSetOfBlocks() {
        Set<String> names = new TreeSet<>(ContentLocator.BLOCKS);
        names.addAll(Set.of(
                "a", "span", "b", "i", "em", "strong", "img", "code", "body2", "DIV", "", "x-div", "svg", "script",
                "head", "title", "br", "input", "picture", "source", "time", "small", "sup", "label", "button"));
        for (String name : names) {
            assertThat(ContentLocator.isBlock(name)).as(name).isEqualTo(ContentLocator.BLOCKS.contains(name));
        }
    }

    @Test
    void theLocatorChoosesTheArticleOverTheNavigationAroundIt() {
        String prose = "This sentence is plain prose that a reader came to the page to read. ".repeat(6);
        Document page = Jsoup.parse("<div id=nav><ul><li><a href=/a>Home</a><li><a href=/b>News</a>"
                + "<li><a href=/c>About</a></ul></div>"
                + "<div id=story><h1>Title</h1><p>" + prose + "</p><p>" + prose + "</p></div>"
                + "<div id=foot><a href=/d>Contact</a> <a href=/e>Imprint</a></div>");
        Element main = ContentLocator.locate(page.body(), StopToken.none()).main();
        assertThat(main.id()).isEqualTo("story");
    }

    @Test
    void theCountsFromTheLocatorsLengthsAreThoseOfAFreshMeasureOfTheMainContent() {
        Random random = new Random(15);
        String prose = "<p>" + "Plain prose a reader came for, long enough to score. ".repeat(3) + "</p>";
        for (int page = 0; page < 300; page++) {
            Element root = Jsoup.parseBodyFragment(KeptLengthsTest.randomHtml(random, 4)
                            + (random.nextBoolean() ? prose : "")
                            + KeptLengthsTest.randomHtml(random, 3))
                    .body();
            ContentLocator.Located located = ContentLocator.locate(root, StopToken.none());
            TextLengths counts = located.counts();
            TextLengths fresh = TextLengths.of(located.main());
            for (Element e : located.main().getAllElements()) {
                assertThat(counts.text(e)).as("text of %s", e.cssSelector()).isEqualTo(fresh.text(e));
                assertThat(counts.linkText(e))
                        .as("link text of %s", e.cssSelector())
                        .isEqualTo(fresh.linkText(e));
            }
            Element added = new Element("p").appendText("added text");
            located.main().appendChild(added);
            counts.added(added);
            assertThat(counts.text(located.main())).isEqualTo(fresh.text(located.main()) + 9);
        }
    }
}
