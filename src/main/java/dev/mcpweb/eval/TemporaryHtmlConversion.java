package dev.mcpweb.eval;

import dev.mcpweb.extract.Document;
import dev.mcpweb.extract.Metadata;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * TEMPORARY: a plain jsoup walk from HTML to a {@link Document}, used by the summary evaluation
 * only until the real main-content extractor ({@code extract.html}) is merged. It drops scripts and
 * obvious page chrome and keeps headings, paragraphs, list items, table rows and code blocks; it
 * does not find the main content the way the real extractor does.
 */
final class TemporaryHtmlConversion {
    private static final Set<String> DROP = Set.of(
            "script",
            "style",
            "noscript",
            "nav",
            "header",
            "footer",
            "aside",
            "form",
            "iframe",
            "svg",
            "button",
            "select",
            "template",
            "dialog");
    private static final Set<String> TEXT_BLOCKS =
            Set.of("p", "blockquote", "dt", "dd", "figcaption", "caption", "summary", "address");

    private final StringBuilder md = new StringBuilder();
    private final StringBuilder loose = new StringBuilder();

    private TemporaryHtmlConversion() {}

    static Document convert(org.jsoup.nodes.Document page, URI url) {
        page.select(String.join(",", DROP)).remove();
        page.select("[role=navigation],[aria-hidden=true],[hidden]").remove();
        Element root = densestContainer(page);
        TemporaryHtmlConversion c = new TemporaryHtmlConversion();
        c.walk(root);
        c.flushLoose();
        String markdown = c.md.toString().strip();
        String text = markdown.replaceAll("(?m)^(#{1,6} |- |```.*$)", "");
        Optional<String> title = Optional.of(page.title().strip()).filter(t -> !t.isEmpty());
        Metadata metadata = new Metadata(
                title,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        return new Document(url, metadata, markdown, text, List.of(), List.of(), List.of());
    }

    /** The element whose paragraphs hold the most text (each paragraph counts for its parent and half for its grandparent). */
    private static Element densestContainer(org.jsoup.nodes.Document page) {
        java.util.Map<Element, Double> score = new java.util.LinkedHashMap<>();
        for (Element p : page.body().select("p, pre, li, td, dd, blockquote")) {
            double length = p.ownText().length() + 0.5 * p.text().length();
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            score.merge(parent, length, Double::sum);
            if (parent.parent() != null) {
                score.merge(parent.parent(), length / 2, Double::sum);
            }
        }
        Element best = page.body();
        double bestScore = 0;
        for (var e : score.entrySet()) {
            if (e.getValue() > bestScore) {
                bestScore = e.getValue();
                best = e.getKey();
            }
        }
        // climb while the parent holds the same content plus a little (a wrapper), to keep headings
        while (best.parent() != null
                && best.parent() != page.body()
                && best.parent().text().length() < 1.6 * best.text().length()) {
            best = best.parent();
        }
        // a container with a small share of the page's text is a fragment of a page that spreads its content
        return best.text().length() < 0.4 * page.body().text().length() ? page.body() : best;
    }

    private void walk(Element element) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t) {
                loose.append(t.text());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (tag.matches("h[1-6]")) {
                    block("#".repeat(tag.charAt(1) - '0') + " " + e.text());
                } else if (tag.equals("pre")) {
                    flushLoose();
                    md.append("```\n").append(e.wholeText().strip()).append("\n```\n\n");
                } else if (TEXT_BLOCKS.contains(tag)) {
                    block(inline(e));
                } else if (tag.equals("li")) {
                    Element copy = e.clone();
                    copy.select("ul,ol").remove();
                    block("- " + inline(copy));
                    for (Element nested : e.select("> ul, > ol")) {
                        walk(nested);
                    }
                } else if (tag.equals("tr")) {
                    StringBuilder row = new StringBuilder("|");
                    for (Element cell : e.select("> th, > td")) {
                        row.append(' ').append(cell.text().replace("|", "/")).append(" |");
                    }
                    block(row.toString());
                } else if (tag.equals("br") || e.isBlock()) {
                    flushLoose();
                    walk(e);
                    flushLoose();
                } else {
                    loose.append(inline(e));
                }
            }
        }
    }

    private static String inline(Element e) {
        Element copy = e.clone();
        for (Element code : copy.select("code")) {
            code.text("`" + code.text() + "`");
        }
        return copy.text();
    }

    private void block(String text) {
        flushLoose();
        if (!text.isBlank()) {
            md.append(text.strip()).append(text.startsWith("|") || text.startsWith("- ") ? "\n" : "\n\n");
        }
    }

    private void flushLoose() {
        String s = loose.toString().strip();
        loose.setLength(0);
        if (!s.isEmpty()) {
            md.append(s).append("\n\n");
        }
    }
}
