package dev.mcpweb.pipeline;

import dev.mcpweb.document.Document;
import java.util.List;

/** One source read: its document, whether the browser rendered it and why, and what the reader must know. */
public record SourceRead(Document document, RenderNote render, List<String> warnings) {
    public SourceRead {
        warnings = List.copyOf(warnings);
    }
}
