package dev.mcpweb.extract.html;

import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/** A tree walk that decides on the way down only, so that it can be written as a lambda. */
@FunctionalInterface
interface HeadFilter extends NodeFilter {
    @Override
    FilterResult head(Node node, int depth);

    @Override
    default FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
    }
}
