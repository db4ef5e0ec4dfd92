package dev.mcpweb.extract.html;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;

/**
 * {@link Element#text()}, gathered as jsoup gathers it but quicker in C1, which runs the cold CLI: jsoup
 * walks the element with a visitor and normalises every text character by character, through a code
 * point look-up and a builder append each; here a text already in normal form (most of them) is copied
 * whole, and an element whose one child is such a text, at any depth ({@code <h2><a>Title</a></h2>}),
 * or that holds no node at all ({@code <a><img></a>}), is answered without a walk.
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
        return gathered(e);
    }

    /**
     * What jsoup's {@code Element.TextAccumulator} gathers under {@code root}, trimmed: the texts, white space
     * normalised outside preformatted elements, with a space before a block, a line break or a text boundary
     * holding text, and after an element that needs one when a text or an inline element follows it.
     */
    private static String gathered(Element root) {
        StringBuilder accum = new StringBuilder();
        Node node = root;
        while (true) {
            if (node instanceof TextNode t) {
                append(accum, t);
            } else if (node instanceof Element e && accum.length() > 0 && needsSpaceBefore(e) && !endsInSpace(accum)) {
                accum.append(' ');
            }
            if (node.childNodeSize() > 0) {
                node = node.childNode(0);
                continue;
            }
            // close the nodes this one ends, then go on to the next sibling
            while (true) {
                if (node instanceof Element e && needsSpaceAfter(e) && !endsInSpace(accum)) {
                    Node next = e.nextSibling();
                    if (next instanceof TextNode
                            || next instanceof Element n && n.tag().isInline()) {
                        accum.append(' ');
                    }
                }
                if (node == root) {
                    return accum.toString().trim();
                }
                Node next = node.nextSibling();
                if (next != null) {
                    node = next;
                    break;
                }
                node = node.parentNode();
            }
        }
    }

    /** jsoup's {@code appendNormalisedText}. */
    private static void append(StringBuilder accum, TextNode t) {
        String s = t.getWholeText();
        if (t instanceof CDataNode || preservesSpace(t.parentNode())) {
            accum.append(s);
        } else {
            appendNormalised(accum, s, endsInSpace(accum));
        }
    }

    /**
     * jsoup's {@code StringUtil.appendNormalisedWhitespace}: each run of white space (space, tab, line feed,
     * form feed, carriage return, no-break space) becomes one space, or none at the start when {@code
     * stripLeading}; zero-width spaces and soft hyphens go. Here the characters between them are copied a
     * run at a time rather than one code point at a time (a pair of surrogates is two such characters).
     */
    private static void appendNormalised(StringBuilder accum, String s, boolean stripLeading) {
        boolean lastWasWhite = false;
        boolean reachedNonWhite = false;
        int run = 0; // where the characters not yet copied start
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < '\u00a0' || !isChanged(c) && c != ' ') {
                continue; // kept: copied with its run
            }
            if (i > run) {
                accum.append(s, run, i);
                lastWasWhite = false;
                reachedNonWhite = true;
            }
            run = i + 1;
            if (c != '\u200b' && c != '\u00ad' && !(stripLeading && !reachedNonWhite) && !lastWasWhite) {
                accum.append(' ');
                lastWasWhite = true;
            }
        }
        if (s.length() > run) {
            accum.append(s, run, s.length());
        }
    }

    /** jsoup's {@code Element.preserveWhitespace}: {@code node} or one of its five nearest ancestors keeps white space. */
    private static boolean preservesSpace(Node node) {
        if (!(node instanceof Element e)) {
            return false;
        }
        for (int i = 0; i < 6 && e != null; i++, e = e.parent()) {
            if (e.tag().preserveWhitespace()) {
                return true;
            }
        }
        return false;
    }

    private static boolean needsSpaceBefore(Element e) {
        return e.isBlock() || e.nameIs("br") || (e.tag().is(Tag.TextBoundary) && e.childNodeSize() > 0 && e.hasText());
    }

    private static boolean needsSpaceAfter(Element e) {
        Tag tag = e.tag();
        return tag.is(Tag.TextBoundary) || !tag.isInline() || hasBlockChild(e);
    }

    private static boolean hasBlockChild(Element e) {
        for (int i = 0, n = e.childNodeSize(); i < n; i++) {
            if (e.childNode(i) instanceof Element child && child.isBlock()) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsInSpace(StringBuilder accum) {
        return accum.length() > 0 && accum.charAt(accum.length() - 1) == ' ';
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
