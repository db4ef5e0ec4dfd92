package dev.mcpweb.extract.html;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Removes the headings left at the very end of the content with nothing under them: the label of a
 * "more from" list, a "Related" or "Weitere Themen" box whose links the earlier steps removed, or
 * that sat outside the content. A heading introduces what follows it; with nothing following, it
 * introduces something the reader does not get. Structure only.
 */
final class TrailingHeadings {
    /**
     * A box's label and its title may end the content together; more headings in a row with nothing
     * between them are the titles of a grid whose entries show no text (a product grid).
     */
    private static final int MAX_REMOVED = 2;

    private TrailingHeadings() {}

    /** Removes the headings (h2 to h6; a lone title stays) that end {@code main}, at most {@link #MAX_REMOVED}. */
    static void remove(Element main, TextLengths lengths) {
        Element heading = lastHeading(main);
        for (int removed = 0;
                removed < MAX_REMOVED && heading != null && !isLink(heading) && !textFollows(heading, main);
                removed++) {
            lengths.remove(heading);
            heading = lastHeading(main);
        }
    }

    private static Element lastHeading(Element main) {
        List<Element> headings = TreeQuery.select(main, Boilerplate.HEADINGS);
        return headings.isEmpty() || headings.getLast() == main ? null : headings.getLast();
    }

    /** A heading that is itself a link leads to a page of its own, which the reader can follow. */
    private static boolean isLink(Element heading) {
        return !TreeQuery.byTag(heading, "a").isEmpty();
    }

    /** Whether any visible text follows {@code heading} under {@code main}. */
    private static boolean textFollows(Element heading, Element main) {
        for (Node n = heading; n != null && n != main; n = n.parent()) {
            for (Node next = n.nextSibling(); next != null; next = next.nextSibling()) {
                if (next instanceof TextNode t ? !t.isBlank() : next instanceof Element e && e.hasText()) {
                    return true;
                }
            }
        }
        return false;
    }
}
