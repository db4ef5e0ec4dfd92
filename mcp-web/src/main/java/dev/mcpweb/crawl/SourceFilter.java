package dev.mcpweb.crawl;

import dev.mcpweb.document.Document;
import java.util.List;

/**
 * The step between reading a crawl's answering pages and summarizing them: given them best first, it
 * returns those the summary should be made from. The place for near-duplicate removal (print versions,
 * mirrors): a page it leaves out stays in the report as read. {@link #ALL} keeps every page.
 */
@FunctionalInterface
public interface SourceFilter {
    SourceFilter ALL = pages -> pages;

    List<Document> keep(List<Document> pages);
}
