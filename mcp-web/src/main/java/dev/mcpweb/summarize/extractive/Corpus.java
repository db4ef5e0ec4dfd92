package dev.mcpweb.summarize.extractive;

import dev.mcpweb.document.Document;
import dev.mcpweb.work.StopToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything one summary scores: the passages of all sources with their terms, the terms of each
 * section's heading path, document frequencies over passages, and unit-length TF-IDF vectors.
 */
final class Corpus {
    final List<Section> sections = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    final List<Passage> passages = new ArrayList<>();
    final Analyzer analyzer;
    /** Term ids of each passage, in order with repeats. */
    final int[][] terms;
    /** Distinct term ids of each section's heading path. */
    final int[][] headingTerms;
    /** Passage vectors: sorted distinct term ids and their unit-length TF-IDF weights. */
    final int[][] vectorTerms;

    final double[][] vectorWeights;
    /** Passages that address an AI (alone, or joined with the next one of their block): never quoted. */
    final boolean[] addressesAnAi;

    final int[] documentFrequency;
    final double averageLength;

    /** Checked between passages and sections by the stages that walk this corpus. */
    final StopToken stop;

    Corpus(List<Document> documents, StopToken stop) {
        this.stop = stop;
        analyzer = new Analyzer(Language.analyzerFor(documents));
        for (int d = 0; d < documents.size(); d++) {
            stop.check();
            Document doc = documents.get(d);
            String markdown = doc.markdown().isBlank() ? doc.text() : doc.markdown();
            MarkdownPassages.parse(markdown, d + 1, sections, blocks, passages);
            FactPassages.append(doc.metadata().productFacts(), d + 1, sections, blocks, passages);
        }
        int n = passages.size();
        addressesAnAi = SuspectPassages.of(passages, stop);
        terms = new int[n][];
        long total = 0;
        for (int i = 0; i < n; i++) {
            stop.check();
            Passage p = passages.get(i);
            terms[i] = analyzer.terms(
                    switch (p.block().kind()) {
                        case CODE -> stripFence(p.text());
                        case FACT -> FactPassages.matchedText(p);
                        default -> p.text();
                    });
            total += terms[i].length;
        }
        headingTerms = new int[sections.size()][];
        for (Section s : sections) {
            headingTerms[s.index()] =
                    Arrays.stream(analyzer.terms(s.path())).distinct().sorted().toArray();
        }
        averageLength = n == 0 ? 1 : Math.max(1.0, (double) total / n);
        documentFrequency = new int[analyzer.vocabularySize() + 64];
        vectorTerms = new int[n][];
        vectorWeights = new double[n][];
        double[][] tf = new double[n][];
        for (int i = 0; i < n; i++) {
            int[] sorted = terms[i].clone();
            Arrays.sort(sorted);
            int[] distinct = new int[sorted.length];
            double[] counts = new double[sorted.length];
            int m = 0;
            for (int k = 0; k < sorted.length; k++) {
                if (k == 0 || sorted[k] != sorted[k - 1]) {
                    distinct[m++] = sorted[k];
                    documentFrequency[sorted[k]]++;
                }
                counts[m - 1]++;
            }
            vectorTerms[i] = Arrays.copyOf(distinct, m);
            tf[i] = counts;
        }
        for (int i = 0; i < n; i++) {
            int[] distinct = vectorTerms[i];
            double[] w = new double[distinct.length];
            double norm = 0;
            for (int k = 0; k < distinct.length; k++) {
                w[k] = (1 + Math.log(tf[i][k])) * idf(distinct[k]);
                norm += w[k] * w[k];
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int k = 0; k < w.length; k++) {
                    w[k] /= norm;
                }
            }
            vectorWeights[i] = w;
        }
    }

    int size() {
        return passages.size();
    }

    /** BM25's inverse document frequency over passages; terms never seen get the highest value. */
    double idf(int term) {
        int df = term < documentFrequency.length ? documentFrequency[term] : 0;
        int n = passages.size();
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /** Cosine similarity of two passages' TF-IDF vectors. */
    double similarity(int a, int b) {
        int[] ta = vectorTerms[a];
        int[] tb = vectorTerms[b];
        double[] wa = vectorWeights[a];
        double[] wb = vectorWeights[b];
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < ta.length && j < tb.length) {
            if (ta[i] == tb[j]) {
                dot += wa[i++] * wb[j++];
            } else if (ta[i] < tb[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    private static String stripFence(String fenced) {
        int first = fenced.indexOf('\n');
        int last = fenced.lastIndexOf("\n```");
        return first >= 0 && last > first ? fenced.substring(first + 1, last) : fenced;
    }
}
