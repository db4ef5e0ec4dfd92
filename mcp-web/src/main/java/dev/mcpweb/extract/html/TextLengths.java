package dev.mcpweb.extract.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The number of visible non-space characters under each element, and how many of them sit inside
 * links, computed in one iterative post-order pass; and, as that pass sees every element, the elements
 * where the page marks a story.
 */
final class TextLengths {
    private final Map<Element, int[]> lengths = new IdentityHashMap<>();
    private final List<Element> storyMarks = new ArrayList<>();

    private TextLengths() {}

    static TextLengths of(Element root) {
        TextLengths t = new TextLengths();
        t.measure(root);
        return t;
    }

    int text(Element e) {
        int[] v = lengths.get(e);
        return v == null ? 0 : v[0];
    }

    int linkText(Element e) {
        int[] v = lengths.get(e);
        return v == null ? 0 : v[1];
    }

    /** The visible characters under {@code e} outside links: its prose. */
    int prose(Element e) {
        return text(e) - linkText(e);
    }

    double linkDensity(Element e) {
        int t = text(e);
        return t == 0 ? 0 : (double) linkText(e) / t;
    }

    /**
     * The page's {@code <article>} elements and the elements its microdata names {@code articleBody}, in
     * page order, as they were when measured: some may have left the page since.
     */
    List<Element> storyMarks() {
        return storyMarks;
    }

    static int visibleLength(String s) {
        int n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            if (!isSpace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@link Character#isWhitespace} or a no-break space, answering ASCII (most of the web's text)
     * without the lookup of the character's Unicode properties; printable ASCII is ruled out first.
     */
    private static boolean isSpace(char c) {
        if (c > ' ') {
            return c >= 0x80 && (c == '\u00a0' || Character.isWhitespace(c));
        }
        return c >= '\u001c' || (c >= '\t' && c <= '\r');
    }

    /**
     * Sums bottom-up in one depth-first walk, keeping the open elements' counts on a stack rather than
     * looking parents up. Its own loop rather than a {@link org.jsoup.select.NodeTraversor} walk: that
     * calls a visitor shared by every walk of the extractor twice at every node, and is never inlined.
     */
    private void measure(Element root) {
        Deque<int[]> open = new ArrayDeque<>();
        int linkDepth = 0;
        Node node = root;
        while (true) {
            if (node instanceof Element e) {
                int[] v = new int[2];
                lengths.put(e, v);
                open.push(v);
                if (e.nameIs("a")) {
                    linkDepth++;
                } else if (e.nameIs("article")
                        || (e.attributesSize() > 0
                                && e.attributes().get("itemprop").equals("articleBody"))) {
                    storyMarks.add(e);
                }
                if (e.childNodeSize() > 0) {
                    node = e.childNode(0);
                    continue;
                }
            } else if (node instanceof TextNode t) {
                int n = visibleLength(t.getWholeText());
                int[] v = open.peek(); // the text's parent
                v[0] += n;
                if (linkDepth > 0) {
                    v[1] += n;
                }
            }
            // close the elements this node ends, then go on to the next sibling
            while (true) {
                if (node instanceof Element e) {
                    if (e.nameIs("a")) {
                        linkDepth--;
                    }
                    int[] v = open.pop();
                    int[] parent = open.peek();
                    if (parent != null) {
                        parent[0] += v[0];
                        parent[1] += v[1];
                    }
                }
                if (node == root) {
                    return;
                }
                Node next = node.nextSibling();
                if (next != null) {
                    node = next;
                    break;
                }
                node = node.parent();
            }
        }
    }
}
