package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Removes the caption of an article's lead picture: a caption that sits before the first paragraph of
 * the article's prose (beside the headline, in the header or above the body). It names the picture the
 * page opens with, not the story (Trafilatura's evaluation corpus counts it as boilerplate); captions of
 * pictures inside the body stay, as WCXB counts them as content. A caption is a {@code <figcaption>}, or
 * a short block its page names a caption or legend ({@code media-caption}, {@code mainContent__legend},
 * {@code imageCaption}): pages without figure markup name it so. Structure and names only.
 */
final class LeadCaptions {
    /** A paragraph with this much prose starts the article's text. */
    private static final int MIN_PARAGRAPH = 80;

    /**
     * A block named a caption is one up to this length; longer, the name belongs to a wrapper, or to the
     * description of a video page, which is its content.
     */
    private static final int MAX_NAMED_CAPTION = 150;

    private static final Evaluator CAPTIONS = QueryParser.parse("figcaption, .wp-caption-text");

    private LeadCaptions() {}

    /** Removes the captions that precede the first paragraph of prose under {@code article}, in place. */
    static void remove(Element article, TextLengths lengths) {
        NameTest captionNamed = new NameTest(LeadCaptions::namesCaption);
        List<Element> doomed = new ArrayList<>();
        for (Element e : article.getAllElements()) {
            boolean prose = e.nameIs("p") && lengths.prose(e) >= MIN_PARAGRAPH;
            boolean caption = e != article
                    && (CAPTIONS.matches(article, e) || captionNamed.test(e) && lengths.text(e) <= MAX_NAMED_CAPTION);
            if (!prose && !caption || TeaserLists.insideAny(e, doomed)) {
                continue;
            }
            if (prose && !TreeQuery.isWithin(e, article, CAPTIONS)) {
                doomed.forEach(lengths::remove);
                return;
            }
            if (caption) {
                doomed.add(e);
            }
        }
    }

    private static boolean namesCaption(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("caption") || n.contains("legend");
    }
}
