package dev.mcpweb.document;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The main content of one source: Markdown and plain text (headings on their own lines, paragraphs
 * separated by a blank line), its metadata, the links inside the main content and on the whole page,
 * and the code blocks.
 */
public record Document(
        URI url,
        Metadata metadata,
        String markdown,
        String text,
        List<Link> contentLinks,
        List<Link> pageLinks,
        List<CodeBlock> codeBlocks) {

    public Document {
        contentLinks = List.copyOf(contentLinks);
        pageLinks = List.copyOf(pageLinks);
        codeBlocks = List.copyOf(codeBlocks);
    }

    /** The title, never empty: the metadata title, else the URL. */
    public String title() {
        return metadata.title().orElse(url.toString());
    }

    /**
     * An absolute link, its anchor text, and the title its {@code title} attribute gives the target (empty
     * when it has none): words about the target before anyone reads it.
     */
    public record Link(URI url, String text, Optional<String> title) {
        /** A link without a title attribute. */
        public Link(URI url, String text) {
            this(url, text, Optional.empty());
        }
    }

    /** A code block as it appeared, with the language when the page named it (empty otherwise). */
    public record CodeBlock(String language, String code) {}
}
