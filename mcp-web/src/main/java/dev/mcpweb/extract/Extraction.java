package dev.mcpweb.extract;

import dev.mcpweb.document.Document;
import java.util.Optional;

/**
 * A document as extracted from the bytes as they came, and the mark, if any, that the page's content
 * is written by JavaScript and the static document is thin for the page: the pipeline renders on it.
 */
public record Extraction(Document document, Optional<RenderSignal> renderSignal) {

    /**
     * The document, unless the page is a script-rendered shell (an app mount point, a {@code <noscript>}
     * or a streaming framework) whose HTML holds (next to) no text.
     */
    public Document requireText() throws ScriptRenderedException {
        boolean shell = renderSignal.isPresent() && renderSignal.get().kind() != RenderSignal.Kind.SCRIPT_PAYLOAD;
        if (shell && ScriptShell.empty(document.text())) {
            throw ScriptShell.failure(document.url());
        }
        return document;
    }
}
