package dev.mcpweb.extract.html;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says it is, in its {@code og:type} or JSON-LD: one article (whose comments are an
 * appendix) or a discussion (a forum thread, a Q&amp;A page, whose posts are the content).
 */
final class DeclaredType {
    private static final Pattern ARTICLE_TYPE = Pattern.compile(
            "\"@type\"\\s*:\\s*\\[?\\s*\"(?:News|Blog|Report|Reportage|Analysis|Opinion|Tech|Scholarly)?"
                    + "(?:Article|BlogPosting|NewsArticle)\"");
    private static final Pattern DISCUSSION_TYPE =
            Pattern.compile("\"@type\"\\s*:\\s*\\[?\\s*\"(?:DiscussionForumPosting|QAPage|Question)\"");

    private DeclaredType() {}

    /** Whether {@code page} declares that it is one article ({@code og:type} article, JSON-LD Article and kin). */
    static boolean article(Document page) {
        for (Element meta : page.select("meta[property=og:type]")) {
            if (meta.attr("content").strip().toLowerCase(Locale.ROOT).equals("article")) {
                return true;
            }
        }
        return declaresInJsonLd(page, ARTICLE_TYPE);
    }

    /** Whether {@code page} declares a forum post or a question with its answers in JSON-LD. */
    static boolean discussion(Document page) {
        return declaresInJsonLd(page, DISCUSSION_TYPE);
    }

    private static boolean declaresInJsonLd(Document page, Pattern type) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            if (type.matcher(script.data()).find()) {
                return true;
            }
        }
        return false;
    }
}
