package dev.mcpweb.extract.html;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Removes the preview cards of other articles that WordPress embeds when a link to a post stands on
 * its own line (its oEmbed markup, {@code blockquote class="wp-embedded-content"} and the {@code
 * wp-embed} card): a teaser of another page, not the article's text. Embedded social posts stay: an
 * article about what someone posted quotes the post as its evidence (measured: dropping tweets lost
 * such quotes on two pages of Trafilatura's corpus).
 */
final class EmbeddedPreviews {
    private static final Evaluator EMBEDS = QueryParser.parse(".wp-embedded-content, .wp-embed");

    private EmbeddedPreviews() {}

    /** Removes the embedded previews under {@code main}, never {@code main} itself. */
    static void remove(Element main, TextLengths lengths) {
        for (Element embed : TreeQuery.select(main, EMBEDS)) {
            if (embed != main && embed.parent() != null) {
                lengths.remove(embed);
            }
        }
    }
}
