package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Cuts what precedes an article's headline: the category kicker, breadcrumb, date line, picture
 * credit and call-to-action that sites put above the {@code <h1>} inside the same wrapper. The story
 * starts at its headline; what sits above it is only cut when it is short (a fifth of the text at most)
 * and holds no paragraph of prose, so an article whose standfirst or lead comes first keeps it. An
 * article without an {@code <h1>} (the page spent it on its logo) starts at its first {@code <h2>} when
 * no prose comes before it; above that only a kicker's few words go ("Promis" over the headline).
 * Structure only.
 */
final class ArticleStart {
    /** What precedes the headline may hold up to this share of the article's text and still go. */
    private static final double MAX_CUT = 0.2;
    /** A paragraph with this much prose is part of the story, wherever it sits. */
    private static final int MIN_PARAGRAPH = 80;
    /** What precedes an {@code <h2>} headline goes only up to this length: a kicker, a section name. */
    private static final int MAX_KICKER = 60;

    private static final Evaluator H1 = QueryParser.parse("h1");

    private ArticleStart() {}

    /** Removes what precedes the headline under {@code article}; {@code lengths} counts its text. */
    static void cut(Element article, TextLengths lengths) {
        Element headline = article.selectFirst(H1);
        int maxCut = (int) (MAX_CUT * lengths.text(article));
        if (headline == null) {
            headline = leadingSubheading(article, lengths);
            maxCut = Math.min(maxCut, MAX_KICKER);
        }
        if (headline == null) {
            return;
        }
        List<Element> before = new ArrayList<>();
        int text = 0;
        for (Element e = headline; e != article; e = e.parent()) {
            for (Element previous = e.previousElementSibling();
                    previous != null;
                    previous = previous.previousElementSibling()) {
                before.add(previous);
                text += lengths.text(previous);
            }
        }
        if (text > maxCut) {
            return;
        }
        for (Element e : before) {
            for (Element p : TreeQuery.byTag(e, "p")) {
                if (lengths.prose(p) >= MIN_PARAGRAPH) {
                    return;
                }
            }
        }
        before.forEach(lengths::remove);
    }

    /** The first {@code <h2>} under {@code article} when no paragraph of prose precedes it. */
    private static Element leadingSubheading(Element article, TextLengths lengths) {
        for (Element e : article.getAllElements()) {
            if (e.nameIs("h2")) {
                return lengths.text(e) > 0 ? e : null;
            }
            if (e.nameIs("p") && lengths.prose(e) >= MIN_PARAGRAPH) {
                return null;
            }
        }
        return null;
    }
}
