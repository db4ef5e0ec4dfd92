package dev.mcpweb.summarize.extractive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Query relevance of every passage: BM25 over its own terms, a share of its neighbours' BM25 (an
 * answer often spans the sentence that names the topic and the next one), the query terms in its
 * heading path, and a small lift for the kind of content the question asks for ({@link QueryIntent});
 * and how much of the query the passage's section covers, so sections can be ranked before passages.
 */
final class Relevance {
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double NEIGHBOUR_SHARE = 0.3;
    private static final double HEADING_SHARE = 0.5;
    /** How much more a passage with the kind of content the question asks for (figures, dates, names …) counts. */
    static final double INTENT_LIFT = 1.25;
    /** The most passages of one section whose coverage of the query is counted together. */
    static final int SECTION_WINDOW = 100;

    private final Corpus corpus;
    final String query;
    final int[] queryTerms;
    /** BM25 of each passage alone. */
    final double[] own;
    /** The combined relevance used for ranking. */
    final double[] combined;
    /** BM25 of the region (paragraph, list or table) each passage belongs to, over all regions. */
    final double[] region;
    /** Share of the query's IDF mass that each passage, its neighbours and its headings contain. */
    final double[] coverage;
    /** Share of the query's IDF mass that each passage's section (its heading path and passages) contains. */
    final double[] sectionCoverage;
    /** For each term id, its index in {@link #queryTerms}, or -1. */
    private int[] queryIndex;

    Relevance(Corpus corpus, String query) {
        this.corpus = corpus;
        this.query = query;
        this.queryTerms = Arrays.stream(corpus.analyzer.terms(query)).distinct().toArray();
        int n = corpus.size();
        own = new double[n];
        combined = new double[n];
        coverage = new double[n];
        region = new double[n];
        sectionCoverage = new double[n];
        if (queryTerms.length == 0) {
            return;
        }
        double[] weight = new double[queryTerms.length];
        double mass = 0;
        for (int q = 0; q < queryTerms.length; q++) {
            weight[q] = corpus.idf(queryTerms[q]);
            mass += weight[q];
        }
        // Which query term each term id is, if any: one pass over a passage's terms counts them all.
        queryIndex = new int[corpus.analyzer.vocabularySize()];
        Arrays.fill(queryIndex, -1);
        for (int q = 0; q < queryTerms.length; q++) {
            queryIndex[queryTerms[q]] = q; // the query was analysed last: its ids are below the vocabulary's size
        }
        int[] tf = new int[queryTerms.length];
        for (int i = 0; i < n; i++) {
            own[i] = bm25(corpus.terms[i], weight, tf);
        }
        QueryIntent intent = QueryIntent.of(query);
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
                if (intent.matches(p)) {
                    score *= INTENT_LIFT;
                }
            }
            combined[i] = score;
        }
        scoreRegions();
        scoreSections(weight, mass);
    }

    /**
     * The share of the query's IDF mass that each passage's section holds in its heading path and its
     * passages. A section longer than {@link #SECTION_WINDOW} passages (or a long text with no headings)
     * counts as consecutive stretches of that many, each with the section's heading path, so coverage
     * still tells one part of a long document from another.
     */
    private void scoreSections(double[] weight, double mass) {
        int n = corpus.size();
        int[] unitOf = new int[n];
        List<boolean[]> units = new ArrayList<>();
        int inUnit = 0;
        for (int i = 0; i < n; i++) {
            Section s = corpus.passages.get(i).block().section();
            boolean fresh = i == 0 || corpus.passages.get(i - 1).block().section() != s || inUnit == SECTION_WINDOW;
            if (fresh) {
                boolean[] has = new boolean[queryTerms.length];
                for (int q = 0; q < queryTerms.length; q++) {
                    has[q] = contains(corpus.headingTerms[s.index()], queryTerms[q]);
                }
                units.add(has);
                inUnit = 0;
            }
            inUnit++;
            unitOf[i] = units.size() - 1;
            boolean[] has = units.getLast();
            for (int q = 0; q < queryTerms.length; q++) {
                has[q] |= contains(corpus.vectorTerms[i], queryTerms[q]);
            }
        }
        double[] unitCoverage = new double[units.size()];
        for (int u = 0; u < unitCoverage.length; u++) {
            double covered = 0;
            for (int q = 0; q < queryTerms.length; q++) {
                covered += units.get(u)[q] ? weight[q] : 0;
            }
            unitCoverage[u] = covered / mass;
        }
        for (int i = 0; i < n; i++) {
            sectionCoverage[i] = unitCoverage[unitOf[i]];
        }
    }

    /**
     * Scores regions as documents of their own: a paragraph, or a run of list items or table rows
     * under one heading. An answer often sits in a sentence without the query's words, next to
     * sentences that have them; the region's score lifts it.
     */
    private void scoreRegions() {
        int n = corpus.size();
        int[] regionOf = new int[n];
        List<int[]> regionTerms = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        int current = -1;
        for (int i = 0; i < n; i++) {
            Block b = corpus.passages.get(i).block();
            boolean continues =
                    i > 0 && continuesRegion(corpus.passages.get(i - 1).block(), b);
            if (!continues) {
                current++;
                lengths.add(0);
            }
            regionOf[i] = current;
            lengths.set(current, lengths.get(current) + corpus.terms[i].length);
        }
        int regions = current + 1;
        int[][] counts = new int[regions][queryTerms.length];
        for (int i = 0; i < n; i++) {
            for (int t : corpus.terms[i]) {
                int q = queryIndex[t];
                if (q >= 0) {
                    counts[regionOf[i]][q]++;
                }
            }
        }
        double average = lengths.stream().mapToInt(Integer::intValue).average().orElse(1);
        double[] score = new double[regions];
        for (int q = 0; q < queryTerms.length; q++) {
            int df = 0;
            for (int r = 0; r < regions; r++) {
                df += counts[r][q] > 0 ? 1 : 0;
            }
            double idf = Math.log(1 + (regions - df + 0.5) / (df + 0.5));
            for (int r = 0; r < regions; r++) {
                int tf = counts[r][q];
                if (tf > 0) {
                    double norm = K1 * (1 - B + B * lengths.get(r) / Math.max(1.0, average));
                    score[r] += idf * tf * (K1 + 1) / (tf + norm);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            region[i] = score[regionOf[i]];
        }
    }

    private static boolean continuesRegion(Block previous, Block next) {
        if (previous == next) {
            return true;
        }
        if (previous.section() != next.section() || previous.kind() != next.kind()) {
            return false;
        }
        return switch (next.kind()) {
            case LIST_ITEM -> next.index() == previous.index() + 1;
            case TABLE_ROW -> next.group() == previous.group();
            case FACT -> true;
            default -> false;
        };
    }

    /** BM25 of one passage; {@code tf} is room for the count of each query term, all zero on entry and on return. */
    private double bm25(int[] passage, double[] weight, int[] tf) {
        for (int t : passage) {
            int q = queryIndex[t];
            if (q >= 0) {
                tf[q]++;
            }
        }
        double norm = K1 * (1 - B + B * passage.length / corpus.averageLength);
        double score = 0;
        for (int q = 0; q < queryTerms.length; q++) {
            if (tf[q] > 0) {
                score += weight[q] * tf[q] * (K1 + 1) / (tf[q] + norm);
                tf[q] = 0;
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
