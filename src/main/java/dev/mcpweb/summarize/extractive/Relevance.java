package dev.mcpweb.summarize.extractive;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Query relevance of every passage: BM25 over its own terms, a share of its neighbours' BM25 (an
 * answer often spans the sentence that names the topic and the next one), the query terms in its
 * heading path, and a small lift for figures when the question asks for an amount, a time or a
 * date.
 */
final class Relevance {
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    static final double NEIGHBOUR_SHARE = 0.3;
    static final double HEADING_SHARE = 0.5;
    private static final Pattern ASKS_FOR_FIGURE =
            Pattern.compile("(?i)(\\bhow (long|much|many|fast|quickly|often|big|large|far|old|high|soon)\\b"
                    + "|\\bwhat (share|percentage|percent|proportion|time|temperature|price|cost|size|rate|year|date)\\b"
                    + "|^\\s*when\\b)");
    private static final Pattern FIGURE = Pattern.compile("\\d");

    private final Corpus corpus;
    final int[] queryTerms;
    /** BM25 of each passage alone. */
    final double[] own;
    /** The combined relevance used for ranking. */
    final double[] combined;
    /** Share of the query's IDF mass that each passage, its neighbours and its headings contain. */
    final double[] coverage;

    Relevance(Corpus corpus, String query) {
        this.corpus = corpus;
        this.queryTerms = Arrays.stream(corpus.analyzer.terms(query)).distinct().toArray();
        int n = corpus.size();
        own = new double[n];
        combined = new double[n];
        coverage = new double[n];
        if (queryTerms.length == 0) {
            return;
        }
        double[] weight = new double[queryTerms.length];
        double mass = 0;
        for (int q = 0; q < queryTerms.length; q++) {
            weight[q] = corpus.idf(queryTerms[q]);
            mass += weight[q];
        }
        for (int i = 0; i < n; i++) {
            own[i] = bm25(corpus.terms[i], weight);
        }
        boolean figures = ASKS_FOR_FIGURE.matcher(query).find();
        for (int i = 0; i < n; i++) {
            Passage p = corpus.passages.get(i);
            int prev = neighbour(i, -1);
            int next = neighbour(i, +1);
            double context = Math.max(prev >= 0 ? own[prev] : 0, next >= 0 ? own[next] : 0);
            int[] heading = corpus.headingTerms[p.block().section().index()];
            double headingScore = 0;
            double covered = 0;
            for (int q = 0; q < queryTerms.length; q++) {
                int t = queryTerms[q];
                boolean inHeading = contains(heading, t);
                if (inHeading) {
                    headingScore += weight[q];
                }
                if (inHeading
                        || contains(corpus.vectorTerms[i], t)
                        || (prev >= 0 && contains(corpus.vectorTerms[prev], t))
                        || (next >= 0 && contains(corpus.vectorTerms[next], t))) {
                    covered += weight[q];
                }
            }
            coverage[i] = covered / mass;
            double score = own[i] + NEIGHBOUR_SHARE * context;
            if (score > 0) {
                score += HEADING_SHARE * headingScore;
                if (figures && FIGURE.matcher(p.text()).find()) {
                    score *= 1.25;
                }
            }
            combined[i] = score;
        }
    }

    private double bm25(int[] passage, double[] weight) {
        double norm = K1 * (1 - B + B * passage.length / corpus.averageLength);
        double score = 0;
        for (int q = 0; q < queryTerms.length; q++) {
            int tf = 0;
            for (int t : passage) {
                if (t == queryTerms[q]) {
                    tf++;
                }
            }
            if (tf > 0) {
                score += weight[q] * tf * (K1 + 1) / (tf + norm);
            }
        }
        return score;
    }

    /** The passage next to {@code i} in the same section of the same source, or -1. */
    private int neighbour(int i, int step) {
        int j = i + step;
        if (j < 0 || j >= corpus.size()) {
            return -1;
        }
        Section here = corpus.passages.get(i).block().section();
        return corpus.passages.get(j).block().section() == here ? j : -1;
    }

    private static boolean contains(int[] sorted, int term) {
        return Arrays.binarySearch(sorted, term) >= 0;
    }
}
