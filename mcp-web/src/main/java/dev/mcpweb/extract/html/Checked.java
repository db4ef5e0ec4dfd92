package dev.mcpweb.extract.html;

import dev.mcpweb.work.StopToken;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/** Tree walks that check a {@link StopToken} every few nodes, so that work on a huge page stops between elements. */
final class Checked {
    /**
     * Nodes from one check to the next: a check reads the clock, and these walks visit every node of the page,
     * texts included (checking at each was a hundredth of the cold CLI's time).
     */
    private static final int NODES_PER_CHECK = 32;

    private Checked() {}

    static NodeFilter filter(NodeFilter filter, StopToken stop) {
        return new NodeFilter() {
            private int sinceCheck = NODES_PER_CHECK; // the first node checks

            @Override
            public FilterResult head(Node node, int depth) {
                if (++sinceCheck >= NODES_PER_CHECK) {
                    sinceCheck = 0;
                    stop.check();
                }
                return filter.head(node, depth);
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return filter.tail(node, depth);
            }
        };
    }
}
