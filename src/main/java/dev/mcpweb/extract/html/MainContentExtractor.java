package dev.mcpweb.extract.html;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the main content of an HTML page as Markdown and plain text. It works on a copy of the
 * page's body, so the caller's {@link Document} is left untouched for metadata extraction. Stateless
 * and thread-safe; deterministic; never recurses over the tree, so hostile nesting cannot overflow
 * the stack.
 */
public final class MainContentExtractor {
    /** Below this many visible characters, the text the page declares in JSON-LD is used instead. */
    private static final int SCANT_TEXT = 200;

    private static final Pattern WORD_SPLIT = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * Returns the main content of {@code page} (parsed with its base URI set, which makes links
     * absolute). Comments (reader comments under an article) are kept only when {@code
     * includeComments} is true.
     */
    public MainContent extract(Document page, boolean includeComments) {
        Element body = page.body();
        if (body == null) {
            return new MainContent("", "", List.of(), List.of());
        }
        Element copy = body.clone();
        copy.setBaseUri(page.location());
        Boilerplate.strip(copy, includeComments);
        Element main = ContentLocator.locate(copy, ItemGrids.find(copy));
        RepeatedBlocks.remove(main);
        MainContent content = Renderer.render(main);
        if (TextLengths.visibleLength(content.text()) < SCANT_TEXT) {
            String declared = StructuredBody.of(page).orElse("");
            if (TextLengths.visibleLength(declared) > TextLengths.visibleLength(content.text())) {
                String plain = declared.replaceAll("\\s*\\n\\s*\\n\\s*", "\n\n").strip();
                return new MainContent(plain, plain, content.contentLinks(), content.codeBlocks());
            }
        }
        return withProductDescriptions(page, content);
    }

    /**
     * Appends the product descriptions the page declares in JSON-LD but does not show in its main
     * content (rendered by a script, or inside a tab the locator left out).
     */
    private static MainContent withProductDescriptions(Document page, MainContent content) {
        List<String> descriptions = StructuredBody.productDescriptions(page);
        if (descriptions.isEmpty()) {
            return content;
        }
        Set<String> shown = words(content.text());
        StringBuilder md = new StringBuilder(content.markdown());
        StringBuilder text = new StringBuilder(content.text());
        for (String d : descriptions) {
            String plain = (d.indexOf('<') >= 0 ? Jsoup.parse(d).text() : d)
                    .replaceAll("\\s*\\n\\s*\\n\\s*", "\n\n")
                    .strip();
            Set<String> declared = words(plain);
            long missing = declared.stream().filter(w -> !shown.contains(w)).count();
            if (missing * 2 < declared.size()) {
                continue; // the page shows it already, perhaps worded or formatted a little differently
            }
            for (StringBuilder sb : List.of(md, text)) {
                if (!sb.isEmpty()) {
                    sb.append("\n\n");
                }
                sb.append(plain);
            }
            shown.addAll(declared);
        }
        return new MainContent(md.toString(), text.toString(), content.contentLinks(), content.codeBlocks());
    }

    private static Set<String> words(String s) {
        Set<String> words = new HashSet<>();
        for (String w : WORD_SPLIT.split(s.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
