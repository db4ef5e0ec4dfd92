package dev.mcpweb.crawl;

import dev.mcpweb.summarize.extractive.ExtractiveSummarizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * BM25 (k1 1.2, b 0.75) of a query against a growing set of short texts, in the terms the extractive
 * summarizer scores by (its Lucene analyzer: stemmed, stop words out). Document frequencies count every
 * text added so far, so a word every link shares ("home", "next") weighs little. Not thread-safe.
 */
final class Bm25 {
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final Optional<String> language;
    private final Set<String> query;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private long totalLength;
    private int documents;

    Bm25(String query, Optional<String> language) {
        this.language = language;
        this.query = new LinkedHashSet<>(ExtractiveSummarizer.terms(query, language));
    }

    /** A text, analysed and counted into the statistics. */
    record Text(Map<String, Integer> frequencies, int length) {}

    /** Analyses {@code text} and counts it in; score it later with {@link #score}. */
    Text add(String text) {
        List<String> terms = ExtractiveSummarizer.terms(text, language);
        Map<String, Integer> frequencies = new HashMap<>();
        for (String t : terms) {
            if (query.contains(t)) { // only query terms are ever scored
                frequencies.merge(t, 1, Integer::sum);
            }
        }
        frequencies.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        documents++;
        totalLength += terms.size();
        return new Text(Map.copyOf(frequencies), terms.size());
    }

    /** Counts {@code old} out and {@code text} in: the same document, now known by more words. */
    Text replace(Text old, String text) {
        old.frequencies().keySet().forEach(t -> documentFrequency.merge(t, -1, Integer::sum));
        documents--;
        totalLength -= old.length();
        return add(text);
    }

    /** {@code text}'s score against the query with the statistics as they are now; 0 when it shares no term. */
    double score(Text text) {
        if (text.frequencies().isEmpty()) {
            return 0;
        }
        double averageLength = documents == 0 ? 1 : Math.max(1, (double) totalLength / documents);
        double score = 0;
        for (Map.Entry<String, Integer> e : text.frequencies().entrySet()) {
            int df = documentFrequency.getOrDefault(e.getKey(), 0);
            double idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
            double tf = e.getValue();
            score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * text.length() / averageLength));
        }
        return score;
    }

    /** Whether the query has any term to score by (a query of stop words only has none). */
    boolean hasTerms() {
        return !query.isEmpty();
    }
}
