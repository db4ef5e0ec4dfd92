package dev.mcpweb.extract.html;

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
        Elements found = new Elements();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof Element e && query.matches(root, e)) {
                        found.add(e);
                    }
                },
                root);
        return found;
    }
}
