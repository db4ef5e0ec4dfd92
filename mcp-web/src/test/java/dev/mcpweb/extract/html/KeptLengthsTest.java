package dev.mcpweb.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.junit.jupiter.api.Test;

/**
 * One measure kept current across removals, wrappers and added elements counts what a measure taken
 * afresh counts: the rules after the locator share one instead of each measuring the content anew.
 */
class KeptLengthsTest {
    private static final String[] TAGS = {"div", "p", "a", "span", "section", "li", "h2"};
    private static final String[] WORDS = {"alpha", " ", "  beta\u00a0", "\n", "gamma delta", "\u2003", "é"};

    @Test
    void removalsWrappersAndAddedElementsKeepTheCountsAFreshMeasureGives() {
        Random random = new Random(14);
        for (int page = 0; page < 300; page++) {
            Element root = Jsoup.parseBodyFragment(randomHtml(random, 3)).body().child(0);
            TextLengths kept = TextLengths.of(root);
            for (int step = 0; step < 12; step++) {
                List<Element> under =
                        root.getAllElements().subList(1, root.getAllElements().size());
                if (under.isEmpty()) {
                    break;
                }
                Element e = under.get(random.nextInt(under.size()));
                switch (random.nextInt(4)) {
                    case 0 -> kept.remove(e);
                    case 1 -> {
                        Element copy = e.clone();
                        e.before(copy);
                        kept.added(copy);
                    }
                    case 2 -> wrapChildren(e, kept);
                    default -> {
                        kept.removeLater(e);
                        if (random.nextBoolean()) {
                            kept.remove(under.get(random.nextInt(under.size())));
                        }
                        kept.settle();
                    }
                }
                assertSameCounts(root, kept);
            }
        }
    }

    @Test
    void aRemovalLaterLeavesTheCountsAsTheyWereUntilSettled() {
        Element root = Jsoup.parseBodyFragment("<div><p>one two</p><div><p>three <a href=x>four</a></p></div></div>")
                .body()
                .child(0);
        TextLengths kept = TextLengths.of(root);
        Element inner = root.child(1);

        kept.removeLater(inner.child(0));
        assertThat(kept.text(root)).isEqualTo(15);
        assertThat(kept.linkText(inner)).isEqualTo(4);

        kept.settle();
        assertThat(kept.text(root)).isEqualTo(6);
        assertThat(kept.linkText(inner)).isZero();
    }

    @Test
    void narrowingToAnElementInsideALinkCountsItsTextAsAMeasureOfItAloneDoes() {
        Element root = Jsoup.parseBodyFragment("<div><a href=x><article><p>story text</p></article></a></div>")
                .body()
                .child(0);
        Element article = root.selectFirst("article");

        TextLengths narrowed = TextLengths.of(root).narrowedTo(article);

        assertThat(narrowed.linkText(article)).isZero();
        assertThat(narrowed.text(article)).isEqualTo(9);
    }

    private static void wrapChildren(Element e, TextLengths kept) {
        List<Node> children = new ArrayList<>(e.childNodes());
        if (children.isEmpty()) {
            return;
        }
        Element wrapper = new Element("loose-run");
        children.getFirst().before(wrapper);
        for (Node child : children) {
            wrapper.appendChild(child);
        }
        kept.wrapped(wrapper);
    }

    private static void assertSameCounts(Element root, TextLengths kept) {
        TextLengths fresh = TextLengths.of(root);
        for (Element e : root.getAllElements()) {
            assertThat(kept.text(e)).as("text of %s", e.cssSelector()).isEqualTo(fresh.text(e));
            assertThat(kept.linkText(e)).as("link text of %s", e.cssSelector()).isEqualTo(fresh.linkText(e));
        }
    }

    static String randomHtml(Random random, int depth) {
        StringBuilder html = new StringBuilder("<div>");
        int children = 1 + random.nextInt(4);
        for (int i = 0; i < children; i++) {
            if (depth > 0 && random.nextInt(3) > 0) {
                String tag = TAGS[random.nextInt(TAGS.length)];
                html.append('<').append(tag).append('>');
                html.append(randomHtml(random, depth - 1));
                html.append("</").append(tag).append('>');
            } else {
                html.append(WORDS[random.nextInt(WORDS.length)]);
            }
        }
        return html.append("</div>").toString();
    }
}
