package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.CombiningEvaluator;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The elements in which a page says what it is: its JSON-LD scripts, its Open Graph type and its
 * schema.org product and forum-post microdata. Found in one walk over the page (the metadata's walk,
 * or one of their own); the steps that ask
 * about them (the page's declared type, its products, its declared comments) used to walk the whole
 * page for a query each, five or six walks per page. Each query gives the elements
 * {@code page.select(query)} gives, in page order.
 */
public final class PageMarks {
    static final Evaluator JSON_LD = QueryParser.parse("script[type=application/ld+json]");
    static final Evaluator OG_TYPE = QueryParser.parse("meta[property=og:type]");
    static final Evaluator PRODUCT_ITEM = QueryParser.parse("[itemscope][itemtype~=(?i)schema\\.org/Product$]");
    static final Evaluator DISCUSSION_ITEM = QueryParser.parse("[itemtype~=(?i)schema\\.org/DiscussionForumPosting$]");
    private static final Evaluator ANY =
            new CombiningEvaluator.Or(List.of(JSON_LD, OG_TYPE, PRODUCT_ITEM, DISCUSSION_ITEM));

    private final Document page;
    private final List<Element> marks = new ArrayList<>();
    private List<String> jsonLd;

    private PageMarks(Document page) {
        this.page = page;
    }

    /** The marks of {@code page}, found in a walk of their own. */
    static PageMarks of(Document page) {
        PageMarks marks = new PageMarks(page);
        TreeQuery.forEachElement(page, marks::offer);
        return marks;
    }

    /**
     * No marks yet, for a caller that walks {@code page} anyway (the metadata's walk) and hands {@link
     * #offer} its elements in page order: at least each script, each meta and each element with an {@code
     * itemtype}, the only ones the queries can match. Saves a walk of the whole page.
     */
    public static PageMarks collecting(Document page) {
        return new PageMarks(page);
    }

    /** Keeps {@code e}, an element of the page handed over in page order, if one of the four queries matches it. */
    public void offer(Element e) {
        if (mayMatch(e) && ANY.matches(page, e)) {
            marks.add(e);
        }
    }

    /**
     * Whether {@code e} is a script, a meta element or has an {@code itemtype}, as each of the four queries needs:
     * the queries themselves are asked of few elements. The parser lower-cases attribute names, so the exact
     * lookup finds what the queries' case-blind one finds.
     */
    private static boolean mayMatch(Element e) {
        return e.attributesSize() > 0
                && (e.nameIs("script") || e.nameIs("meta") || e.attributes().hasKey("itemtype"));
    }

    /** The marks that one of {@code queries} (some of the four above) matches, in page order. */
    List<Element> select(Evaluator... queries) {
        List<Element> found = new ArrayList<>();
        for (Element e : marks) {
            for (Evaluator query : queries) {
                if (query.matches(page, e)) {
                    found.add(e);
                    break;
                }
            }
        }
        return found;
    }

    /** The text of each JSON-LD script, in page order; read once, since several steps search it. */
    List<String> jsonLd() {
        if (jsonLd == null) {
            jsonLd = select(JSON_LD).stream().map(Element::data).toList();
        }
        return jsonLd;
    }
}
