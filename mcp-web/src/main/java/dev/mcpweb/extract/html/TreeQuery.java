package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;

/**
 * {@link Element#select(Evaluator)} by a plain tree walk: the same elements in the same order, {@code
 * root} included when it matches, for queries of tags, attributes and classes and their combinations
 * (which keep nothing between elements), parsed in jsoup's default query mode. jsoup's select walks
 * with a node iterator and a stream, which cost about twice a {@link NodeTraversor} walk, and the
 * extractor queries the whole page a dozen times.
 */
public final class TreeQuery {
    private TreeQuery() {}

    /** The elements under {@code root} that {@code query} matches, in page order. */
    public static Elements select(Element root, Evaluator query) {
        // The walk written out rather than a visit of forEachElement: one call fewer through an interface at
        // every element, which C1, running the cold CLI, makes as a look-up among the many visits' classes.
        Elements found = new Elements();
        Pending pending = new Pending(root);
        while (!pending.isEmpty()) {
            Element e = pending.pop();
            if (query.matches(root, e)) {
                found.add(e);
            }
            pending.pushChildren(e);
        }
        return found;
    }

    /** The elements under {@code root} named {@code tag} (lower case), in page order: {@code getElementsByTag}. */
    public static Elements byTag(Element root, String tag) {
        Elements found = new Elements();
        forEachElement(root, e -> {
            if (e.nameIs(tag)) {
                found.add(e);
            }
        });
        return found;
    }

    /**
     * Gives {@code visit} {@code root} and every element under it, in page order, for walks that read
     * the tree and change nothing. Cheaper than a {@link NodeTraversor} walk, which calls its visitor
     * twice at every node, text included, and finds each next node through its parent's list: here
     * only elements are visited, once each, and each element's children are read by index.
     */
    public static void forEachElement(Element root, Consumer<Element> visit) {
        Pending pending = new Pending(root);
        while (!pending.isEmpty()) {
            Element e = pending.pop();
            visit.accept(e);
            pending.pushChildren(e);
        }
    }

    /**
     * As {@link #forEachElement}, but goes below an element only while {@code visit} returns true for
     * it: for walks that stop at what they find, which a {@link NodeTraversor} filter would skip the
     * children of.
     */
    public static void forEachElementWhile(Element root, Predicate<Element> visit) {
        Pending pending = new Pending(root);
        while (!pending.isEmpty()) {
            Element e = pending.pop();
            if (visit.test(e)) {
                pending.pushChildren(e);
            }
        }
    }

    /**
     * The elements a walk has still to visit: a stack whose top comes next. An array of its own, started
     * large enough for most pages: an {@code ArrayList} grew from ten places in every walk, a dozen walks a
     * page, and its copies were a fiftieth of the extract stage.
     */
    private static final class Pending {
        private Element[] elements = new Element[256];
        private int size;

        Pending(Element root) {
            elements[size++] = root;
        }

        boolean isEmpty() {
            return size == 0;
        }

        Element pop() {
            return elements[--size];
        }

        /** Pushes {@code e}'s child elements, last first, so that they come in page order. */
        void pushChildren(Element e) {
            for (int i = e.childNodeSize() - 1; i >= 0; i--) {
                if (e.childNode(i) instanceof Element child) {
                    if (size == elements.length) {
                        elements = Arrays.copyOf(elements, 2 * size);
                    }
                    elements[size++] = child;
                }
            }
        }
    }

    /**
     * Those of {@code candidates}, elements in page order, that {@code accept} accepts and that lie under none
     * accepted before: what a walk that stops below each element it accepts finds, as long as {@code accept}
     * accepts no element outside {@code candidates}; without the walk. In page order, an element accepted
     * before that holds the next is the last one accepted.
     */
    public static List<Element> outermost(List<Element> candidates, Predicate<Element> accept) {
        List<Element> found = new ArrayList<>();
        Element last = null;
        for (Element e : candidates) {
            if ((last == null || !holds(last, e)) && accept.test(e)) {
                found.add(e);
                last = e;
            }
        }
        return found;
    }

    /** Whether an element above {@code e} and below {@code root} matches {@code query}. */
    public static boolean isWithin(Element e, Element root, Evaluator query) {
        for (Element a = e.parent(); a != null && a != root; a = a.parent()) {
            if (query.matches(root, a)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} is {@code ancestor} or lies under it. */
    public static boolean holds(Element ancestor, Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
