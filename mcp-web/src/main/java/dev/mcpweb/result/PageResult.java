package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpweb.document.Document;
import dev.mcpweb.pipeline.RenderNote;
import java.util.List;
import java.util.Optional;

/**
 * One page of a document's main content: the {@code fetch_url} tool. {@code next_start_index} is
 * present when the content goes on past {@code end_index}.
 */
public record PageResult(
        @JsonPropertyDescription("The address the content was read from, after redirects.")
        String url,

        String title,
        MetadataResult metadata,
        ContentFormat format,
        int startIndex,
        int endIndex,

        @JsonPropertyDescription("Characters in the whole content.")
        int totalLength,

        boolean truncated,

        @JsonPropertyDescription("Where the next call starts reading; absent at the end.")
        Optional<Integer> nextStartIndex,

        String content,

        @JsonPropertyDescription("Whether the page was rendered in headless Chromium, and why.")
        RenderNote render,

        @JsonPropertyDescription("What the reader must know about this content, such as suspected prompt injection"
                + " or a page written by JavaScript that could not be rendered.")
        List<String> warnings) {

    public PageResult {
        warnings = List.copyOf(warnings);
    }

    /** Characters {@code start} to {@code end} of {@code content}, the given format of {@code document}. */
    public static PageResult of(
            Document document,
            ContentFormat format,
            String content,
            int start,
            int end,
            RenderNote render,
            List<String> warnings) {
        Optional<Integer> next = end < content.length() ? Optional.of(end) : Optional.empty();
        return new PageResult(
                document.url().toString(),
                document.title(),
                MetadataResult.of(document.metadata()),
                format,
                start,
                end,
                content.length(),
                next.isPresent(),
                next,
                content.substring(start, end),
                render,
                warnings);
    }
}
