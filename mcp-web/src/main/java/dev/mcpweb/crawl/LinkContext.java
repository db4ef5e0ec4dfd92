package dev.mcpweb.crawl;

import dev.mcpweb.document.Document;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text around each link of a page's main content: the Markdown block (paragraph, list item, table
 * row) the link sits in, with link targets taken out so that URL words do not count as text. Links
 * outside the main content (navigation) have only their anchor text.
 */
final class LinkContext {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]+)\\)");
    private static final int MAX_CONTEXT = 600;

    private LinkContext() {}

    /** Normalized URL to the text around its first link in {@code page}'s Markdown. */
    static Map<URI, String> of(Document page) {
        Map<URI, String> around = new HashMap<>();
        for (String block : page.markdown().split("\n\\s*\n|\n(?=\\s*[-*+|] )|\n(?=\\s*\\d+\\. )")) {
            Matcher m = LINK.matcher(block);
            String text = null;
            while (m.find()) {
                Optional<URI> target = resolve(page.url(), m.group(2));
                if (target.isEmpty()) {
                    continue;
                }
                if (text == null) {
                    text = LINK.matcher(block).replaceAll("$1");
                    text = text.length() > MAX_CONTEXT ? text.substring(0, MAX_CONTEXT) : text;
                }
                around.putIfAbsent(target.get(), text);
            }
        }
        return around;
    }

    private static Optional<URI> resolve(URI base, String href) {
        try {
            return Urls.normalize(base.resolve(href).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
