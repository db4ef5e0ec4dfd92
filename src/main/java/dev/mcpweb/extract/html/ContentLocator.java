package dev.mcpweb.extract.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the subtree holding the main content. Every text block (the inline text of a block element)
 * gets a score — positive for prose, negative for link lists and short fragments — and the element
 * whose subtree sums highest wins: it gathers every content block while leaving out the furniture
 * around them.
 */
final class ContentLocator {
    static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "body",
            "center",
            "dd",
            "details",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "ul",
            "caption",
            "legend",
            "html");

    static final double COVERAGE = Double.parseDouble(System.getProperty("x.cov", "0.5"));

    /** Per element: {sum of block scores, sum of positive block scores}. */
    private final Map<Element, double[]> scores = new IdentityHashMap<>();

    private ContentLocator() {}

    /** The element whose subtree best covers the main content of {@code root}. */
    static Element locate(Element root) {
        ContentLocator locator = new ContentLocator();
        Scorer scorer = locator.new Scorer();
        NodeTraversor.traverse(scorer, root);
        if (scorer.best == null) {
            return root;
        }
        int k = Integer.getInteger("x.k", 2);
        double total = locator.scores.get(root)[k];
        Element best = scorer.best;
        while (best != root && best.parent() != null && locator.scores.get(best)[k] < COVERAGE * total) {
            best = best.parent();
        }
        return best;
    }

    static double blockScore(int text, int linkText) {
        if (text == 0) {
            return 0;
        }
        int plain = text - linkText;
        return plain - 0.5 * linkText - 20;
    }

    private final class Scorer implements NodeVisitor {
        /** Per open block: {text, linkText}. */
        private final Deque<int[]> blocks = new ArrayDeque<>();

        private int linkDepth;
        private Element best;
        private double bestScore = Double.NEGATIVE_INFINITY;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                scores.put(e, new double[3]);
                if (BLOCKS.contains(e.normalName()) || blocks.isEmpty()) {
                    blocks.push(new int[2]);
                }
                if (e.nameIs("a")) {
                    linkDepth++;
                }
            } else if (node instanceof TextNode t && !blocks.isEmpty()) {
                int n = TextLengths.visibleLength(t.getWholeText());
                int[] b = blocks.peek();
                b[0] += n;
                if (linkDepth > 0) {
                    b[1] += n;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            if (e.nameIs("a")) {
                linkDepth--;
            }
            double[] s = scores.get(e);
            if (BLOCKS.contains(e.normalName()) || depth == 0) {
                int[] b = blocks.pop();
                double g = blockScore(b[0], b[1]);
                s[0] += g;
                s[1] += Math.max(0, g);
                s[2] += b[0];
            }
            if (s[0] > bestScore) {
                bestScore = s[0];
                best = e;
            }
            if (depth > 0 && e.parent() != null) {
                double[] p = scores.get(e.parent());
                if (p != null) {
                    p[0] += s[0];
                    p[1] += s[1];
                    p[2] += s[2];
                }
            }
        }
    }
}
