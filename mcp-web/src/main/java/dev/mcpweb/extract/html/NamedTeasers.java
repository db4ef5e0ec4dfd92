package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * On a page that declares one article, removes the blocks inside it that the page names a teaser or
 * a related item ({@code teaser}, {@code teaserWrapper}, {@code relatedArticle}, {@code sectionRelated})
 * and that lead somewhere else: a linked headline to another page, with or without its summary. A
 * block so named whose links sit inside its sentences is the article's own standfirst, which German
 * sites in particular call a teaser, and stays.
 */
final class NamedTeasers {
    /** A link with this much text is a headline, not a word or two linked in passing. */
    private static final int MIN_HEADLINE = 15;
    /** A block holding more than this share of the article's text is not a teaser beside it. */
    private static final double MAX_SHARE = 0.3;
    /**
     * Above this share of the text in such blocks the page is a list of teasers (a topic page, a section
     * front) that declares itself an article too.
     */
    private static final double MAX_TEASED = 0.4;
    /** What is left of a teaser's box once the teaser is gone, at most a label this long, goes with it. */
    private static final int MAX_LABEL = 80;

    private NamedTeasers() {}

    /** Removes the named teasers under {@code article}, in place. */
    static void remove(Element article, TextLengths lengths) {
        int total = lengths.text(article);
        List<Element> doomed = new ArrayList<>();
        TreeQuery.forEachElement(article, e -> {
            if (e != article
                    && !TeaserLists.insideAny(e, doomed)
                    && Boilerplate.hasName(e, NamedTeasers::namesTeaser)
                    && lengths.text(e) <= MAX_SHARE * total
                    && leadsElsewhere(e, lengths)) {
                doomed.add(e);
            }
        });
        int teased = 0;
        for (Element e : doomed) {
            teased += lengths.text(e);
        }
        if (teased <= MAX_TEASED * total) {
            for (Element e : doomed) {
                Element box = e.parent();
                lengths.remove(e);
                if (box != null && box != article && holdsOnlyALabel(box)) {
                    lengths.remove(box); // the box's head ("Dieses Skript als PDF herunterladen") over the teaser
                }
            }
        }
    }

    /** Whether all that is left in {@code box} is a short label: no paragraph, no heading. */
    private static boolean holdsOnlyALabel(Element box) {
        int left = TextLengths.visibleLength(box.text());
        return left > 0
                && left <= MAX_LABEL
                && TreeQuery.select(box, Boilerplate.HEADINGS).isEmpty()
                && TreeQuery.byTag(box, "p").isEmpty();
    }

    private static boolean namesTeaser(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("teaser") || n.contains("related");
    }

    /**
     * Whether {@code e} holds a linked headline: a link of some length that stands alone in its parent or
     * wraps a heading. A link inside a sentence of the block's own prose is a reference, not a way out.
     */
    private static boolean leadsElsewhere(Element e, TextLengths lengths) {
        for (Element link : TreeQuery.byTag(e, "a")) {
            int text = lengths.text(link);
            if (link.hasAttr("href")
                    && text >= MIN_HEADLINE
                    && (lengths.text(link.parent()) == text
                            || !TreeQuery.select(link, Boilerplate.HEADINGS).isEmpty())) {
                return true;
            }
        }
        return false;
    }
}
