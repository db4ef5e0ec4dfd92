package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * On a page that declares one article, removes the links to other stories that sites insert between
 * its paragraphs ("Read also", "Czytaj więcej", "Lue myös"): a short block that is nothing but links,
 * set between two paragraphs of prose, with the short label line before it if there is one. A link a
 * story makes inside its own sentences stays, and so does a list of links that a sentence introduces
 * ("the report:"): that list follows a paragraph, not a label.
 */
final class LinkedInserts {
    private static final Evaluator BLOCKS = TagNames.of("div", "ul", "section", "aside");
    /** An insert holds at least this share of link text. */
    private static final double LINKED = 0.9;
    /** Shorter links are a word in passing, longer blocks more than a headline or two. */
    private static final int MIN_INSERT = 20;

    private static final int MAX_INSERT = 300;
    /** An insert names one or two other stories. */
    private static final int MAX_LINKS = 2;
    /** A paragraph of the story holds at least this much prose. */
    private static final int MIN_PARAGRAPH = 80;
    /** A label line ("Read also:") is at most this long. */
    private static final int MAX_LABEL = 40;

    private LinkedInserts() {}

    /** Removes the linked inserts under {@code main}, in place. */
    static void remove(Element main, TextLengths lengths) {
        List<Element> doomed = new ArrayList<>();
        for (Element block : TreeQuery.select(main, BLOCKS)) {
            int text = lengths.text(block);
            // Most blocks are ruled out before their label is looked for: the linked text is at most the
            // text, so a block too short, too long or without links is none.
            if (block == main || text < MIN_INSERT || text > MAX_INSERT || lengths.linkText(block) == 0) {
                continue;
            }
            Element ownLabel = ownLabel(block, lengths);
            int linked = text - (ownLabel == null ? 0 : lengths.text(ownLabel));
            if (linked < MIN_INSERT
                    || lengths.linkText(block) < LINKED * linked
                    || !leadsElsewhere(block)
                    || TeaserLists.insideAny(block, doomed)) {
                continue;
            }
            Element before = previous(block, lengths);
            Element label = null;
            if (before != null && isLabel(before, lengths)) {
                label = before;
                before = previous(before, lengths);
            }
            Element after = next(block, lengths);
            boolean labelled = label != null || ownLabel != null;
            if (endsParagraph(before, lengths)
                    && (isParagraph(after, lengths) || labelled && after != null && isHeading(after))) {
                if (label != null) {
                    doomed.add(label);
                }
                doomed.add(block);
            }
        }
        doomed.forEach(lengths::remove);
    }

    /**
     * Whether {@code block} holds one or two links, all leading off the page: a list of anchors on it is a
     * table of contents, and a longer list of links is weighed by {@link TeaserLists}.
     */
    private static boolean leadsElsewhere(Element block) {
        List<Element> links = TreeQuery.byTag(block, "a");
        if (links.size() > MAX_LINKS) {
            return false;
        }
        for (Element link : links) {
            if (link.attr("href").startsWith("#")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHeading(Element e) {
        return Boilerplate.HEADINGS.matches(e, e);
    }

    /** The sibling before {@code e}, passing over the short ones (an ad's label, an empty slot), not a heading. */
    private static Element previous(Element e, TextLengths lengths) {
        Element sibling = e.previousElementSibling();
        while (sibling != null
                && lengths.text(sibling) < MIN_INSERT
                && !isLabel(sibling, lengths)
                && !isHeading(sibling)) {
            sibling = sibling.previousElementSibling();
        }
        return sibling;
    }

    /** The sibling after {@code e}, passing over the short ones. */
    private static Element next(Element e, TextLengths lengths) {
        Element sibling = e.nextElementSibling();
        while (sibling != null && lengths.text(sibling) < MIN_INSERT && !isHeading(sibling)) {
            sibling = sibling.nextElementSibling();
        }
        return sibling;
    }

    /** A paragraph of the story: a block of prose, most of it outside links, that is no heading. */
    private static boolean isParagraph(Element e, TextLengths lengths) {
        return e != null
                && !isHeading(e)
                && lengths.prose(e) >= MIN_PARAGRAPH
                && lengths.prose(e) >= lengths.linkText(e);
    }

    /** A paragraph of prose that does not end in a colon, which would introduce the links after it. */
    private static boolean endsParagraph(Element e, TextLengths lengths) {
        return isParagraph(e, lengths) && !ElementText.of(e).strip().endsWith(":");
    }

    /**
     * A short line without links, not a heading, that ends in a colon ("Lesen Sie auch:", "Lue myös:") or
     * that is a label {@link Furniture} knows ("Lee también...", "Czytaj także").
     */
    private static boolean isLabel(Element e, TextLengths lengths) {
        if (lengths.linkText(e) != 0 || isHeading(e)) { // a heading introduces the story's own list
            return false;
        }
        String text = ElementText.of(e).strip();
        return TextLengths.visibleLength(text) <= MAX_LABEL
                && (text.endsWith(":") || Furniture.isFurniture(ElementText.of(e)));
    }

    /** The label an insert carries as its first block ("Lee también..." over the link), or null. */
    private static Element ownLabel(Element block, TextLengths lengths) {
        Element first = block.firstElementChild();
        while (first != null && lengths.text(first) == 0) {
            first = first.nextElementSibling();
        }
        return first != null && first.nextElementSibling() != null && isLabel(first, lengths) ? first : null;
    }
}
