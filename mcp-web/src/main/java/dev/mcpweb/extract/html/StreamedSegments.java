package dev.mcpweb.extract.html;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Puts the content of a streamed server-rendered page where its script would: React (Next.js and
 * others) sends each suspended part of a page later in the body as a hidden {@code <div id="S:n">}
 * and, at its place, a {@code <template id="B:n">} placeholder followed by a fallback such as
 * "Loading…" (or a bare {@code <template id="P:n">} inside another segment). Left alone, the hidden segments hold an article's text, and removing hidden elements
 * would leave only the placeholders.
 */
final class StreamedSegments {
    /** More segments than any real page streams: stop there, so hostile markup stays linear. */
    private static final int MAX_SEGMENTS = 2_000;

    private static final int MAX_FALLBACK_TEXT = 40;
    private static final Pattern LOADING = Pattern.compile("(?i)^\\W*loading\\b.*");

    /** Parsed once: jsoup parses a query string on every call. */
    private static final Evaluator SEGMENTS = QueryParser.parse("div[hidden][id^=S:]");

    private static final Evaluator PLACEHOLDERS = QueryParser.parse("template[id^=B:], template[id^=P:]");

    private StreamedSegments() {}

    /** Moves every hidden segment of {@code root} to its placeholder, in place. */
    static void resolve(Element root) {
        var segments = TreeQuery.select(root, SEGMENTS);
        if (segments.isEmpty()) {
            return;
        }
        Map<String, Element> placeholders = new HashMap<>();
        for (Element t : TreeQuery.select(root, PLACEHOLDERS)) {
            placeholders.put(t.id().substring(2), t);
        }
        int moved = 0;
        for (Element segment : segments) {
            Element placeholder = placeholders.remove(segment.id().substring(2));
            if (placeholder == null || placeholder.parent() == null) {
                continue;
            }
            if (moved++ == MAX_SEGMENTS) {
                return;
            }
            removeFallback(placeholder);
            segment.removeAttr("hidden");
            placeholder.replaceWith(segment);
        }
    }

    /**
     * Removes what the page shows until the segment arrives: the nodes up to React's closing
     * {@code <!--/$-->} marker, or, where the markers were stripped, a following element that holds
     * no text or only a "Loading…" message.
     */
    private static void removeFallback(Element placeholder) {
        Node end = placeholder.nextSibling();
        int steps = 0;
        while (end != null
                && steps++ < 50
                && !(end instanceof Comment c && c.getData().equals("/$"))) {
            end = end.nextSibling();
        }
        if (end != null && steps <= 50) {
            for (Node n = placeholder.nextSibling(); n != end; ) {
                Node next = n.nextSibling();
                n.remove();
                n = next;
            }
            return;
        }
        Element fallback = placeholder.nextElementSibling();
        if (fallback != null) {
            String text = ElementText.of(fallback);
            if (text.isBlank()
                    || (text.length() <= MAX_FALLBACK_TEXT
                            && LOADING.matcher(text).matches())) {
                fallback.remove();
            }
        }
    }
}
