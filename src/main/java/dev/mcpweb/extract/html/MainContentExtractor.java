package dev.mcpweb.extract.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the main content of an HTML page as Markdown and plain text. It works on a copy of the
 * page's body, so the caller's {@link Document} is left untouched for metadata extraction. Stateless
 * and thread-safe; deterministic; never recurses over the tree, so hostile nesting cannot overflow
 * the stack.
 */
public final class MainContentExtractor {

    /**
     * Returns the main content of {@code page} (parsed with its base URI set, which makes links
     * absolute). Comments (reader comments under an article) are kept only when {@code
     * includeComments} is true.
     */
    public MainContent extract(Document page, boolean includeComments) {
        Element body = page.body();
        Element copy = body.clone();
        copy.setBaseUri(page.location());
        Boilerplate.strip(copy, includeComments);
        Element main = ContentLocator.locate(copy);
        return Renderer.render(main);
    }
}
