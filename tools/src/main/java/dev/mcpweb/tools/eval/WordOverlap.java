package dev.mcpweb.tools.eval;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level precision, recall and F1 of a predicted text against a reference, as the WCXB authors
 * score it: lower-cased multisets of Unicode {@code \w+} tokens and the size of their intersection.
 */
record WordOverlap(double precision, double recall, double f1) {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    static WordOverlap score(String predicted, String reference) {
        Map<String, Integer> ref = bag(reference);
        Map<String, Integer> pred = bag(predicted);
        int refSize = size(ref);
        int predSize = size(pred);
        if (refSize == 0) {
            double s = predSize == 0 ? 1 : 0;
            return new WordOverlap(s, s, s);
        }
        if (predSize == 0) {
            return new WordOverlap(0, 0, 0);
        }
        int overlap = 0;
        for (Map.Entry<String, Integer> e : pred.entrySet()) {
            overlap += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
        }
        double p = (double) overlap / predSize;
        double r = (double) overlap / refSize;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new WordOverlap(p, r, f);
    }

    static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            bag.merge(m.group(), 1, Integer::sum);
        }
        return bag;
    }

    private static int size(Map<String, Integer> bag) {
        int n = 0;
        for (int v : bag.values()) {
            n += v;
        }
        return n;
    }

    /**
     * {@link #normalize} after folding typographic quotes, dashes and ellipses to ASCII: the
     * ground-truth snippets often use ASCII where the page has typography. A secondary figure only.
     */
    static String fold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201a', '\u2032' -> sb.append('\'');
                case '\u201c', '\u201d', '\u201e', '\u2033' -> sb.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> sb.append('-');
                case '\u2026' -> sb.append("...");
                default -> sb.append(c);
            }
        }
        return normalize(sb.toString());
    }

    /** Collapses runs of white space to one space and lower-cases, for snippet matching. */
    static String normalize(String text) {
        return text.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }
}
