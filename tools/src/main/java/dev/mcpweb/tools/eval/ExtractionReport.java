package dev.mcpweb.tools.eval;

import java.util.List;
import java.util.Map;

/**
 * The result of scoring an extractor on a WCXB-format data set: mean word precision, recall and F1
 * over all pages and per page type, the share of {@code with} snippets found and {@code without}
 * snippets absent (and, as a secondary figure, {@code with} snippets found once typographic quotes
 * and dashes are folded to ASCII on both sides; and, as the ceiling a faithful extractor can reach,
 * the share of {@code with} snippets present anywhere in the page's text at all), the speed, the heap it needed, and the worst pages.
 */
public record ExtractionReport(
        Scores overall,
        Map<String, Scores> byType,
        double withFound,
        double withFoundTypographyFolded,
        double withInPage,
        double withoutExcluded,
        int withSnippets,
        int withoutSnippets,
        double pagesPerSecond,
        double pagesPerCpuSecond,
        Heap heap,
        List<PageScore> worst,
        List<PageScore> pages) {

    public ExtractionReport {
        byType = Map.copyOf(byType);
        worst = List.copyOf(worst);
        pages = List.copyOf(pages);
    }

    /** Mean scores over {@code pages} pages. */
    public record Scores(int pages, double precision, double recall, double f1) {}

    /**
     * The heap the run needed: {@code peakLiveBytes} is the most in use right after a collection (what
     * the extract stage holds; the figure to judge), {@code peakUsedBytes} the most in use at any moment,
     * garbage included, which grows with the heap limit {@code limitBytes} the JVM ran with.
     */
    public record Heap(long peakLiveBytes, long peakUsedBytes, long limitBytes) {}

    /** The score of one page. */
    public record PageScore(String file, String type, String url, double precision, double recall, double f1) {}
}
