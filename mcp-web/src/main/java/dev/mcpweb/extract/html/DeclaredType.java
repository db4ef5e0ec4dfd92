package dev.mcpweb.extract.html;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What a page says it is, in its {@code og:type}, JSON-LD or microdata: one article (whose comments are an
 * appendix) or a forum thread (whose posts are the content). A Q&amp;A page is neither: its answers
 * are the content and the comments under them are not.
 */
final class DeclaredType {
    private static final Pattern ARTICLE_TYPE = Pattern.compile(
            "\"@type\"\\s*:\\s*\\[?\\s*\"(?:News|Blog|Report|Reportage|Analysis|Opinion|Tech|Scholarly)?"
                    + "(?:Article|BlogPosting|NewsArticle)\"");
    private static final Pattern DISCUSSION_TYPE =
            Pattern.compile("\"@type\"\\s*:\\s*\\[?\\s*\"DiscussionForumPosting\"");

    private DeclaredType() {}

    /** Whether {@code page} declares that it is one article ({@code og:type} article, JSON-LD Article and kin). */
    static boolean article(PageMarks page) {
        for (Element meta : page.select(PageMarks.OG_TYPE)) {
            if (meta.attr("content").strip().toLowerCase(Locale.ROOT).equals("article")) {
                return true;
            }
        }
        return declaresInJsonLd(page, ARTICLE_TYPE);
    }

    /** Whether {@code page} declares a forum thread, in JSON-LD or microdata. */
    static boolean discussion(PageMarks page) {
        return !page.select(PageMarks.DISCUSSION_ITEM).isEmpty() || declaresInJsonLd(page, DISCUSSION_TYPE);
    }

    private static boolean declaresInJsonLd(PageMarks page, Pattern type) {
        for (String script : page.jsonLd()) {
            if (type.matcher(script).find()) {
                return true;
            }
        }
        return false;
    }
}
