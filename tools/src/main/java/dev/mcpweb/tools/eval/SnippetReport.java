package dev.mcpweb.tools.eval;

import java.util.List;
import java.util.Map;

/**
 * The result of scoring an extractor with {@code with}/{@code without} segments (Trafilatura's format):
 * the summed counts overall and per page language (as the extractor detected it), the pages that leaked
 * the most {@code without} segments, every page, and the speed.
 */
public record SnippetReport(
        Counts overall, Map<String, Counts> byLanguage, List<Page> worst, List<Page> pages, double pagesPerCpuSecond) {

    public SnippetReport {
        byLanguage = Map.copyOf(byLanguage);
        worst = List.copyOf(worst);
        pages = List.copyOf(pages);
    }

    /**
     * Summed counts over {@code pages} pages: {@code with} segments found (true positives) and missed
     * (false negatives), {@code without} segments found (false positives) and absent (true negatives).
     */
    public record Counts(int pages, int truePositives, int falseNegatives, int falsePositives, int trueNegatives) {
        static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(
                    pages + other.pages,
                    truePositives + other.truePositives,
                    falseNegatives + other.falseNegatives,
                    falsePositives + other.falsePositives,
                    trueNegatives + other.trueNegatives);
        }

        public double precision() {
            int kept = truePositives + falsePositives;
            return kept == 0 ? 0 : (double) truePositives / kept;
        }

        public double recall() {
            int wanted = truePositives + falseNegatives;
            return wanted == 0 ? 0 : (double) truePositives / wanted;
        }

        public double f1() {
            int denominator = 2 * truePositives + falsePositives + falseNegatives;
            return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
        }
    }

    /**
     * One page: its file, URL and detected language, its counts, the {@code without} segments it kept
     * and the {@code with} segments it missed.
     */
    public record Page(
            String file, String url, String language, Counts counts, List<String> leaked, List<String> missed) {
        public Page {
            leaked = List.copyOf(leaked);
            missed = List.copyOf(missed);
        }
    }
}
