package dev.mcpweb.extract.html;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The number of visible non-space characters under each element, and how many of them sit inside
 * links, computed in one iterative post-order pass.
 */
final class TextLengths {
    private final Map<Element, int[]> lengths = new IdentityHashMap<>();

    private TextLengths() {}

    static TextLengths of(Element root) {
        TextLengths t = new TextLengths();
        NodeTraversor.traverse(t.new Counter(), root);
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

    double linkDensity(Element e) {
        int t = text(e);
        return t == 0 ? 0 : (double) linkText(e) / t;
    }

    static int visibleLength(String s) {
        int n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00a0') {
                n++;
            }
        }
        return n;
    }

    private final class Counter implements NodeVisitor {
        private int linkDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                lengths.put(e, new int[2]);
                if (e.nameIs("a")) {
                    linkDepth++;
                }
            } else if (node instanceof TextNode t && node.parent() instanceof Element p) {
                int n = visibleLength(t.getWholeText());
                int[] v = lengths.get(p);
                if (v != null) {
                    v[0] += n;
                    if (linkDepth > 0) {
                        v[1] += n;
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (e.nameIs("a")) {
                    linkDepth--;
                }
                int[] v = lengths.get(e);
                if (e.parent() != null) {
                    int[] p = lengths.get(e.parent());
                    if (p != null) {
                        p[0] += v[0];
                        p[1] += v[1];
                    }
                }
            }
        }
    }
}
