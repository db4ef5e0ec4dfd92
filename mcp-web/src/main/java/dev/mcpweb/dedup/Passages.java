package dev.mcpweb.dedup;

import dev.mcpweb.document.Document;
import dev.mcpweb.work.StopToken;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Passages repeated across sources (a boilerplate disclaimer, a syndicated paragraph) kept in the first
 * source that has them and taken out of the later ones, so that a multi-source summary uses each once and
 * cites it to the first source. A passage is a paragraph (text between blank lines) of at least
 * {@link #MIN_WORDS} words; two are the same when their words are, case, punctuation, Markdown marks and
 * link targets aside. A source whose every paragraph repeats an earlier source's is kept whole.
 */
public final class Passages {
    /** Shorter paragraphs (headings, "Share this", a byline) are left alone: a few words are not a copied passage. */
    static final int MIN_WORDS = 12;

    private static final Pattern PARAGRAPHS = Pattern.compile("\n\\s*\n");
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Passages() {}

    /** {@code sources} in order, each without the passages an earlier one has; the count of passages taken out. */
    public record Once(List<Document> documents, int removed) {
        public Once {
            documents = List.copyOf(documents);
        }
    }

    /** {@code sources} with every repeated passage left in its first source only. */
    public static Once among(List<Document> sources) {
        return among(sources, StopToken.none());
    }

    /**
     * As {@link #among(List)}, checking {@code stop} between paragraphs: CPU-bound on large pages, so
     * callers run it where CPU-bound work runs.
     */
    public static Once among(List<Document> sources, StopToken stop) {
        if (sources.size() < 2) {
            return new Once(sources, 0); // no earlier source to repeat
        }
        Set<String> seen = new HashSet<>();
        List<Document> out = new ArrayList<>(sources.size());
        int removed = 0;
        for (Document d : sources) {
            Set<String> own = new HashSet<>();
            Kept markdown = without(d.markdown(), seen, own, stop);
            Kept text = without(d.text(), seen, own, stop);
            if (markdown.removed() == 0
                    || markdown.text().isBlank()
                    || text.text().isBlank()) {
                out.add(d);
            } else {
                out.add(new Document(
                        d.url(),
                        d.metadata(),
                        markdown.text(),
                        text.text(),
                        d.contentLinks(),
                        d.pageLinks(),
                        d.codeBlocks()));
                removed += markdown.removed();
            }
            seen.addAll(own);
        }
        return new Once(out, removed);
    }

    private record Kept(String text, int removed) {}

    /** {@code body} without the paragraphs in {@code seen}; the keys of its own long paragraphs go to {@code own}. */
    private static Kept without(String body, Set<String> seen, Set<String> own, StopToken stop) {
        StringBuilder kept = new StringBuilder();
        int removed = 0;
        for (String paragraph : PARAGRAPHS.split(body)) {
            stop.check();
            String key = key(paragraph);
            boolean passage = key.chars().filter(c -> c == ' ').count() + 1 >= MIN_WORDS;
            if (passage && seen.contains(key)) {
                removed++;
                continue;
            }
            if (passage) {
                own.add(key);
            }
            if (!kept.isEmpty()) {
                kept.append("\n\n");
            }
            kept.append(paragraph.strip());
        }
        return new Kept(kept.toString(), removed);
    }

    private static String key(String paragraph) {
        String words = NOT_WORD.matcher(LINK_TARGET.matcher(paragraph).replaceAll("]"))
                .replaceAll(" ")
                .strip();
        return words.toLowerCase(Locale.ROOT);
    }
}
