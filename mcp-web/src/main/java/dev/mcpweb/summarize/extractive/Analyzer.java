package dev.mcpweb.summarize.extractive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns text into index terms: runs of letters and digits, lower-cased, English stop words dropped,
 * Porter-stemmed, and mapped to dense integer ids shared by everything scored in one summary. Not
 * thread-safe: one instance per summary.
 */
final class Analyzer {
    private final PorterStemmer stemmer = new PorterStemmer();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, String> stems = new HashMap<>();

    /** The term ids of {@code text}, in order, with repeats. */
    int[] terms(String text) {
        List<String> words = words(text);
        int[] out = new int[words.size()];
        int n = 0;
        for (String w : words) {
            if (isStopWord(w)) {
                continue;
            }
            String stem = stems.computeIfAbsent(w, stemmer::stem);
            out[n++] = ids.computeIfAbsent(stem, s -> ids.size());
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** How many distinct terms have been seen so far (term ids are below this). */
    int vocabularySize() {
        return ids.size();
    }

    /** Lower-cased runs of letters and digits; an apostrophe inside a word is dropped with its tail. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            StringBuilder w = new StringBuilder();
            while (i < n) {
                cp = text.codePointAt(i);
                if (Character.isLetterOrDigit(cp)) {
                    w.appendCodePoint(Character.toLowerCase(cp));
                    i += Character.charCount(cp);
                } else if ((cp == '\'' || cp == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                    // don't, it's, John's: keep the stem before the apostrophe
                    i++;
                    while (i < n && Character.isLetter(text.charAt(i))) {
                        i++;
                    }
                    break;
                } else {
                    break;
                }
            }
            out.add(w.toString());
        }
        return out;
    }

    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word) || (word.length() == 1 && !Character.isDigit(word.charAt(0)));
    }

    private static final Set<String> STOP_WORDS = Set.of(
            "a",
            "about",
            "above",
            "after",
            "again",
            "against",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "doing",
            "don",
            "down",
            "during",
            "each",
            "else",
            "etc",
            "ever",
            "every",
            "few",
            "for",
            "from",
            "further",
            "get",
            "gets",
            "got",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "herself",
            "him",
            "himself",
            "his",
            "how",
            "however",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "itself",
            "just",
            "let",
            "like",
            "may",
            "me",
            "might",
            "more",
            "most",
            "much",
            "must",
            "my",
            "myself",
            "no",
            "nor",
            "not",
            "now",
            "of",
            "off",
            "on",
            "once",
            "one",
            "only",
            "or",
            "other",
            "our",
            "ours",
            "ourselves",
            "out",
            "over",
            "own",
            "per",
            "same",
            "shall",
            "she",
            "should",
            "so",
            "some",
            "such",
            "than",
            "that",
            "the",
            "their",
            "theirs",
            "them",
            "themselves",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "through",
            "thus",
            "to",
            "too",
            "under",
            "until",
            "up",
            "upon",
            "us",
            "use",
            "used",
            "using",
            "very",
            "via",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "whether",
            "which",
            "while",
            "who",
            "whom",
            "whose",
            "why",
            "will",
            "with",
            "within",
            "without",
            "would",
            "yet",
            "you",
            "your",
            "yours",
            "yourself",
            "yourselves",
            "way",
            "ways",
            "many",
            "make",
            "makes",
            "made",
            "want",
            "need",
            "know",
            "tell",
            "according",
            "currently",
            "actually",
            "really",
            "thing",
            "things");
}
