package dev.mcpweb.extract.html;

import org.jsoup.nodes.Element;

/**
 * Finds where a declared article starts and ends inside the located main content. Pages mark their
 * article with an {@code <article>} element; the locator, which widens its choice until it holds half
 * the page's text, often returns a wrapper around it that also holds the teasers, widgets and
 * comment sections beside and below it. When one {@code <article>} holds most of that wrapper's
 * prose, the article is the content, with the page's headline put back at its start when the page
 * set it outside. Either way, what precedes the headline is cut as {@link ArticleStart} says.
 */
final class ArticleBoundary {
    /** The share of the wrapper's prose the article must hold to stand for it. */
    private static final double MOST = 0.6;

    private ArticleBoundary() {}

    /**
     * The article within {@code main}, or {@code main} when no one article holds most of its prose,
     * without what precedes its headline; {@code lengths} counts {@code main}'s text, the headline it puts
     * back included.
     */
    static Element of(Element main, TextLengths lengths) {
        int prose = lengths.prose(main);
        Element best = null;
        for (Element article : TreeQuery.byTag(main, "article")) {
            if (article != main && (best == null || lengths.prose(article) > lengths.prose(best))) {
                best = article;
            }
        }
        if (best == null || lengths.prose(best) < MOST * prose) {
            ArticleStart.cut(main, lengths);
            return main;
        }
        Element headline = null;
        if (TreeQuery.byTag(best, "h1").isEmpty()) {
            Element pageHeadline = TreeQuery.byTag(main, "h1").first();
            if (pageHeadline != null && lengths.text(pageHeadline) > 0) {
                headline = pageHeadline.clone();
                best.prependChild(headline);
            }
        }
        ArticleStart.cut(best, lengths);
        if (headline != null) {
            lengths.added(headline); // after the cut, which weighs the article as the page set it
        }
        return best;
    }
}
