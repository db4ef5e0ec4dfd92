package dev.mcpweb.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;

/** Renders {@code docs/results.md}: every result, who returns it, and its JSON Schema. */
public final class ResultDocs {
    private record Entry(Class<? extends Record> type, String returnedBy) {}

    private static final List<Entry> RESULTS = List.of(
            new Entry(SummaryResult.class, "the `summarize_urls` tool; `mcp-web summarize --json`"),
            new Entry(PageResult.class, "the `fetch_url` tool"),
            new Entry(SiteMapResult.class, "the `map_site` tool; `mcp-web map --json`"),
            new Entry(CrawlResult.class, "the `crawl_site` tool; `mcp-web crawl --json`"),
            new Entry(SearchResult.class, "the `search_web` tool; `mcp-web search --json`"),
            new Entry(DocumentResult.class, "`mcp-web extract --jsonl` (one a line) and `--format json`"),
            new Entry(FetchInfo.class, "`mcp-web fetch --info`"),
            new Entry(CacheStatsResult.class, "the `get_cache_stats` tool; `mcp-web cache stats --json`"),
            new Entry(
                    CacheCleanResult.class,
                    "the `clear_cache` and `prune_cache` tools; `mcp-web cache clear|prune --json`"));

    private ResultDocs() {}

    public static String render() {
        ObjectMapper pretty = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        out.append("# Results\n\n")
                .append("<!-- Generated from the records in dev.mcpweb.result by ResultDocs; do not edit. -->\n\n")
                .append("The MCP tools' `structuredContent` and the CLI's JSON output are the same records, ")
                .append("written the same way: snake_case keys, an optional field left out when it has no ")
                .append("value, lists present even when empty. Each tool publishes the schema below as its ")
                .append("`outputSchema`.\n");
        for (Entry e : RESULTS) {
            try {
                out.append("\n## ")
                        .append(e.type().getSimpleName())
                        .append("\n\nReturned by ")
                        .append(e.returnedBy())
                        .append(".\n\n```json\n")
                        .append(pretty.writerWithDefaultPrettyPrinter().writeValueAsString(ResultSchema.of(e.type())))
                        .append("\n```\n");
            } catch (JsonProcessingException x) {
                throw new UncheckedIOException(x);
            }
        }
        return out.toString();
    }
}
