package dev.mcpweb.result;

import dev.mcpweb.document.Document;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a document's content is given: Markdown (headings, lists, links, code kept) or plain text. */
public enum ContentFormat {
    MARKDOWN,
    TEXT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ContentFormat::id).toList();
    }

    /** The format named {@code id}; the caller has checked it is one of {@link #ids()}. */
    public static ContentFormat of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public String content(Document document) {
        return switch (this) {
            case MARKDOWN -> document.markdown();
            case TEXT -> document.text();
        };
    }
}
