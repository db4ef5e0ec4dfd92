package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the item grids of a listing or collection page: runs of at least {@link #MIN_ITEMS} siblings
 * built alike (same tag and class names), each holding a titled link plus other text — a price, a
 * date, a byline or a summary. Shops, blogs and search pages render their items this way; menus
 * differ (one label per entry, nothing else) and so do link columns (many links per entry). The
 * grids count as the page's content only when their text clearly outweighs the prose outside them,
 * so a row of "related" teasers under an article does not.
 */
final class ItemGrids {
    /** Fewer look-alike siblings than this are a coincidence, not a grid. */
    static final int MIN_ITEMS = 3;
    /** An entry with more labelled links than this is a link column (footer, sitemap), not an item. */
    private static final int MAX_ITEM_LINKS = 3;
    /** An entry with more text than this is a section of prose, not a teaser. */
    private static final int MAX_ITEM_TEXT = 1200;
    /** The grids' text must be this many times the prose outside them for the grids to be the content. */
    private static final double MIN_SHARE = 2.0;

    /** Per item: {text, link text}. */
    private final Map<Element, int[]> stats = new IdentityHashMap<>();

    /** The elements with at least {@link #MIN_ITEMS} items among their children: where the grids may be. */
    private final List<Element> parents = new ArrayList<>();
    /** The text and non-link text of {@link #parents}, summed: at least their items'. */
    private long parentText;

    private long parentProse;

    /**
     * The figures of the open elements, innermost last, {@link #FIGURES} to an element: {text, link text, text
     * pieces, labelled links, children that are items}; each element's are summed into its parent's. In one
     * array rather than an array per element, as every element of the page is counted.
     */
    private int[] open = new int[FIGURES * 64];

    private static final int FIGURES = 5;
    private int depth;
    private int linkDepth;
    private int rootText;
    private int rootLinkText;

    /** The entries of the item grids that make up the main content of {@code root}; empty on most pages. */
    static Set<Element> find(Element root) {
        ItemGrids grids = new ItemGrids();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof Element e) {
                            grids.open(e);
                        } else {
                            grids.text(ContentLocator.visibleText(node));
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e) {
                            grids.close(e);
                        }
                    }
                },
                root);
        return grids.items();
    }

    /**
     * The entries of the grids of the page walked, once {@link #open}, {@link #text} and {@link #close} have seen
     * each of its nodes: {@link ContentLocator} walks the page for its scores and these figures at once.
     */
    Set<Element> items() {
        if (parentText < MIN_SHARE * (rootText - rootLinkText - parentProse)) {
            return Set.of(); // even all the parents' text would not outweigh the prose outside them
        }
        List<Element> items = new ArrayList<>();
        long itemText = 0;
        long itemProse = 0;
        for (Element parent : parents) {
            for (Element item : itemsUnder(parent)) {
                int[] s = stats.get(item);
                items.add(item);
                itemText += s[0];
                itemProse += s[0] - s[1];
            }
        }
        long proseOutside = rootText - rootLinkText - itemProse;
        if (items.isEmpty() || itemText < MIN_SHARE * proseOutside) {
            return Set.of();
        }
        Set<Element> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(items);
        return set;
    }

    /**
     * The children of {@code parent} that form a grid: at least {@link #MIN_ITEMS} of them built alike
     * read as items, and they are at least half of the children built that way.
     */
    private List<Element> itemsUnder(Element parent) {
        Map<String, List<Element>> bySignature = new HashMap<>();
        for (Element child : parent.children()) {
            bySignature
                    .computeIfAbsent(signature(child), k -> new ArrayList<>())
                    .add(child);
        }
        List<Element> grid = new ArrayList<>();
        for (List<Element> alike : bySignature.values()) {
            List<Element> items = new ArrayList<>();
            for (Element e : alike) {
                if (isItem(e)) {
                    items.add(e);
                }
            }
            if (items.size() >= MIN_ITEMS && items.size() * 2 >= alike.size()) {
                grid.addAll(items);
            }
        }
        return grid;
    }

    /**
     * An item has one to three labelled links (its title, perhaps a byline or category) and text in
     * at least two pieces: a title alone is a menu entry.
     */
    private boolean isItem(Element e) {
        return stats.containsKey(e);
    }

    /** Whether the figures at {@code open[i]} are an item's. */
    private boolean isItem(int i) {
        int links = open[i + 3];
        return links >= 1 && links <= MAX_ITEM_LINKS && open[i + 2] >= 2 && open[i] <= MAX_ITEM_TEXT;
    }

    /** Tag and class names, leaving out names with digits, which number entries (post-123, item-4). */
    private static String signature(Element e) {
        if (!e.hasAttr("class")) {
            return e.normalName() + "[]"; // as below, without splitting and sorting no names
        }
        TreeSet<String> names = new TreeSet<>();
        for (String c : e.classNames()) {
            if (!hasDigit(c)) {
                names.add(c);
            }
        }
        return e.normalName() + names;
    }

    /** Whether {@code name} holds a character {@link Character#isDigit} accepts (a loop: C1 runs a stream slowly). */
    private static boolean hasDigit(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isDigit(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Opens an element: its figures are summed until it closes. */
    void open(Element e) {
        int i = FIGURES * depth++;
        if (i == open.length) {
            open = Arrays.copyOf(open, 2 * i);
        }
        Arrays.fill(open, i, i + FIGURES, 0);
        if (e.nameIs("a")) {
            linkDepth++;
        }
    }

    /** Counts a text of the innermost open element, {@code text} being its visible length. */
    void text(int text) {
        if (text > 0) {
            int i = FIGURES * (depth - 1);
            open[i] += text;
            open[i + 2]++;
            if (linkDepth > 0) {
                open[i + 1] += text;
            }
        }
    }

    /** Closes {@code e}, the innermost open element, keeping its figures if it is an item. */
    void close(Element e) {
        int i = FIGURES * --depth;
        if (e.nameIs("a")) {
            linkDepth--;
            if (open[i] > 0) {
                open[i + 3]++;
            }
        }
        boolean item = isItem(i);
        if (item) {
            stats.put(e, new int[] {open[i], open[i + 1]});
        }
        if (open[i + 4] >= MIN_ITEMS) {
            parents.add(e);
            parentText += open[i];
            parentProse += open[i] - open[i + 1];
        }
        if (depth == 0) {
            rootText = open[i];
            rootLinkText = open[i + 1];
        } else {
            int p = i - FIGURES;
            for (int k = 0; k < 4; k++) {
                open[p + k] += open[i + k];
            }
            if (item) {
                open[p + 4]++;
            }
        }
    }
}
