package dev.mcpweb.summarize.extractive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into index terms with Lucene's analyzer for the summary's language (word tokens, lower
 * case, stop words dropped, stemmed), and maps them to dense integer ids shared by everything scored
 * in one summary. Not thread-safe: one instance per summary.
 */
final class Analyzer {
    private final org.apache.lucene.analysis.Analyzer lucene;
    private final Map<String, Integer> ids = new HashMap<>();

    Analyzer(org.apache.lucene.analysis.Analyzer lucene) {
        this.lucene = lucene;
    }

    /** The term ids of {@code text}, in order, with repeats. */
    int[] terms(String text) {
        int[] out = new int[16];
        int n = 0;
        try (TokenStream tokens = lucene.tokenStream("", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                // a lone letter is an initial or a list marker, not a topic; a lone digit may be an answer
                if (term.length() == 1 && !Character.isDigit(term.charAt(0))) {
                    continue;
                }
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = ids.computeIfAbsent(term.toString(), s -> ids.size());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return Arrays.copyOf(out, n);
    }

    /** How many distinct terms have been seen so far (term ids are below this). */
    int vocabularySize() {
        return ids.size();
    }
}
