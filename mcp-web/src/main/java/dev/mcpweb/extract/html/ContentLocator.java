package dev.mcpweb.extract.html;

import dev.mcpweb.work.StopToken;
import java.util.Arrays;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

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

    /**
     * {@link #BLOCKS} by their names' hash codes, one to a slot: the locator asks of every element whether it is a
     * block, and the set's probe compares through calls C1 does not inline.
     */
    private static final String[] BLOCK_SLOTS = slotsApart(BLOCKS);

    /** Whether {@code name} is one of {@link #BLOCKS}: one look at the slot of its (cached) hash code. */
    static boolean isBlock(String name) {
        String slot = BLOCK_SLOTS[name.hashCode() & (BLOCK_SLOTS.length - 1)];
        return slot != null && slot.equals(name);
    }

    /** The smallest table, a power of two long, in which no two of {@code names} share a slot. */
    private static String[] slotsApart(Set<String> names) {
        for (int size = 64; size <= 1 << 16; size *= 2) {
            String[] slots = new String[size];
            boolean apart = true;
            for (String name : names) {
                int i = name.hashCode() & (size - 1);
                apart &= slots[i] == null;
                slots[i] = name;
            }
            if (apart) {
                return slots;
            }
        }
        throw new IllegalStateException("block names share a hash code");
    }

    /** The chosen subtree is widened until it holds this share of the page's non-link text. */
    static final double COVERAGE = 0.5;

    private static final int NAVIGATION_LABEL = 60;

    /** Link text counts against a block at this rate: a block of nothing but links scores below zero. */
    private static final double LINK_PENALTY = 0.5;
    /** Each block pays this many characters, so that scattered fragments score below zero. */
    private static final double BLOCK_COST = 27;

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

    /** Entries of item grids ({@link ItemGrids}); each scores as one block of text. */
    private final Set<Element> items;
    /** Counts the grids' figures in the same walk, or null when the walk only scores. */
    private final ItemGrids grids;

    /*
     * The walk's figures in arrays rather than an array per element in an identity map: every element of the page
     * passes through here. Per open element, innermost last: its number in the order walked, the sums of its
     * block scores, text and non-link text so far, and whether it opened a block and a link.
     */
    private int[] openNumber = new int[64];
    private double[] openScore = new double[64];
    private int[] openText = new int[64];
    private int[] openNonLink = new int[64];
    private boolean[] opensBlock = new boolean[64];
    private boolean[] opensLink = new boolean[64];
    /** Per open block, innermost last: its text and link text so far. */
    private int[] blockText = new int[64];

    private int[] blockLinks = new int[64];
    private int blocks;
    private int linkDepth;
    /**
     * Per element, by its number in the order walked: the number of its parent, its non-link text, and how many
     * texts came before it.
     */
    private int[] parentNumber = new int[256];

    private int[] nonLinkText = new int[256];
    private int[] textsBefore = new int[256];
    private int count;
    /** The visible length of every text walked, in page order. */
    private int[] textLengths = new int[256];

    private int texts;
    private Element best;
    private int bestNumber;
    private double bestScore = Double.NEGATIVE_INFINITY;
    /** The number of the element {@link #chosen} chose. */
    private int chosenNumber;

    private ContentLocator(Set<Element> items, ItemGrids grids) {
        this.items = items;
        this.grids = grids;
    }

    /**
     * The element whose subtree best covers the main content of {@code root}, checking {@code stop} at every
     * element. On a page whose item grids are its content ({@link ItemGrids}) the usual choice stands when it
     * already holds most of the items; otherwise (the grid's short entries, each split into title, price and
     * badges, all scored as fragments) the page is scored again with every entry counted as one block.
     */
    static Located locate(Element root, StopToken stop) {
        ItemGrids grids = new ItemGrids();
        // One walk scores the blocks and counts the grids' figures, measuring each text once for both.
        ContentLocator plain = new ContentLocator(Set.of(), grids);
        plain.walk(root, stop);
        Element chosen = plain.chosen(root);
        Set<Element> items = grids.items();
        return items.isEmpty() || holdsMost(chosen, items) ? plain.located(chosen) : locateWith(root, items, stop);
    }

    /**
     * The main content, and the visible lengths of the texts under it as the locator counted them: while the
     * page stays as it was, they give {@link #counts} without counting each text's characters again.
     */
    record Located(Element main, int[] textLengths, int from) {
        /** {@link TextLengths#of} the main content, from the lengths counted already. */
        TextLengths counts() {
            return TextLengths.of(main, textLengths, from);
        }
    }

    private Located located(Element chosen) {
        return new Located(chosen, textLengths, textsBefore[chosenNumber]);
    }

    /** The visible length of {@code node}'s text when it is a text, else 0. */
    static int visibleText(Node node) {
        return node instanceof TextNode t ? TextLengths.visibleLength(t.getWholeText()) : 0;
    }

    /** Whether {@code e} holds at least half of {@code items}: the items are few, so each looks up its ancestors. */
    private static boolean holdsMost(Element e, Set<Element> items) {
        int inside = 0;
        for (Element item : items) {
            for (Element a = item; a != null; a = a.parent()) {
                if (a == e) {
                    inside++;
                    break;
                }
            }
        }
        return inside * 2 >= items.size();
    }

    private static Located locateWith(Element root, Set<Element> items, StopToken stop) {
        ContentLocator locator = new ContentLocator(items, null);
        locator.walk(root, stop);
        return locator.located(locator.chosen(root));
    }

    /** The element the walk of {@code root} found best, widened to cover the content. */
    private Element chosen(Element root) {
        if (best == null || bestScore <= 0) {
            chosenNumber = 0;
            return root; // no prose anywhere: keep all that survived boilerplate removal
        }
        double total = nonLinkText[0];
        Element chosen = best;
        int n = bestNumber;
        while (chosen != root && chosen.parent() != null && nonLinkText[n] < COVERAGE * total) {
            chosen = chosen.parent();
            n = parentNumber[n];
        }
        // A lone paragraph, list or table is part of the content, never all of it.
        while (chosen != root && chosen.parent() != null && LEAF_BLOCKS.contains(chosen.normalName())) {
            chosen = chosen.parent();
            n = parentNumber[n];
        }
        chosenNumber = n;
        return chosen;
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

    /**
     * Scores every element under {@code root} bottom-up in one depth-first walk, checking {@code stop} at every
     * element. Its own loop rather than a {@link org.jsoup.select.NodeTraversor} walk, as in {@link TextLengths}:
     * that calls a visitor twice at every node, never inlined.
     */
    private void walk(Element root, StopToken stop) {
        int depth = 0;
        Node node = root;
        while (true) {
            if (node instanceof Element e) {
                stop.check(); // at elements only: each text between them is measured once, in a bounded time
                open(e, depth++);
                if (e.childNodeSize() > 0) {
                    node = e.childNode(0);
                    continue;
                }
            } else if (node instanceof TextNode t) {
                countText(TextLengths.visibleLength(t.getWholeText()));
            }
            // close the elements this node ends, then go on to the next sibling
            while (true) {
                if (node instanceof Element e) {
                    close(e, --depth);
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

    private void open(Element e, int depth) {
        if (depth == openNumber.length) {
            int size = 2 * depth;
            openNumber = Arrays.copyOf(openNumber, size);
            openScore = Arrays.copyOf(openScore, size);
            openText = Arrays.copyOf(openText, size);
            openNonLink = Arrays.copyOf(openNonLink, size);
            opensBlock = Arrays.copyOf(opensBlock, size);
            opensLink = Arrays.copyOf(opensLink, size);
        }
        int n = count++;
        if (n == parentNumber.length) {
            parentNumber = Arrays.copyOf(parentNumber, 2 * n);
            nonLinkText = Arrays.copyOf(nonLinkText, 2 * n);
            textsBefore = Arrays.copyOf(textsBefore, 2 * n);
        }
        textsBefore[n] = texts;
        parentNumber[n] = depth > 0 ? openNumber[depth - 1] : -1;
        openNumber[depth] = n;
        openScore[depth] = 0;
        openText[depth] = 0;
        openNonLink[depth] = 0;
        boolean block = depth == 0 || isBlock(e.normalName());
        opensBlock[depth] = block;
        if (block) {
            if (blocks == blockText.length) {
                blockText = Arrays.copyOf(blockText, 2 * blocks);
                blockLinks = Arrays.copyOf(blockLinks, 2 * blocks);
            }
            blockText[blocks] = 0;
            blockLinks[blocks] = 0;
            blocks++;
        }
        boolean link = e.nameIs("a") && (linkDepth > 0 || isNavigational(e));
        opensLink[depth] = link;
        if (link) {
            linkDepth++;
        }
        if (grids != null) {
            grids.open(e);
        }
    }

    private void countText(int text) {
        if (texts == textLengths.length) {
            textLengths = Arrays.copyOf(textLengths, 2 * texts);
        }
        textLengths[texts++] = text;
        int b = blocks - 1; // the walk's root opens a block, so one is open
        blockText[b] += text;
        if (linkDepth > 0) {
            blockLinks[b] += text;
        }
        if (grids != null) {
            grids.text(text);
        }
    }

    private void close(Element e, int depth) {
        if (opensLink[depth]) {
            linkDepth--;
        }
        if (opensBlock[depth]) {
            int b = --blocks;
            double g = blockScore(blockText[b], blockLinks[b]);
            openScore[depth] += g;
            openText[depth] += blockText[b];
            openNonLink[depth] += blockText[b] - blockLinks[b];
        }
        if (items.contains(e)) {
            openScore[depth] = Math.max(openScore[depth], openText[depth] - BLOCK_COST);
        }
        if (openScore[depth] > bestScore) {
            bestScore = openScore[depth];
            best = e;
            bestNumber = openNumber[depth];
        }
        nonLinkText[openNumber[depth]] = openNonLink[depth];
        if (depth > 0) {
            openScore[depth - 1] += openScore[depth];
            openText[depth - 1] += openText[depth];
            openNonLink[depth - 1] += openNonLink[depth];
        }
        if (grids != null) {
            grids.close(e);
        }
    }
}
