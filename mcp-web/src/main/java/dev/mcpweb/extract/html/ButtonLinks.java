package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Removes the calls to action that close a page ("Get started", "Talk to a specialist", "Download
 * Catalog"): links the page names a button ({@code btn}, {@code button}, {@code cta…}, or {@code
 * role="button"}) with a short label, on a line of their own or in a row of such links, after which
 * at most a fifth of the content's prose follows. Landing and product pages phrase them anew on
 * every site, so no list of words finds them. A button link inside a sentence stays, and so do those
 * higher up the page: there pages set the content itself as buttons too (a hero's "Watch demo"
 * before its subtitle, a card's "Learn about alerts" over its story), which readers count as text.
 */
final class ButtonLinks {
    /** Longer labels are headlines or sentences, whatever their link is named. */
    private static final int MAX_LABEL = 40;

    private static final int MAX_WORDS = 6;

    /** The most of the content's prose that may follow a call to action that closes the page. */
    private static final double MAX_PROSE_AFTER = 0.2;

    /** Below this much prose the content is tiles and buttons (a shop's brand tiles): they are its text. */
    private static final int MIN_PROSE = 500;

    private ButtonLinks() {}

    static void remove(Element main, TextLengths lengths) {
        NameTest buttonName = new NameTest(ButtonLinks::isButtonName);
        List<Element> doomed = new ArrayList<>();
        for (Element link : TreeQuery.byTag(main, "a")) {
            if (!buttonName.test(link) && !link.attr("role").equalsIgnoreCase("button")) {
                continue;
            }
            String label = ElementText.of(link);
            if (label.isEmpty() || label.length() > MAX_LABEL || words(label) > MAX_WORDS) {
                continue;
            }
            if (lengths.prose(main) < MIN_PROSE) {
                return; // asked only on pages with a button link
            }
            Element unit = link;
            while (unit.parent() != null
                    && unit.parent() != main
                    && ElementText.of(unit.parent()).equals(label)) {
                unit = unit.parent();
            }
            if (standsAlone(unit) && proseAfter(unit, main, lengths) <= MAX_PROSE_AFTER * lengths.prose(main)) {
                doomed.add(unit);
            }
        }
        doomed.forEach(lengths::remove);
    }

    /** {@code btn} or {@code button} anywhere in a name, or a piece of it between dashes that starts with {@code cta}. */
    static boolean isButtonName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("btn") || lower.contains("button")) {
            return true;
        }
        for (String piece : lower.split("[-_]+")) {
            if (piece.startsWith("cta")) {
                return true;
            }
        }
        return false;
    }

    /** The prose that follows {@code unit} in {@code main}, in document order. */
    private static int proseAfter(Element unit, Element main, TextLengths lengths) {
        int after = 0;
        for (Element e = unit; e != main && e.parent() != null; e = e.parent()) {
            for (Element next = e.nextElementSibling(); next != null; next = next.nextElementSibling()) {
                after += lengths.prose(next);
            }
        }
        return after;
    }

    /** No words beside {@code unit} on its line but other links: a sentence's link shares its line with words. */
    private static boolean standsAlone(Element unit) {
        for (Node sibling = unit.previousSibling();
                sibling != null && !isBlock(sibling);
                sibling = sibling.previousSibling()) {
            if (sharesLine(sibling)) {
                return false;
            }
        }
        for (Node sibling = unit.nextSibling(); sibling != null && !isBlock(sibling); sibling = sibling.nextSibling()) {
            if (sharesLine(sibling)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sharesLine(Node sibling) {
        if (sibling instanceof TextNode t) {
            return Furniture.hasWord(t.text());
        }
        return sibling instanceof Element e
                && !e.nameIs("a")
                && TreeQuery.byTag(e, "a").isEmpty()
                && Furniture.hasWord(ElementText.of(e));
    }

    private static boolean isBlock(Node node) {
        return node instanceof Element e && e.isBlock();
    }

    private static int words(String s) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return n;
    }
}
