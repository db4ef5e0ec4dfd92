package dev.mcpweb.extract.html;

import dev.mcpweb.document.Document;
import java.util.List;

/**
 * The main content of an HTML page: Markdown, plain text (headings on their own lines, paragraphs
 * separated by a blank line), the absolute links inside it and its code blocks.
 */
public record MainContent(
        String markdown, String text, List<Document.Link> contentLinks, List<Document.CodeBlock> codeBlocks) {

    public MainContent {
        contentLinks = List.copyOf(contentLinks);
        codeBlocks = List.copyOf(codeBlocks);
    }
}
