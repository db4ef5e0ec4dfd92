package dev.mcpweb.summarize.extractive;

import dev.mcpweb.document.Document;
import dev.mcpweb.summarize.InjectionScan;
import dev.mcpweb.summarize.SourceList;
import dev.mcpweb.summarize.Summarizer;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import dev.mcpweb.summarize.SummaryStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The embedded summarizer used when no LLM is configured: it quotes the passages (sentences, list
 * items, table rows, whole code blocks) that best answer the query, or best cover the documents when
 * there is no query, within a word budget, and cites each one. Relevance is BM25 over stemmed terms
 * with neighbouring sentences and headings as context; centrality is LexRank; structure counts
 * position, headings and emphasis; maximal marginal relevance keeps near-duplicates out. A query
 * the sources do not answer is said to be unanswered rather than padded. Deterministic, in-process,
 * a few milliseconds per page; an instance holds no state and may be shared. It checks the request's
 * {@link SummaryRequest#stop() token} between passages, so a cancelled or overdue summary ends early.
 */
public final class ExtractiveSummarizer implements Summarizer {
    static final int DEFAULT_MAX_LENGTH = 200;
    /** A query is answered only if some passage with its neighbours and headings holds this share of it. */
    static final double MIN_COVERAGE = 0.1;
    /** Passages below this share of the best relevance are not quoted as answers. */
    static final double MIN_RELATIVE_RELEVANCE = 0.6;
    /** How much of a passage's relevance comes from its region (paragraph, list, table) rather than itself. */
    static final double REGION_SHARE = 0.3;

    /** Words that start a sentence referring back to the one before it ("This", "They", "Dies" …). */
    private static final Pattern REFERS_BACK = Pattern.compile("(?iu)^\\W*(this|that|these|those|it|its|they|their|them"
            + "|he|she|his|her|such|both|dies|diese[rsnm]?|dadurch|dabei|damit|deshalb|daher|er|sie|es|ce|cela|ceci"
            + "|cette|ces|il|elle|ils|elles|esto|este|esta|estos|estas|eso|ello|ellos|ellas)\\b");
    /** A question that asks two things ("Which …, and what happens if …?"). */
    private static final Pattern TWO_QUESTIONS = Pattern.compile(
            "(?iu)(,| and) (and |und |et |y )?(what|how|when|where|why|who|which|was|wie|wann|wo|warum|wer|welche\\w*|que|quoi|comment|quand|qu[eé]|c[oó]mo|cu[aá]ndo|d[oó]nde)\\b.*\\?");
    /** A sentence that refers back within its first words ("If it's a hit", "They are"). */
    private static final Pattern REFERS_BACK_EARLY = Pattern.compile(
            "(?iu)^\\W*(\\p{L}+\\W+){0,2}?(it|it's|it’s|they|they're|they’re|this|these|those|er|sie|es|dies\\w*|il|elle|ils|elles)\\b");

    /**
     * How much of a passage's focus depends on its section's coverage of the query, against the section
     * that covers most: the section that holds a restaurant's name, "diners" and "cocktail" outranks the
     * introduction that repeats "new Houston restaurants" when the question asks for all of them.
     */
    static final double SECTION_SHARE = 0.7;

    /** What a code block's relevance counts for when the question does not ask for code. */
    static final double PROSE_QUERY_CODE_SHARE = 0.5;

    private final boolean bm25Only;
    private final double sectionShare;

    public ExtractiveSummarizer() {
        this(false, SECTION_SHARE);
    }

    private ExtractiveSummarizer(boolean bm25Only, double sectionShare) {
        this.bm25Only = bm25Only;
        this.sectionShare = sectionShare;
    }

    /** This summarizer with sections weighted by {@code share} instead of {@link #SECTION_SHARE}; 0 ranks passages flat. */
    static ExtractiveSummarizer withSectionShare(double share) {
        return new ExtractiveSummarizer(false, share);
    }

    /**
     * A baseline for evaluations: the passages with the highest BM25 score for the query, alone,
     * with no context, headings, centrality, structure or diversity.
     */
    public static ExtractiveSummarizer bm25Baseline() {
        return new ExtractiveSummarizer(true, SECTION_SHARE);
    }

    /**
     * The terms this summarizer scores {@code text} by: Lucene's analyzer for the language {@code tag}
     * names (English when none or unknown), lower case, stop words out, stemmed. Other stages that rank
     * text against a query use it, so a crawl and a summary agree on what matches.
     */
    public static List<String> terms(String text, Optional<String> tag) {
        return Analyzer.words(Language.analyzer(tag.flatMap(Language::code).orElse("en")), text);
    }

    @Override
    public Summary summarize(SummaryRequest request, SummaryListener listener) {
        long start = System.nanoTime();
        List<Document> documents = request.documents();
        int budget = request.maxLengthWords() > 0 ? request.maxLengthWords() : DEFAULT_MAX_LENGTH;
        Corpus corpus = new Corpus(documents, request.stop());
        List<String> warnings = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            int source = d + 1;
            if (corpus.passages.stream().noneMatch(p -> p.block().source() == source)) {
                warnings.add("Source [" + source + "] (" + documents.get(d).title() + ") has no text to summarize.");
            }
        }
        // Text that addresses an AI is left out rather than quoted with a marker: the reader of this summary
        // is often a model, which a marker would not stop from obeying it. The warnings say what was left out.
        warnings.addAll(InjectionScan.warnings(documents, request.stop()));
        long leftOut = IntStream.range(0, corpus.size())
                .filter(i -> corpus.addressesAnAi[i])
                .count();
        listener.onProgress("rank", 0, 1);
        String notice = leftOut == 0
                ? ""
                : "_Left out: " + leftOut + (leftOut == 1 ? " passage" : " passages")
                        + " addressed to an AI rather than to readers (see the warnings)._";
        List<Passage> chosen;
        if (corpus.size() == 0) {
            chosen = List.of();
            notice = documents.isEmpty() ? "There is nothing to summarize." : "The source has no text to summarize.";
        } else if (request.query().isPresent()) {
            Relevance relevance = new Relevance(corpus, request.query().get());
            if (bm25Only) {
                chosen = new Selection(corpus, budget)
                        .byMarginalRelevance(relevance.own, 1.0)
                        .chosen();
            } else if (answered(relevance)) {
                chosen = queryFocused(corpus, relevance, budget, sectionShare);
            } else {
                notice = (notice.isEmpty() ? "" : notice + "\n\n")
                        + "**No passage in the sources answers this query.** "
                        + "What follows is a short general summary instead.";
                warnings.add("The sources do not appear to answer the query.");
                chosen = general(corpus, Math.min(budget, Math.max(30, budget / 3)));
            }
        } else {
            chosen = general(corpus, budget);
        }
        listener.onProgress("rank", 1, 1);
        request.stop().check();
        String markdown = new SummaryWriter(documents).write(request.query(), chosen, notice);
        listener.onDelta(markdown);
        List<Summary.SourceRef> sources = SourceList.of(documents);
        long inputWords = corpus.passages.stream().mapToLong(Passage::words).sum();
        long outputWords = chosen.stream().mapToLong(Passage::words).sum();
        SummaryStats stats = new SummaryStats(
                "extractive",
                bm25Only ? "bm25" : "lexical",
                request.query().isPresent() ? "query" : "general",
                corpus.size(),
                0,
                0,
                inputWords,
                outputWords,
                Duration.ofNanos(System.nanoTime() - start));
        return new Summary(markdown, sources, stats, warnings);
    }

    private static boolean answered(Relevance relevance) {
        int best = argmax(relevance.combined);
        return best >= 0
                && relevance.combined[best] > 0
                && Arrays.stream(relevance.coverage).max().orElse(0) >= MIN_COVERAGE;
    }

    private static List<Passage> queryFocused(Corpus corpus, Relevance relevance, int budget, double sectionShare) {
        double[] rel = relevance.combined;
        double maxRel = max(rel);
        double maxRegion = Math.max(1e-9, max(relevance.region));
        double[] centrality = Centrality.lexRank(corpus);
        double[] focus = new double[corpus.size()];
        for (int i = 0; i < focus.length; i++) {
            focus[i] = (1 - REGION_SHARE) * rel[i] / maxRel + REGION_SHARE * relevance.region[i] / maxRegion;
        }
        double bestSection = max(relevance.sectionCoverage);
        if (bestSection > 0) { // sections first: a passage counts as much as its section covers the query
            for (int i = 0; i < focus.length; i++) {
                focus[i] *= (1 - sectionShare) + sectionShare * relevance.sectionCoverage[i] / bestSection;
            }
        }
        boolean asksForCode = QueryIntent.asksForCode(relevance.query);
        if (!asksForCode) {
            for (int i = 0; i < focus.length; i++) {
                if (corpus.passages.get(i).block().kind() == Block.Kind.CODE) {
                    focus[i] *= PROSE_QUERY_CODE_SHARE;
                }
            }
        }
        double maxFocus = max(focus);
        double[] score = new double[corpus.size()];
        for (int i = 0; i < score.length; i++) {
            if (focus[i] >= MIN_RELATIVE_RELEVANCE * maxFocus) {
                Passage p = corpus.passages.get(i);
                double s = focus[i] / maxFocus + 0.1 * centrality[i] + 0.05 * structure(p);
                score[i] = isFragment(p) ? s * 0.5 : s;
            }
        }
        Selection selection = new Selection(corpus, budget);
        for (int i = 0; i < score.length; i++) {
            if (score[i] > 0) {
                companions(corpus, i, asksForCode, selection);
                if (i + 1 < corpus.size() && completes(corpus, relevance, i, i + 1)) {
                    selection.withCompanion(i, i + 1);
                }
            }
        }
        return selection.byMarginalRelevance(score, 0.75).withContext(2).chosen();
    }

    /**
     * What passage {@code i} needs beside it: the sentence before it when it refers back to it, and
     * when the question asks for code, the code block it introduces or the sentence introducing it.
     */
    private static void companions(Corpus corpus, int i, boolean asksForCode, Selection selection) {
        Passage p = corpus.passages.get(i);
        int previous = i - 1;
        boolean previousInSection = previous >= 0
                && corpus.passages.get(previous).block().section() == p.block().section();
        if (previousInSection
                && p.block().kind() != Block.Kind.CODE
                && REFERS_BACK.matcher(p.text()).find()) {
            selection.withCompanion(i, previous);
        }
        if (!asksForCode) {
            return;
        }
        int next = i + 1;
        if (next < corpus.size() && introduces(corpus, i, next)) {
            selection.withCompanion(i, next);
        }
        if (previousInSection && introduces(corpus, previous, i)) {
            selection.withCompanion(i, previous);
        }
    }

    /**
     * Whether passage {@code next}, the prose after {@code i} in its section, completes it, so that
     * quoting {@code i} alone would cut the answer short: the question's terms are split between two
     * sentences of one paragraph ({@code next} has one that {@code i} lacks), or the question asks two
     * things and {@code next} refers back to {@code i} ("If it's a hit, …"). Taking the next sentence
     * always admitted distractors; these two cases did not on the tuning questions.
     */
    static boolean completes(Corpus corpus, Relevance relevance, int i, int next) {
        Passage p = corpus.passages.get(i);
        Passage n = corpus.passages.get(next);
        if (p.block().kind() == Block.Kind.CODE
                || p.block().kind() == Block.Kind.FACT
                || n.block().kind() == Block.Kind.CODE
                || n.block().kind() == Block.Kind.FACT
                || p.block().section() != n.block().section()
                || (n.block() != p.block() && n.block().index() != p.block().index() + 1)) {
            return false;
        }
        if (TWO_QUESTIONS.matcher(relevance.query).find()
                && REFERS_BACK_EARLY.matcher(n.text()).find()) {
            return true;
        }
        if (n.block() != p.block()) {
            return false;
        }
        for (int t : relevance.queryTerms) {
            if (contains(corpus.vectorTerms[next], t) && !contains(corpus.vectorTerms[i], t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] sorted, int term) {
        return Arrays.binarySearch(sorted, term) >= 0;
    }

    /** Whether passage {@code intro} is the last sentence before code block {@code code} in its section. */
    private static boolean introduces(Corpus corpus, int intro, int code) {
        Passage a = corpus.passages.get(intro);
        Passage b = corpus.passages.get(code);
        return b.block().kind() == Block.Kind.CODE
                && a.block().kind() != Block.Kind.CODE
                && a.block() != b.block()
                && a.block().section() == b.block().section()
                && b.block().index() == a.block().index() + 1;
    }

    /** A passage of a few words that is neither code nor a labelled value ("Price: $129"): a fragment. */
    private static boolean isFragment(Passage p) {
        return p.words() < 4 && p.block().kind() != Block.Kind.CODE && !p.text().contains(": ");
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static List<Passage> general(Corpus corpus, int budget) {
        double[] centrality = Centrality.lexRank(corpus);
        double[] score = new double[corpus.size()];
        for (int i = 0; i < score.length; i++) {
            Passage p = corpus.passages.get(i);
            double lead = 1 - p.block().position();
            double s = 0.5 * centrality[i] + 0.3 * lead * lead + 0.2 * structure(p);
            score[i] = (s + 1e-6) * kindWeight(p);
        }
        return new Selection(corpus, budget).byMarginalRelevance(score, 0.7).chosen();
    }

    /** Position, emphasis and being the first sentence under a heading, in [0, 1]. */
    private static double structure(Passage p) {
        double s = 0.4 * (1 - p.block().position());
        if (p.emphasized()) {
            s += 0.3;
        }
        if (p.ordinalInBlock() == 0 && p.block().section().heading().isPresent()) {
            s += 0.3;
        }
        return s;
    }

    /** Prose summarizes best; fragments, code, facts and table rows less so when there is no query. */
    private static double kindWeight(Passage p) {
        double w = switch (p.block().kind()) {
            case PARAGRAPH -> 1.0;
            case LIST_ITEM -> 0.8;
            case TABLE_ROW -> 0.5;
            case CODE -> 0.3;
            case FACT -> 0.5;
        };
        return p.words() < 6 ? w * 0.4 : w;
    }

    private static int argmax(double[] values) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (best < 0 || values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
