package dev.mcpweb.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A plain stand-in for the main-content algorithm: takes {@code <article>}, {@code <main>} or the body,
 * drops navigation, chrome and hidden elements, and renders headings, paragraphs, lists, code and
 * quotes. It has no scoring; it exists so the extract stage works before the real one is wired.
 */
final class FallbackContentExtraction implements ContentExtraction {
    private static final String DROPPED = "script, style, noscript, template, nav, header, footer, aside, form, iframe,"
            + " svg, button, select, [hidden], [aria-hidden=true], [role=navigation], [style~=(?i)display\\s*:\\s*none]";
    private static final String COMMENTS = "#comments, .comments, #disqus_thread, [itemprop=comment]";

    @Override
    public Content extract(org.jsoup.nodes.Document page, boolean includeComments) {
        Element root = Optional.ofNullable(page.selectFirst("article"))
                .or(() -> Optional.ofNullable(page.selectFirst("main, [role=main]")))
                .orElse(page.body());
        Element copy = root.clone();
        copy.select(DROPPED).remove();
        if (!includeComments) {
            copy.select(COMMENTS).remove();
        }
        Renderer renderer = new Renderer();
        renderer.block(copy, "");
        return new Content(
                renderer.markdown.toString().strip(),
                renderer.text.toString().strip(),
                List.copyOf(renderer.links.values()),
                renderer.codeBlocks);
    }

    private static final class Renderer {
        final StringBuilder markdown = new StringBuilder();
        final StringBuilder text = new StringBuilder();
        final Map<URI, Document.Link> links = new LinkedHashMap<>();
        final List<Document.CodeBlock> codeBlocks = new ArrayList<>();

        void block(Element element, String prefix) {
            StringBuilder inlineMd = new StringBuilder();
            StringBuilder inlineText = new StringBuilder();
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode t) {
                    inlineMd.append(t.text());
                    inlineText.append(t.text());
                } else if (child instanceof Element e && isBlock(e)) {
                    flush(inlineMd, inlineText, prefix);
                    blockElement(e, prefix);
                } else if (child instanceof Element e) {
                    inline(e, inlineMd, inlineText);
                }
            }
            flush(inlineMd, inlineText, prefix);
        }

        private void blockElement(Element e, String prefix) {
            String tag = e.normalName();
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    String title = e.text().strip();
                    if (!title.isEmpty()) {
                        paragraph("#".repeat(tag.charAt(1) - '0') + " " + title, title, prefix);
                    }
                }
                case "pre" -> {
                    String code = e.wholeText().stripTrailing();
                    String language = language(e);
                    codeBlocks.add(new Document.CodeBlock(language, code));
                    paragraph("```" + language + "\n" + code + "\n```", code, prefix);
                }
                case "ul", "ol" -> {
                    int n = 1;
                    for (Element item : e.children()) {
                        String marker = tag.equals("ol") ? (n++) + ". " : "- ";
                        StringBuilder md = new StringBuilder();
                        StringBuilder tx = new StringBuilder();
                        inline(item, md, tx);
                        String line = normalise(md);
                        if (!line.isEmpty()) {
                            markdown.append(prefix).append(marker).append(line).append('\n');
                            text.append(prefix)
                                    .append(marker)
                                    .append(normalise(tx))
                                    .append('\n');
                        }
                    }
                    markdown.append('\n');
                    text.append('\n');
                }
                case "blockquote" -> block(e, prefix + "> ");
                default -> block(e, prefix);
            }
        }

        private void inline(Element e, StringBuilder md, StringBuilder tx) {
            String tag = e.normalName();
            if (tag.equals("br")) {
                md.append(' ');
                tx.append(' ');
                return;
            }
            if (tag.equals("img")) {
                String alt = e.attr("alt").strip();
                md.append(alt);
                tx.append(alt);
                return;
            }
            StringBuilder innerMd = new StringBuilder();
            StringBuilder innerText = new StringBuilder();
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    innerMd.append(t.text());
                    innerText.append(t.text());
                } else if (child instanceof Element c) {
                    inline(c, innerMd, innerText);
                }
            }
            String inner = normalise(innerMd);
            tx.append(innerText);
            switch (tag) {
                case "a" -> {
                    Optional<URI> href = PageLinks.absolute(e.attr("abs:href"));
                    if (href.isPresent() && !inner.isEmpty()) {
                        links.putIfAbsent(href.get(), new Document.Link(href.get(), normalise(innerText)));
                        md.append('[')
                                .append(inner)
                                .append("](")
                                .append(href.get())
                                .append(')');
                    } else {
                        md.append(innerMd);
                    }
                }
                case "strong", "b" -> md.append(inner.isEmpty() ? "" : "**" + inner + "**");
                case "em", "i" -> md.append(inner.isEmpty() ? "" : "*" + inner + "*");
                case "code" -> md.append(inner.isEmpty() ? "" : "`" + inner + "`");
                default -> md.append(innerMd);
            }
        }

        private void flush(StringBuilder md, StringBuilder tx, String prefix) {
            String line = normalise(md);
            if (!line.isEmpty()) {
                paragraph(line, normalise(tx), prefix);
            }
            md.setLength(0);
            tx.setLength(0);
        }

        private void paragraph(String md, String tx, String prefix) {
            markdown.append(prefix.isEmpty() ? md : prefix + md.replace("\n", "\n" + prefix))
                    .append("\n\n");
            text.append(tx).append("\n\n");
        }

        private static String language(Element pre) {
            Element code = pre.selectFirst("code");
            String classes = (pre.className() + " " + (code == null ? "" : code.className())).toLowerCase(Locale.ROOT);
            for (String c : classes.split("\\s+")) {
                if (c.startsWith("language-") || c.startsWith("lang-")) {
                    return c.substring(c.indexOf('-') + 1);
                }
            }
            return "";
        }

        private static boolean isBlock(Element e) {
            return switch (e.normalName()) {
                case "p",
                        "div",
                        "section",
                        "article",
                        "main",
                        "h1",
                        "h2",
                        "h3",
                        "h4",
                        "h5",
                        "h6",
                        "ul",
                        "ol",
                        "pre",
                        "blockquote",
                        "table",
                        "tr",
                        "li",
                        "dl",
                        "dt",
                        "dd",
                        "figure",
                        "figcaption",
                        "details",
                        "summary",
                        "hr",
                        "body" -> true;
                default -> false;
            };
        }

        private static String normalise(CharSequence s) {
            return s.toString().replaceAll("\\s+", " ").strip();
        }
    }
}
