package dev.mcpweb.extract.html;

import dev.mcpweb.work.StopToken;
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
    /** Elements that start a new block of text (everything else flows inline). */
    static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "body",
            "caption",
            "center",
            "dd",
            "details",
            "dialog",
            "dir",
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
            "hr",
            "html",
            "legend",
            "li",
            "main",
            "menu",
            "nav",
            "ol",
            "output",
            "p",
            "pre",
            "search",
            "section",
            "summary",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "ul");

    /** The chosen subtree is widened until it holds this share of the page's non-link text. */
    static final double COVERAGE = 0.5;

    private static final int NAVIGATION_LABEL = 60;

    private static final int NON_LINK = 3;
    /** Link text counts against a block at this rate: a block of nothing but links scores below zero. */
    private static final double LINK_PENALTY = 0.5;
    /** Each block pays this many characters, so that scattered fragments score below zero. */
    private static final double BLOCK_COST = 27;

    /** Per element: {sum of block scores, sum of positive block scores, text, non-link text}. */
    private static final Set<String> LEAF_BLOCKS = Set.of(
            "p",
            "pre",
            "blockquote",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "td",
            "th",
            "tr",
            "tbody",
            "table",
            "ul",
            "ol",
            "dl",
            "dd",
            "dt",
            "figure",
            "figcaption",
            "code",
            "span",
            "a",
            "strong",
            "em",
            "b",
            "i");

    private final Map<Element, double[]> scores = new IdentityHashMap<>();
    /** Entries of item grids ({@link ItemGrids}); each scores as one block of text. */
    private final Set<Element> items;

    private ContentLocator(Set<Element> items) {
        this.items = items;
    }

    /**
     * The element whose subtree best covers the main content of {@code root}, checking {@code stop} at every
     * node. On a page whose item grids are its content ({@link ItemGrids}) the usual choice stands when it
     * already holds most of the items; otherwise (the grid's short entries, each split into title, price and
     * badges, all scored as fragments) the page is scored again with every entry counted as one block.
     */
    static Element locate(Element root, StopToken stop) {
        ContentLocator plain = new ContentLocator(Set.of());
        Scorer scorer = plain.new Scorer();
        ItemGrids grids = new ItemGrids();
        // One walk scores the blocks and counts the grids' figures, measuring each text once for both.
        NodeTraversor.traverse(
                Checked.visitor(
                        new NodeVisitor() {
                            @Override
                            public void head(Node node, int depth) {
                                int text = visibleText(node);
                                scorer.enter(node, text);
                                grids.head(node, text);
                            }

                            @Override
                            public void tail(Node node, int depth) {
                                scorer.tail(node, depth);
                                grids.tail(node);
                            }
                        },
                        stop),
                root);
        Element chosen = plain.chosen(root, scorer);
        Set<Element> items = grids.items();
        return items.isEmpty() || holdsMost(chosen, items) ? chosen : locateWith(root, items, stop);
    }

    /** The visible length of {@code node}'s text when it is a text, else 0. */
    static int visibleText(Node node) {
        return node instanceof TextNode t ? TextLengths.visibleLength(t.getWholeText()) : 0;
    }

    private static boolean holdsMost(Element e, Set<Element> items) {
        int[] inside = {0};
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof Element el && items.contains(el)) {
                        inside[0]++;
                    }
                },
                e);
        return inside[0] * 2 >= items.size();
    }

    private static Element locateWith(Element root, Set<Element> items, StopToken stop) {
        ContentLocator locator = new ContentLocator(items);
        Scorer scorer = locator.new Scorer();
        NodeTraversor.traverse(Checked.visitor(scorer, stop), root);
        return locator.chosen(root, scorer);
    }

    /** The element {@code scorer}, having walked {@code root}, found best, widened to cover the content. */
    private Element chosen(Element root, Scorer scorer) {
        if (scorer.best == null || scorer.bestScore <= 0) {
            return root; // no prose anywhere: keep all that survived boilerplate removal
        }
        double total = scores.get(root)[NON_LINK];
        Element best = scorer.best;
        while (best != root && best.parent() != null && scores.get(best)[NON_LINK] < COVERAGE * total) {
            best = best.parent();
        }
        // A lone paragraph, list or table is part of the content, never all of it.
        while (best != root && best.parent() != null && LEAF_BLOCKS.contains(best.normalName())) {
            best = best.parent();
        }
        return best;
    }

    static double blockScore(int text, int linkText) {
        if (text == 0) {
            return 0;
        }
        int plain = text - linkText;
        return plain - LINK_PENALTY * linkText - BLOCK_COST;
    }

    /**
     * A link with a short label navigates; a link wrapping a whole teaser (title and summary) is an
     * item of a listing, and its text counts as content.
     */
    static boolean isNavigational(Element a) {
        return TextLengths.visibleLength(ElementText.of(a)) < NAVIGATION_LABEL;
    }

    private final class Scorer implements NodeVisitor {
        /** Per open block: {text, linkText}. */
        private final Deque<int[]> blocks = new ArrayDeque<>();

        private final Deque<Element> openLinks = new ArrayDeque<>();
        private int linkDepth;
        private Element best;
        private double bestScore = Double.NEGATIVE_INFINITY;

        @Override
        public void head(Node node, int depth) {
            enter(node, visibleText(node));
        }

        /** As {@link #head}, {@code text} being the node's {@link #visibleText}. */
        void enter(Node node, int text) {
            if (node instanceof Element e) {
                scores.put(e, new double[4]);
                if (BLOCKS.contains(e.normalName()) || blocks.isEmpty()) {
                    blocks.push(new int[2]);
                }
                if (e.nameIs("a") && (linkDepth > 0 || isNavigational(e))) {
                    linkDepth++;
                    openLinks.push(e);
                }
            } else if (node instanceof TextNode && !blocks.isEmpty()) {
                int[] b = blocks.peek();
                b[0] += text;
                if (linkDepth > 0) {
                    b[1] += text;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            if (!openLinks.isEmpty() && openLinks.peek() == e) {
                openLinks.pop();
                linkDepth--;
            }
            double[] s = scores.get(e);
            if (BLOCKS.contains(e.normalName()) || depth == 0) {
                int[] b = blocks.pop();
                double g = blockScore(b[0], b[1]);
                s[0] += g;
                s[1] += Math.max(0, g);
                s[2] += b[0];
                s[3] += b[0] - b[1];
            }
            if (items.contains(e)) {
                s[0] = Math.max(s[0], s[2] - BLOCK_COST);
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
                    p[3] += s[3];
                }
            }
        }
    }
}
