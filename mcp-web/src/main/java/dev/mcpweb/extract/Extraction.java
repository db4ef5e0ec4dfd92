package dev.mcpweb.extract;

import dev.mcpweb.document.Document;
import java.util.Optional;

/**
 * A document as extracted from the bytes as they came, and the mark, if any, that the page's content
 * is written by JavaScript and the static document is thin for the page: the pipeline renders on it.
 */
public record Extraction(Document document, Optional<RenderSignal> renderSignal) {

    /** The document, unless the page is a script-rendered shell whose HTML holds (next to) no text. */
    public Document requireText() throws ScriptRenderedException {
        if (renderSignal.isPresent() && ScriptShell.empty(document.text())) {
            throw ScriptShell.failure(document.url());
        }
        return document;
    }
}
