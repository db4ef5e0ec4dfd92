package dev.mcpweb.chunk;

import java.util.List;

/**
 * A piece of one document small enough for one model call. {@code text} is exactly the document's
 * Markdown from {@code start} to {@code end} (character offsets), so the heading that opens a section
 * stays in the text; when chunks overlap, {@code start} lies before the previous chunk's {@code end}.
 * {@code source} is the document's number in the numbered source list (from 1), {@code index} the
 * chunk's position among all chunks of a request, {@code headingPath} the headings it sits under, and
 * {@code tokens} its exact token count.
 */
public record Chunk(int index, int source, List<String> headingPath, String text, int start, int end, int tokens) {
    public Chunk {
        headingPath = List.copyOf(headingPath);
    }

    /** The heading path as one line ({@code "Install > Linux"}), or empty at the top of a document. */
    public String section() {
        return String.join(" > ", headingPath);
    }
}
