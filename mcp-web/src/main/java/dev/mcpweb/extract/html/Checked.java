package dev.mcpweb.extract.html;

import dev.mcpweb.work.StopToken;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeVisitor;

/** Tree walks that check a {@link StopToken} at every node, so that work on a huge page stops between elements. */
final class Checked {
    private Checked() {}

    static NodeFilter filter(NodeFilter filter, StopToken stop) {
        return new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                stop.check();
                return filter.head(node, depth);
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return filter.tail(node, depth);
            }
        };
    }

    static NodeVisitor visitor(NodeVisitor visitor, StopToken stop) {
        return new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                stop.check();
                visitor.head(node, depth);
            }

            @Override
            public void tail(Node node, int depth) {
                visitor.tail(node, depth);
            }
        };
    }
}
