package dev.mcpweb.summarize.extractive;

import java.util.Arrays;

/**
 * Continuous LexRank: PageRank over the graph of passages weighted by TF-IDF cosine similarity, so
 * passages that many others resemble rank high. Similarities are accumulated through an inverted
 * index, so the cost follows the shared terms rather than all pairs.
 *
 * <p>A page has a few hundred passages; a 10 MB text has 150,000, and its full graph does not fit in
 * memory. Beyond {@link #WINDOW} passages, centrality is ranked within consecutive windows of that
 * many (each scaled to [0, 1] on its own, so every part of a long document has its central passages),
 * and terms in more than a twentieth of a window's passages, which link nearly everything to everything,
 * are left out of its graph: time and memory grow linearly with the document.
 */
final class Centrality {
    /** The most passages ranked together. */
    static final int WINDOW = 1_000;

    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 30;
    private static final double MIN_SIMILARITY = 0.05;

    private Centrality() {}

    /** Scores in [0, 1], the most central passage of each window at 1; all zero when nothing is similar. */
    static double[] lexRank(Corpus corpus) {
        int n = corpus.size();
        double[] rank = new double[n];
        int[] local = new int[corpus.documentFrequency.length];
        Arrays.fill(local, -1);
        if (n <= WINDOW) {
            rank(corpus, 0, n, Integer.MAX_VALUE, local, rank);
            return rank;
        }
        for (int from = 0; from < n; from += WINDOW) {
            rank(corpus, from, Math.min(n, from + WINDOW), WINDOW / 20, local, rank);
        }
        return rank;
    }

    /**
     * LexRank of passages [from, to), terms in more than {@code maxDf} of them ignored, into {@code rank}.
     * {@code local} maps term ids to window-local ones (so the index is sized by the window, not the
     * vocabulary); it is all -1 on entry and on return.
     */
    private static void rank(Corpus corpus, int from, int to, int maxDf, int[] local, double[] rank) {
        int n = to - from;
        int vocabulary = 0;
        int[] dfOf = new int[16];
        for (int i = from; i < to; i++) {
            for (int t : corpus.vectorTerms[i]) {
                if (local[t] < 0) {
                    local[t] = vocabulary++;
                    if (vocabulary > dfOf.length) {
                        dfOf = Arrays.copyOf(dfOf, dfOf.length * 2);
                    }
                }
                dfOf[local[t]]++;
            }
        }
        int[][] postings = new int[vocabulary][];
        double[][] postingWeights = new double[vocabulary][];
        for (int t = 0; t < vocabulary; t++) {
            if (dfOf[t] > 1 && dfOf[t] <= maxDf) {
                postings[t] = new int[dfOf[t]];
                postingWeights[t] = new double[dfOf[t]];
            }
        }
        int[] fill = new int[vocabulary];
        for (int i = 0; i < n; i++) {
            int[] terms = corpus.vectorTerms[from + i];
            for (int k = 0; k < terms.length; k++) {
                int t = local[terms[k]];
                if (postings[t] != null) {
                    postings[t][fill[t]] = i;
                    postingWeights[t][fill[t]++] = corpus.vectorWeights[from + i][k];
                }
            }
        }
        // sparse rows of the similarity graph, without self-loops
        int[][] neighbours = new int[n][];
        double[][] weights = new double[n][];
        double[] degree = new double[n];
        double[] acc = new double[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            corpus.stop.check();
            int count = 0;
            int[] terms = corpus.vectorTerms[from + i];
            for (int k = 0; k < terms.length; k++) {
                int t = local[terms[k]];
                if (postings[t] == null) {
                    continue;
                }
                double w = corpus.vectorWeights[from + i][k];
                int[] list = postings[t];
                double[] lw = postingWeights[t];
                for (int m = 0; m < list.length; m++) {
                    int j = list[m];
                    if (j == i) {
                        continue;
                    }
                    if (acc[j] == 0) {
                        touched[count++] = j;
                    }
                    acc[j] += w * lw[m];
                }
            }
            int kept = 0;
            int[] row = new int[count];
            double[] rowWeights = new double[count];
            for (int c = 0; c < count; c++) {
                int j = touched[c];
                if (acc[j] >= MIN_SIMILARITY) {
                    row[kept] = j;
                    rowWeights[kept++] = acc[j];
                    degree[i] += acc[j];
                }
                acc[j] = 0;
            }
            neighbours[i] = Arrays.copyOf(row, kept);
            weights[i] = Arrays.copyOf(rowWeights, kept);
        }
        for (int i = from; i < to; i++) {
            for (int t : corpus.vectorTerms[i]) {
                local[t] = -1;
            }
        }
        double[] current = new double[n];
        Arrays.fill(current, 1.0 / n);
        double[] next = new double[n];
        for (int it = 0; it < ITERATIONS; it++) {
            corpus.stop.check();
            Arrays.fill(next, (1 - DAMPING) / n);
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (degree[i] == 0) {
                    dangling += current[i];
                    continue;
                }
                double share = DAMPING * current[i] / degree[i];
                int[] row = neighbours[i];
                double[] rw = weights[i];
                for (int k = 0; k < row.length; k++) {
                    next[row[k]] += share * rw[k];
                }
            }
            double spread = DAMPING * dangling / n;
            for (int i = 0; i < n; i++) {
                next[i] += spread;
            }
            double[] swap = current;
            current = next;
            next = swap;
        }
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double r : current) {
            max = Math.max(max, r);
            min = Math.min(min, r);
        }
        double range = max - min;
        for (int i = 0; i < n; i++) {
            rank[from + i] = range > 1e-12 ? (current[i] - min) / range : 0;
        }
    }
}
