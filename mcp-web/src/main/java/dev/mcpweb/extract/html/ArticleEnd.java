package dev.mcpweb.extract.html;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * Cuts what follows an article's body: the teaser lists, "more from" boxes, newsletter and author
 * boxes, tag lines and link lists that sites put after the last paragraph, inside the same wrapper as
 * the article. The body is the innermost element that holds nearly all of the article's paragraphs;
 * whatever comes after it, up to the wrapper, holds at most a sliver of the prose and goes. What sits
 * before the body (headline, byline, lead image) and anything inside it (figures, captions, quotes,
 * lists, tables) stays. Structure only: no words, so it holds in every language.
 */
final class ArticleEnd {
    /** The share of the paragraphs' prose the body must hold. */
    private static final double BODY_SHARE = 0.85;
    /** A paragraph with less prose than this is a line, not part of the article's run of prose. */
    private static final int MIN_PARAGRAPH = 40;
    /** Below this much paragraph prose there is no run of prose to find an end of. */
    private static final int MIN_BODY = 600;
    /** What follows the body may hold up to this share of the wrapper's text and still go. */
    private static final double MAX_CUT = 0.3;
    /** On a page that declares no article, the story's run of paragraphs holds this share of their prose. */
    private static final double RUN_SHARE = 0.5;
    /** On such a page, the story's run holds at least this many paragraphs of prose side by side. */
    private static final int RUN_PARAGRAPHS = 3;

    private static final Evaluator BLOCKS = TagNames.of("p", "h2", "h3", "h4", "h5", "h6");

    private ArticleEnd() {}

    /**
     * Removes what follows the article's body under {@code main}, and its {@link ClosingNotes}: on a
     * declared {@code article} always, on another page when its last paragraph of prose ends the run of
     * paragraphs that holds the page's prose. {@code lengths} counts {@code main}'s text.
     */
    static void cut(Element main, boolean article, TextLengths lengths) {
        cutAfterBody(main, article, lengths);
        lengths.settle();
    }

    private static void cutAfterBody(Element main, boolean article, TextLengths lengths) {
        Map<Element, Integer> paragraphs = new IdentityHashMap<>();
        List<Element> blocks = TreeQuery.select(main, BLOCKS);
        for (Element block : blocks) {
            int prose = lengths.prose(block);
            if (!block.nameIs("p") || prose < MIN_PARAGRAPH) {
                continue;
            }
            for (Element e = block; e != null; e = e.parent()) {
                paragraphs.merge(e, prose, Integer::sum);
                if (e == main) {
                    break;
                }
            }
        }
        int total = paragraphs.getOrDefault(main, 0);
        if (total < MIN_BODY) {
            return;
        }
        // the closing notes leave the counts only at the end: the tail after the body is weighed as it was
        ClosingNotes.remove(main, blocks, lengths, article ? last -> true : last -> endsRun(last, paragraphs, total));
        Element body = main;
        for (boolean deeper = true; deeper; ) {
            deeper = false;
            for (Element child = body.firstElementChild(); child != null; child = child.nextElementSibling()) {
                if (paragraphs.getOrDefault(child, 0) >= BODY_SHARE * total) {
                    body = child;
                    deeper = true;
                    break;
                }
            }
        }
        if (body == main || textAfter(body, main, lengths) > MAX_CUT * lengths.text(main)) {
            return;
        }
        for (Element e = body; e != main; e = e.parent()) {
            while (e.nextElementSibling() != null) {
                lengths.remove(e.nextElementSibling());
            }
        }
    }

    /**
     * Whether {@code last}, a paragraph of prose, ends a story's run: its parent holds half the prose of
     * the content's paragraphs, in at least three paragraphs of its own. A page that declares no article
     * may still be one; a service or product page whose intro paragraph is followed by feature boxes and
     * grids (its content) has no such run, and keeps them.
     */
    private static boolean endsRun(Element last, Map<Element, Integer> paragraphs, int total) {
        Element parent = last.parent();
        if (parent == null || paragraphs.getOrDefault(parent, 0) < RUN_SHARE * total) {
            return false;
        }
        int run = 0;
        for (Element child = parent.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.nameIs("p") && paragraphs.containsKey(child)) {
                run++;
            }
        }
        return run >= RUN_PARAGRAPHS;
    }

    /** The text that follows {@code block} under {@code main}, which holds it. */
    static int textAfter(Element block, Element main, TextLengths lengths) {
        int following = 0;
        for (Element e = block; e != main; e = e.parent()) {
            for (Element next = e.nextElementSibling(); next != null; next = next.nextElementSibling()) {
                following += lengths.text(next);
            }
        }
        return following;
    }
}
