package dev.mcpweb.extract.html;

import org.jsoup.nodes.Element;

/**
 * Tells whether located content that declares no article type still reads as one story: a single
 * {@code <h1>} followed by paragraphs of prose that hold most of the content's prose. Such a page is
 * cut at its start as a declared article is ({@link ArticleStart}, {@link LeadCaptions},
 * {@link StoryHeader}); a listing, a product or a documentation page with several headlines or little
 * prose after its headline is not. Structure only.
 */
final class SingleStory {
    /** A paragraph with this much prose is part of a story. */
    private static final int MIN_PARAGRAPH = 80;

    /** How many such paragraphs a story has at least. */
    private static final int MIN_PARAGRAPHS = 2;

    /** The share of the content's prose that the paragraphs after the headline must hold. */
    private static final double MOST = 0.6;

    private SingleStory() {}

    /** Whether {@code main} holds one headline and the story below it. */
    static boolean is(Element main, TextLengths lengths) {
        Element headline = null;
        int paragraphs = 0;
        int prose = 0;
        for (Element e : main.getAllElements()) {
            if (e.nameIs("h1")) {
                if (headline != null) {
                    return false;
                }
                headline = e;
            } else if (headline != null && e.nameIs("p") && lengths.prose(e) >= MIN_PARAGRAPH) {
                paragraphs++;
                prose += lengths.prose(e);
            }
        }
        return headline != null && paragraphs >= MIN_PARAGRAPHS && prose >= MOST * lengths.prose(main);
    }
}
