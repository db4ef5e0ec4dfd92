package dev.mcpweb.document;

import java.net.URI;
import java.util.List;

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

    /** An absolute link and its anchor text. */
    public record Link(URI url, String text) {}

    /** A code block as it appeared, with the language when the page named it (empty otherwise). */
    public record CodeBlock(String language, String code) {}
}
