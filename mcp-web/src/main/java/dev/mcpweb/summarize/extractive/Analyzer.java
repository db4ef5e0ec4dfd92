package dev.mcpweb.summarize.extractive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into index terms with Lucene's analyzer for the summary's language (word tokens, lower
 * case, stop words dropped, stemmed), and maps them to dense integer ids shared by everything scored
 * in one summary. Not thread-safe: one instance per summary.
 */
final class Analyzer {
    private final org.apache.lucene.analysis.Analyzer lucene;
    /** Ids by term, looked up in the token's own buffer: no string is made for a term seen before. */
    private final CharArrayMap<Integer> ids = new CharArrayMap<>(256, false);

    Analyzer(org.apache.lucene.analysis.Analyzer lucene) {
        this.lucene = lucene;
    }

    /** The term ids of {@code text}, in order, with repeats. */
    int[] terms(String text) {
        int[][] out = {new int[16]};
        int[] n = {0};
        forEachTerm(lucene, text, term -> {
            if (n[0] == out[0].length) {
                out[0] = Arrays.copyOf(out[0], n[0] * 2);
            }
            Integer id = ids.get(term.buffer(), 0, term.length());
            if (id == null) {
                id = ids.size();
                ids.put(term.toString(), id);
            }
            out[0][n[0]++] = id;
        });
        return Arrays.copyOf(out[0], n[0]);
    }

    /** The terms of {@code text} in order, with repeats, as {@link #terms} counts them. */
    static List<String> words(org.apache.lucene.analysis.Analyzer lucene, String text) {
        List<String> words = new ArrayList<>();
        forEachTerm(lucene, text, term -> words.add(term.toString()));
        return words;
    }

    private static void forEachTerm(
            org.apache.lucene.analysis.Analyzer lucene, String text, Consumer<CharTermAttribute> each) {
        try (TokenStream tokens = lucene.tokenStream("", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                // a lone letter is an initial or a list marker, not a topic; a lone digit may be an answer
                if (term.length() == 1 && !Character.isDigit(term.charAt(0))) {
                    continue;
                }
                each.accept(term);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /** How many distinct terms have been seen so far (term ids are below this). */
    int vocabularySize() {
        return ids.size();
    }
}
