package dev.mcpweb.extract;

import java.util.List;

/**
 * Finds and renders the main content of a parsed HTML page. The real algorithm lives in
 * {@code dev.mcpweb.extract.html}; {@link FallbackContentExtraction} stands in until it is wired.
 */
interface ContentExtraction {
    Content extract(org.jsoup.nodes.Document page, boolean includeComments);

    /** Main content as Markdown and plain text, with the links and code blocks inside it. */
    record Content(String markdown, String text, List<Document.Link> links, List<Document.CodeBlock> codeBlocks) {
        public Content {
            links = List.copyOf(links);
            codeBlocks = List.copyOf(codeBlocks);
        }
    }
}
