package dev.mcpweb.extract.html;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Removes text blocks that repeat an earlier block word for word. Responsive pages often carry the
 * same heading or paragraph twice (one copy for small screens, one for large, with CSS hiding
 * either), and carousels clone their slides; a reader sees each once.
 */
final class RepeatedBlocks {
    private static final String TEXT_BLOCKS = "p, h1, h2, h3, h4, h5, h6";
    /** Shorter blocks (labels such as "Size" or "Yes") legitimately repeat. */
    private static final int MIN_LENGTH = 20;

    private RepeatedBlocks() {}

    static void remove(Element root) {
        Set<String> seen = new HashSet<>();
        for (Element e : root.select(TEXT_BLOCKS)) {
            if (e.parent() == null) {
                continue; // inside a block removed already
            }
            String text = e.text();
            if (text.length() < MIN_LENGTH) {
                continue;
            }
            if (!seen.add(text)) {
                e.remove();
            }
        }
    }
}
