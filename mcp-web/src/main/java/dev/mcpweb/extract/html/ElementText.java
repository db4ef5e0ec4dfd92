package dev.mcpweb.extract.html;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * {@link Element#text()} with a short way for the commonest case: an element whose one child is a text
 * already in normal form (a link's label, a short line, a heading), or whose one child element holds it
 * so, at any depth ({@code <h2><a>Title</a></h2>}), or that holds no node at all ({@code <a><img></a>}).
 * jsoup walks the element with a visitor and copies the text through a string builder; here such a text
 * is its own answer.
 */
public final class ElementText {
    private ElementText() {}

    /**
     * The same string as {@code e.text()}. Down a chain of only children, jsoup adds nothing before the
     * text (it separates only after some text) and only spaces after it, which its trim takes off.
     */
    public static String of(Element e) {
        Element only = e;
        while (only.childNodeSize() == 1 && only.childNode(0) instanceof Element child) {
            only = child;
        }
        if (only.childNodeSize() == 0) {
            return "";
        }
        if (only.childNodeSize() == 1 && only.childNode(0) instanceof TextNode t && !(t instanceof CDataNode)) {
            String s = t.getWholeText();
            if (isNormal(s)) {
                return s.trim(); // text() trims what it gathered, as String.trim does
            }
        }
        return e.text();
    }

    /**
     * Whether jsoup's white-space normalisation leaves {@code s} as it is: no white space but single
     * spaces (it turns tabs, line ends, form feeds and no-break spaces into spaces and runs of them into
     * one) and no zero-width space or soft hyphen (it drops them). Whether the element keeps its white
     * space then makes no difference.
     */
    private static boolean isNormal(String s) {
        char previous = 'x';
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            // printable ASCII is never changed: most characters skip the call to the switch, which C1 does not inline
            if (c == ' ' ? previous == ' ' : (c < ' ' || c >= '\u00a0') && isChanged(c)) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static boolean isChanged(char c) {
        return switch (c) {
            case '\t', '\n', '\f', '\r', '\u00a0', '\u200b', '\u00ad' -> true;
            default -> false;
        };
    }
}
