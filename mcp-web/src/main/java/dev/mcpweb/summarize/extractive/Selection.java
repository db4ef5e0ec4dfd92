package dev.mcpweb.summarize.extractive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy maximal-marginal-relevance selection under a word budget: each step takes the passage with
 * the best trade-off between its score and its similarity to what is already taken, skips near
 * duplicates, and skips passages that no longer fit. The budget is a hard ceiling: a first pick longer
 * than the whole budget is quoted cut at the budget with an ellipsis, so the best answer still leads;
 * a code block is never cut, it is left out. A passage may bring companions that it needs to be
 * understood (the sentence a "This" refers to, the code block a sentence introduces): they are
 * taken with it when they fit.
 */
final class Selection {
    private static final double NEAR_DUPLICATE = 0.8;
    /** How far a chain of companions reaches: a sentence, the one it needs, and the one that one needs. */
    private static final int COMPANION_DEPTH = 2;

    private final Corpus corpus;
    private final int budget;
    private final List<Integer> chosen = new ArrayList<>();
    private final boolean[] taken;
    /** Per passage: the highest similarity to the first {@code compared[i]} chosen passages. */
    private final double[] redundancy;

    private final int[] compared;
    /** Per passage: the passages to take with it, or none. */
    private final int[][] companions;

    private int used;
    private int cut = -1;

    Selection(Corpus corpus, int budget) {
        this.corpus = corpus;
        this.budget = budget;
        // Passages that address an AI count as taken: never chosen, and context steps over them.
        this.taken = corpus.addressesAnAi.clone();
        this.redundancy = new double[corpus.size()];
        this.compared = new int[corpus.size()];
        this.companions = new int[corpus.size()][];
    }

    /** Makes {@code companion} come with {@code passage} whenever it is chosen and fits. */
    Selection withCompanion(int passage, int companion) {
        int[] now = companions[passage];
        companions[passage] = now == null ? new int[] {companion} : append(now, companion);
        return this;
    }

    private static int[] append(int[] values, int value) {
        int[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = value;
        return out;
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
                // no later passage can beat the best so far: its value is at most lambda times its score
                if (score[i] <= 0 || lambda * score[i] <= bestValue) {
                    break;
                }
                if (taken[i] || !(fits(i) || cuttable(i))) {
                    continue;
                }
                double r = redundancy(i);
                if (r >= NEAR_DUPLICATE) {
                    continue;
                }
                double value = lambda * score[i] - (1 - lambda) * r;
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) {
                return this;
            }
            if (!fits(best)) {
                cut = best;
            }
            take(best);
            takeCompanions(best, COMPANION_DEPTH);
        }
    }

    /** Takes what {@code i} needs, and what that needs in turn, {@code depth} steps away at most. */
    private void takeCompanions(int i, int depth) {
        if (companions[i] == null || depth == 0) {
            return;
        }
        for (int c : companions[i]) {
            if (!taken[c] && fits(c)) {
                take(c);
                takeCompanions(c, depth - 1);
            }
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

    /** The chosen passages, in the order they were chosen; one cut at the budget is marked so. */
    List<Passage> chosen() {
        List<Passage> out = new ArrayList<>(chosen.size());
        for (int i : chosen) {
            Passage p = corpus.passages.get(i);
            out.add(i == cut ? cutAt(p, budget) : p);
        }
        return out;
    }

    /** The first {@code words} words of {@code p}, ending with an ellipsis. */
    static Passage cutAt(Passage p, int words) {
        String text = p.text();
        int seen = 0;
        int end = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord && ++seen > words) {
                break;
            }
            inWord = !space;
            if (!space) {
                end = i + 1;
            }
        }
        return new Passage(
                p.index(), p.block(), p.ordinalInBlock(), text.substring(0, end) + "\u2026", words, p.emphasized());
    }

    private double redundancy(int i) {
        for (int k = compared[i]; k < chosen.size(); k++) {
            redundancy[i] = Math.max(redundancy[i], corpus.similarity(i, chosen.get(k)));
        }
        compared[i] = chosen.size();
        return redundancy[i];
    }

    private boolean sameSection(int a, int b) {
        return corpus.passages.get(a).block().section()
                == corpus.passages.get(b).block().section();
    }

    private boolean fits(int i) {
        return used + corpus.passages.get(i).words() <= budget;
    }

    /** Whether {@code i} may be the first pick although it is over the budget: it is cut, unless it is code. */
    private boolean cuttable(int i) {
        return chosen.isEmpty() && corpus.passages.get(i).block().kind() != Block.Kind.CODE;
    }

    private void take(int i) {
        taken[i] = true;
        chosen.add(i);
        used += Math.min(budget, corpus.passages.get(i).words());
    }
}
