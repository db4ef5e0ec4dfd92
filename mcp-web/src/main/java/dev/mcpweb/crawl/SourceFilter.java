package dev.mcpweb.crawl;

import dev.mcpweb.document.Document;
import java.util.List;

/**
 * The step between reading a crawl's answering pages and summarizing them: given them best first, it
 * returns those the summary should be made from; a page it leaves out stays in the report as read.
 * Near-duplicates (print versions, mirrors) need no filter: the pipeline's multi-source summary leaves
 * them out and the crawl marks them {@code duplicate}. {@link #ALL} keeps every page.
 */
@FunctionalInterface
public interface SourceFilter {
    SourceFilter ALL = pages -> pages;

    List<Document> keep(List<Document> pages);
}
