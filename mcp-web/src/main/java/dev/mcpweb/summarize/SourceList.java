package dev.mcpweb.summarize;

import dev.mcpweb.document.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The numbered source list every summarizer appends at the end of its Markdown, rendered in one place
 * so that a summary's body (what cites {@code [n]}) and its list can be told apart exactly: a cached
 * summary is shown with the list of the request that asked for it, not of the one that filled the cache.
 */
public final class SourceList {
    private SourceList() {}

    /** Entry {@code i + 1} for document {@code i}: the numbering citations use. */
    public static List<Summary.SourceRef> of(List<Document> documents) {
        List<Summary.SourceRef> refs = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            refs.add(new Summary.SourceRef(i + 1, d.title(), d.url().toString()));
        }
        return List.copyOf(refs);
    }

    /**
     * The list as it ends a summary: a blank line, a {@code **Sources**} heading and one numbered
     * Markdown link per source. Append it to a body that ends with a newline.
     */
    public static String render(List<Summary.SourceRef> sources) {
        StringBuilder out = new StringBuilder("\n**Sources**\n\n");
        for (Summary.SourceRef s : sources) {
            out.append(s.number())
                    .append(". [")
                    .append(s.title().replace("[", "\\[").replace("]", "\\]"))
                    .append("](")
                    .append(s.url().replace(" ", "%20").replace(")", "%29"))
                    .append(")\n");
        }
        return out.toString();
    }

    /** The summary's Markdown before its source list, or empty when it does not end with the list of its sources. */
    public static Optional<String> body(Summary summary) {
        String list = render(summary.sources());
        String markdown = summary.markdown();
        return markdown.endsWith(list)
                ? Optional.of(markdown.substring(0, markdown.length() - list.length()))
                : Optional.empty();
    }
}
