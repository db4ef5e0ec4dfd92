package dev.mcpweb.extract.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
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

    /** Per element that may be an item: {text, link text, text pieces, labelled links}. */
    private final Map<Element, int[]> stats = new IdentityHashMap<>();

    /** The figures of the open elements, innermost first; each element's are summed into its parent's. */
    private final Deque<int[]> open = new ArrayDeque<>();

    private int linkDepth;
    private int[] root;

    /** The entries of the item grids that make up the main content of {@code root}; empty on most pages. */
    static Set<Element> find(Element root) {
        ItemGrids grids = new ItemGrids();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        grids.head(node, ContentLocator.visibleText(node));
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        grids.tail(node);
                    }
                },
                root);
        return grids.items();
    }

    /**
     * The entries of the grids of the page walked, once {@link #head} and {@link #tail} have seen each of its
     * nodes: {@link ContentLocator} walks the page for its scores and these figures at once.
     */
    Set<Element> items() {
        List<Element> items = new ArrayList<>();
        long itemText = 0;
        long itemProse = 0;
        for (Element parent : stats.keySet()) { // a grid's parent holds its links and text too
            for (Element item : itemsUnder(parent)) {
                int[] s = stats.get(item);
                items.add(item);
                itemText += s[0];
                itemProse += s[0] - s[1];
            }
        }
        long proseOutside = root[0] - root[1] - itemProse;
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
        if (countItems(parent) < MIN_ITEMS) {
            return List.of();
        }
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
     * How many of {@code parent}'s children read as items, up to {@link #MIN_ITEMS}, counted along the sibling
     * links: most parents asked about have fewer, and {@code children()} builds and keeps a list of them.
     */
    private int countItems(Element parent) {
        int n = 0;
        for (Element child = parent.firstElementChild();
                child != null && n < MIN_ITEMS;
                child = child.nextElementSibling()) {
            if (isItem(child)) {
                n++;
            }
        }
        return n;
    }

    /**
     * An item has one to three labelled links (its title, perhaps a byline or category) and text in
     * at least two pieces: a title alone is a menu entry.
     */
    private boolean isItem(Element e) {
        int[] s = stats.get(e);
        return s != null && s[3] >= 1 && s[3] <= MAX_ITEM_LINKS && s[2] >= 2 && s[0] <= MAX_ITEM_TEXT;
    }

    /** Tag and class names, leaving out names with digits, which number entries (post-123, item-4). */
    private static String signature(Element e) {
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

    /**
     * Opens an element or counts a text, {@code text} being its visible length (0 for other nodes): each
     * element's figures are summed into its parent's on a stack, and those of possible items kept.
     */
    void head(Node node, int text) {
        if (node instanceof Element e) {
            open.push(new int[4]);
            if (e.nameIs("a")) {
                linkDepth++;
            }
        } else if (text > 0 && !open.isEmpty()) {
            int[] s = open.peek();
            s[0] += text;
            s[2]++;
            if (linkDepth > 0) {
                s[1] += text;
            }
        }
    }

    /** Closes an element. */
    void tail(Node node) {
        if (!(node instanceof Element e)) {
            return;
        }
        int[] s = open.pop();
        if (e.nameIs("a")) {
            linkDepth--;
            if (s[0] > 0) {
                s[3]++;
            }
        }
        if (s[3] >= 1 && s[2] >= 2) {
            stats.put(e, s);
        }
        if (open.isEmpty()) {
            root = s;
        } else {
            int[] p = open.peek();
            for (int i = 0; i < s.length; i++) {
                p[i] += s[i];
            }
        }
    }
}
