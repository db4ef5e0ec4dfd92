package dev.mcpweb.sim;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated model's answer: the first sentence of each paragraph of the user message, one
 * paragraph per line, cut to the output budget. Deterministic, so a test can predict it and see what
 * reached the server. Its tokens are words with their trailing space, which is also how it streams.
 */
record Answer(List<String> tokens, boolean truncated) {
    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*");

    static Answer to(String userMessage, int maxTokens) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(leadingSentences(userMessage));
        boolean truncated = false;
        while (m.find()) {
            if (tokens.size() == maxTokens) {
                truncated = true;
                break;
            }
            tokens.add(m.group());
        }
        if (!tokens.isEmpty()) {
            tokens.set(tokens.size() - 1, tokens.getLast().stripTrailing());
        }
        return new Answer(List.copyOf(tokens), truncated);
    }

    /** The first sentence of every non-blank paragraph, joined by newlines. */
    static String leadingSentences(String text) {
        List<String> firsts = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.strip().replaceAll("\\s+", " ");
            if (p.isEmpty()) {
                continue;
            }
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
            sentences.setText(p);
            int end = sentences.next();
            firsts.add(
                    p.substring(0, end == BreakIterator.DONE ? p.length() : end).strip());
        }
        return String.join("\n", firsts);
    }

    String text() {
        return String.join("", tokens);
    }

    String finishReason() {
        return truncated ? "length" : "stop";
    }
}
