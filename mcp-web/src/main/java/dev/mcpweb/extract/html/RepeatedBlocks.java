package dev.mcpweb.extract.html;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;

/**
 * Removes text blocks that repeat an earlier block word for word. Responsive pages often carry the
 * same heading or paragraph twice (one copy for small screens, one for large, with CSS hiding
 * either), and carousels clone their slides; a reader sees each once.
 */
final class RepeatedBlocks {
    /** Parsed once: jsoup parses a query string on every call. */
    private static final Evaluator TEXT_BLOCKS = TagNames.of("p", "h1", "h2", "h3", "h4", "h5", "h6");
    /** Shorter blocks (labels such as "Size" or "Yes") legitimately repeat. */
    private static final int MIN_LENGTH = 20;
    /**
     * Each removal re-indexes the parent's children, so a hostile page of one paragraph repeated a
     * million times would take quadratic time; real pages have far fewer blocks than this.
     */
    private static final int MAX_BLOCKS = 20_000;

    private RepeatedBlocks() {}

    static void remove(Element root, TextLengths lengths) {
        Elements blocks = TreeQuery.select(root, TEXT_BLOCKS);
        if (blocks.size() > MAX_BLOCKS) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Element e : blocks) {
            if (e.parent() == null) {
                continue; // inside a block removed already
            }
            String text = ElementText.of(e);
            if (text.length() < MIN_LENGTH) {
                continue;
            }
            if (!seen.add(text)) {
                lengths.remove(e);
            }
        }
    }
}
