package dev.mcpweb.summarize.extractive;

/**
 * Continuous LexRank: PageRank over the graph of passages weighted by TF-IDF cosine similarity, so
 * passages that many others resemble rank high. Similarities are accumulated through an inverted
 * index, so the cost follows the shared terms rather than all pairs.
 */
final class Centrality {
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 30;
    private static final double MIN_SIMILARITY = 0.05;

    private Centrality() {}

    /** Scores in [0, 1], the most central passage at 1; all zero when nothing is similar. */
    static double[] lexRank(Corpus corpus) {
        int n = corpus.size();
        double[] rank = new double[n];
        if (n == 0) {
            return rank;
        }
        int vocabulary = corpus.documentFrequency.length;
        int[] df = new int[vocabulary];
        for (int[] terms : corpus.vectorTerms) {
            for (int t : terms) {
                df[t]++;
            }
        }
        int[][] postings = new int[vocabulary][];
        double[][] postingWeights = new double[vocabulary][];
        for (int t = 0; t < vocabulary; t++) {
            if (df[t] > 1) {
                postings[t] = new int[df[t]];
                postingWeights[t] = new double[df[t]];
            }
        }
        int[] fill = new int[vocabulary];
        for (int i = 0; i < n; i++) {
            int[] terms = corpus.vectorTerms[i];
            for (int k = 0; k < terms.length; k++) {
                int t = terms[k];
                if (postings[t] != null) {
                    postings[t][fill[t]] = i;
                    postingWeights[t][fill[t]++] = corpus.vectorWeights[i][k];
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
            int[] terms = corpus.vectorTerms[i];
            for (int k = 0; k < terms.length; k++) {
                int t = terms[k];
                if (postings[t] == null) {
                    continue;
                }
                double w = corpus.vectorWeights[i][k];
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
            neighbours[i] = java.util.Arrays.copyOf(row, kept);
            weights[i] = java.util.Arrays.copyOf(rowWeights, kept);
        }
        java.util.Arrays.fill(rank, 1.0 / n);
        double[] next = new double[n];
        for (int it = 0; it < ITERATIONS; it++) {
            java.util.Arrays.fill(next, (1 - DAMPING) / n);
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (degree[i] == 0) {
                    dangling += rank[i];
                    continue;
                }
                double share = DAMPING * rank[i] / degree[i];
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
            double[] swap = rank;
            rank = next;
            next = swap;
        }
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double r : rank) {
            max = Math.max(max, r);
            min = Math.min(min, r);
        }
        double range = max - min;
        for (int i = 0; i < n; i++) {
            rank[i] = range > 1e-12 ? (rank[i] - min) / range : 0;
        }
        return rank;
    }
}
