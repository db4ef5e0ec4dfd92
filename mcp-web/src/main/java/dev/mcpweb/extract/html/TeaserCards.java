package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * On a page that declares one article, removes the cards that lead to other stories: a link that wraps
 * a whole card (a headline with its kicker and summary, or a figure with its caption), and rows of
 * teasers, each a block under a linked headline with at most a short summary. A story's own headings
 * carry no links, and its paragraphs sit inside no link; a row of linked headlines with a line under
 * each is the look of every "more from", "next stories" and "latest" box in any language.
 */
final class TeaserCards {
    private static final Evaluator HEADINGS = TagNames.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Evaluator CARD_BLOCKS = TagNames.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "figure");
    /** A link with less text than this is a word or two linked in passing. */
    private static final int MIN_HEADLINE = 15;
    /** A heading at least this share link text is a linked headline. */
    private static final double LINKED = 0.6;
    /** A teaser longer than this holds more than a summary. */
    private static final int MAX_ITEM = 600;
    /** Fewer teasers side by side than this are no row. */
    private static final int MIN_ITEMS = 2;
    /** The share of a block's text its teasers hold for the block to be a row of them. */
    private static final double ROW_SHARE = 0.85;
    /** A heading this short just before a row is its label ("More from us"). */
    private static final int MAX_LABEL = 80;
    /** Above this share of the text in cards the page is a list of them (a topic page), whatever it declares. */
    private static final double MAX_CARDS = 0.3;

    private TeaserCards() {}

    /** Removes the teaser cards and rows under {@code main}, never all of it. */
    static void remove(Element main, TextLengths lengths) {
        Set<Element> doomed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element link : TreeQuery.byTag(main, "a")) {
            int text = lengths.text(link);
            if (leadsElsewhere(link)
                    && text >= 2 * MIN_HEADLINE
                    && !TreeQuery.select(link, CARD_BLOCKS).isEmpty()) {
                Element card = link;
                while (card.parent() != null && card.parent() != main && lengths.text(card.parent()) == text) {
                    card = card.parent();
                }
                doomed.add(card);
            }
        }
        List<Element> all = main.getAllElements();
        for (int i = all.size() - 1; i > 0; i--) { // children before their parents
            Element block = all.get(i);
            int items = 0;
            int teased = 0;
            for (Element child = block.firstElementChild(); child != null; child = child.nextElementSibling()) {
                if (doomed.contains(child) || isTeaser(child, lengths)) {
                    items++;
                    teased += lengths.text(child);
                }
            }
            if (items >= MIN_ITEMS && teased >= ROW_SHARE * lengths.text(block)) {
                doomed.add(block);
                Element label = block.previousElementSibling();
                if (label != null
                        && HEADINGS.matches(main, label)
                        && TextLengths.visibleLength(ElementText.of(label)) <= MAX_LABEL) {
                    doomed.add(label);
                }
            }
        }
        List<Element> outermost = new ArrayList<>();
        int carded = 0;
        for (Element e : doomed) {
            if (e != main && !insideAny(e, main, doomed)) {
                outermost.add(e);
                carded += lengths.text(e);
            }
        }
        if (carded <= MAX_CARDS * lengths.text(main)) {
            outermost.forEach(lengths::remove);
        }
    }

    /** Whether {@code e} is a teaser: a linked headline with a kicker, a date or a short summary beside it. */
    private static boolean isTeaser(Element e, TextLengths lengths) {
        if (lengths.text(e) > MAX_ITEM || lengths.linkText(e) == 0) {
            return false; // too long for an item, or no link for a headline in it: no need to look at its headings
        }
        int headlines = 0;
        int headlineText = 0;
        for (Element heading : TreeQuery.select(e, HEADINGS)) {
            int text = lengths.text(heading);
            if (text >= MIN_HEADLINE && lengths.linkText(heading) >= LINKED * text) {
                headlines++;
                headlineText += text;
            }
        }
        // A kicker and a headline may both be linked headings; a headline alone is an entry of a list,
        // which a roundup of products builds that way too, and which TeaserLists weighs.
        return headlines >= 1 && headlines <= 2 && lengths.text(e) > headlineText;
    }

    /** Whether {@code link} leads to another page: one to a place on this page opens an answer or a section. */
    private static boolean leadsElsewhere(Element link) {
        String href = link.attr("href").strip();
        return !href.isEmpty() && !href.startsWith("#") && !href.startsWith("javascript:");
    }

    private static boolean insideAny(Element e, Element main, Set<Element> doomed) {
        for (Element a = e.parent(); a != null && a != main; a = a.parent()) {
            if (doomed.contains(a)) {
                return true;
            }
        }
        return false;
    }
}
