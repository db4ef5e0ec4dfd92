package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpweb.document.Document;
import dev.mcpweb.pipeline.RenderNote;
import java.util.List;
import java.util.Optional;

/**
 * One source extracted: {@code mcp-web extract --jsonl} and {@code --format json}. A source that could
 * not be read has only {@code source} and {@code error}.
 */
public record DocumentResult(
        @JsonPropertyDescription("The URL or file as given.")
        String source,

        Optional<String> url,
        Optional<String> title,
        Optional<MetadataResult> metadata,
        Optional<String> text,
        Optional<String> markdown,

        @JsonPropertyDescription("Links inside the main content.")
        List<Link> links,

        @JsonPropertyDescription("Every link on the page, navigation included.")
        List<Link> pageLinks,

        @JsonPropertyDescription("Why the source could not be read; absent when it was.")
        Optional<String> error,

        @JsonPropertyDescription("Whether the page was rendered in headless Chromium, and why; absent when unread.")
        Optional<RenderNote> render,

        @JsonPropertyDescription(
                "Text in the page that addresses an AI (a suspected prompt injection), with where it was; a page"
                        + " written by JavaScript that could not be rendered.")
        List<String> warnings) {

    public DocumentResult {
        links = List.copyOf(links);
        pageLinks = List.copyOf(pageLinks);
        warnings = List.copyOf(warnings);
    }

    public static DocumentResult of(String source, Document d, RenderNote render, List<String> warnings) {
        return new DocumentResult(
                source,
                Optional.of(d.url().toString()),
                Optional.of(d.title()),
                Optional.of(MetadataResult.of(d.metadata())),
                Optional.of(d.text()),
                Optional.of(d.markdown()),
                links(d.contentLinks()),
                links(d.pageLinks()),
                Optional.empty(),
                Optional.of(render),
                warnings);
    }

    public static DocumentResult failed(String source, String error) {
        return new DocumentResult(
                source,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.of(error),
                Optional.empty(),
                List.of());
    }

    private static List<Link> links(List<Document.Link> links) {
        return links.stream().map(l -> new Link(l.url().toString(), l.text())).toList();
    }

    public record Link(String url, String text) {}
}
