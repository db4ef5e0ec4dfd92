package dev.mcpweb.summarize.extractive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy maximal-marginal-relevance selection under a word budget: each step takes the passage with
 * the best trade-off between its score and its similarity to what is already taken, skips near
 * duplicates, and skips passages that no longer fit. The first pick may overrun the budget (a code
 * block up to three times, anything else up to twice) so that the best answer is kept whole.
 */
final class Selection {
    private static final double NEAR_DUPLICATE = 0.8;

    private final Corpus corpus;
    private final int budget;
    private final List<Integer> chosen = new ArrayList<>();
    private final boolean[] taken;
    private int used;

    Selection(Corpus corpus, int budget) {
        this.corpus = corpus;
        this.budget = budget;
        // Passages that address an AI count as taken: never chosen, and context steps over them.
        this.taken = corpus.addressesAnAi.clone();
    }

    /** Adds passages with a positive score by MMR until nothing more fits. */
    Selection byMarginalRelevance(double[] score, double lambda) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : a - b);
        while (true) {
            corpus.stop.check();
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i : order) {
                if (score[i] <= 0) {
                    break;
                }
                if (taken[i] || !fits(i)) {
                    continue;
                }
                double redundancy = 0;
                for (int s : chosen) {
                    redundancy = Math.max(redundancy, corpus.similarity(i, s));
                }
                if (redundancy >= NEAR_DUPLICATE) {
                    continue;
                }
                double value = lambda * score[i] - (1 - lambda) * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) {
                return this;
            }
            take(best);
        }
    }

    /**
     * Spends what is left of the budget on the passages next to those chosen (the sentence after
     * first, then the one before), in the order they were chosen, within the same section.
     */
    Selection withContext(int rounds) {
        for (int round = 0; round < rounds; round++) {
            for (int s : List.copyOf(chosen)) {
                for (int step : new int[] {+1, -1}) {
                    int j = s + step;
                    while (j >= 0 && j < taken.length && taken[j]) {
                        j += step;
                    }
                    if (j >= 0
                            && j < taken.length
                            && sameSection(s, j)
                            && corpus.passages.get(j).block().kind() != Block.Kind.CODE
                            && fits(j)) {
                        take(j);
                        break;
                    }
                }
            }
        }
        return this;
    }

    /** The chosen passage indexes, in the order they were chosen. */
    List<Integer> chosen() {
        return List.copyOf(chosen);
    }

    private boolean sameSection(int a, int b) {
        return corpus.passages.get(a).block().section()
                == corpus.passages.get(b).block().section();
    }

    private boolean fits(int i) {
        Passage p = corpus.passages.get(i);
        if (chosen.isEmpty()) {
            int allowance = p.block().kind() == Block.Kind.CODE ? 3 * budget : 2 * budget;
            return p.words() <= allowance;
        }
        return used + p.words() <= budget;
    }

    private void take(int i) {
        taken[i] = true;
        chosen.add(i);
        used += corpus.passages.get(i).words();
    }
}
