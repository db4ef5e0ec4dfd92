package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Removes the caption of an article's lead picture: a caption that sits before the first paragraph of
 * the article's prose (beside the headline, in the header or above the body). It names the picture the
 * page opens with, not the story (Trafilatura's evaluation corpus counts it as boilerplate); captions of
 * pictures inside the body stay, as WCXB counts them as content. Structure only.
 */
final class LeadCaptions {
    /** A paragraph with this much prose starts the article's text. */
    private static final int MIN_PARAGRAPH = 80;

    private static final Evaluator CAPTIONS = QueryParser.parse("figcaption, .wp-caption-text");

    private LeadCaptions() {}

    /** Removes the captions that precede the first paragraph of prose under {@code article}, in place. */
    static void remove(Element article) {
        TextLengths lengths = TextLengths.of(article);
        List<Element> doomed = new ArrayList<>();
        for (Element e : article.getAllElements()) {
            if (e.nameIs("p") && lengths.prose(e) >= MIN_PARAGRAPH && !TreeQuery.isWithin(e, article, CAPTIONS)) {
                doomed.forEach(Element::remove);
                return;
            }
            if (CAPTIONS.matches(article, e)) {
                doomed.add(e);
            }
        }
    }
}
