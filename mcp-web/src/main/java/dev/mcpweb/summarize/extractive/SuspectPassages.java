package dev.mcpweb.summarize.extractive;

import dev.mcpweb.summarize.InjectionScan;
import dev.mcpweb.text.Sentences;
import dev.mcpweb.work.StopToken;
import java.util.List;

/**
 * Which passages address an AI ({@link InjectionScan}): alone, or joined by a space with the next
 * passage of their block (an attempt split across two sentences). Scanning each passage and each pair
 * reads the text three times, in thousands of small scans, and most pages hold no such text; so the
 * passages are scanned together first, in stretches of passages one a line, and a passage or pair is
 * scanned on its own only where it could be flagged although its stretch is not. What the scan finds in
 * one line of text it finds in any text that holds that line, so a clear stretch clears its passages. A
 * pair is one line in its own scan but two lines in the stretch, which tells apart only what a role line
 * ("System: ignore …") or a marker with a space ("[system message]") sees across the join: a pair is
 * scanned on its own when its first passage does not end a sentence, or may end with a colon the next
 * passage's first word would follow. The flags are those of scanning every passage and pair.
 */
final class SuspectPassages {
    /** Characters of a stretch scanned together; the stop token is checked between stretches. */
    static final int STRETCH = 1 << 16;

    /**
     * What the scan may read as a colon: the colon, the starts of an entity ({@code &colon;}) and of a URL
     * escape ({@code %3A}), and the characters whose compatibility form holds one ({@code SuspectPassagesTest}).
     */
    static final String COLON_LIKE = ":&%\u2A74\uFE13\uFE55\uFF1A";

    /** What may follow a sentence's end in a passage the sentence splitter cut ({@link Sentences}). */
    private static final String CLOSERS = "\"')]\u201d\u2019*_`";

    private SuspectPassages() {}

    static boolean[] of(List<Passage> passages, StopToken stop) {
        return of(passages, stop, STRETCH);
    }

    static boolean[] of(List<Passage> passages, StopToken stop, int stretch) {
        int n = passages.size();
        boolean[] suspect = new boolean[n];
        boolean[] stretchClear = new boolean[n];
        int[] stretchEnd = new int[n];
        StringBuilder lines = new StringBuilder();
        for (int from = 0; from < n; ) {
            stop.check();
            lines.setLength(0);
            int to = from;
            while (to < n && (to == from || lines.length() < stretch)) {
                lines.append(passages.get(to++).text()).append('\n');
            }
            boolean clear = !InjectionScan.isSuspect(lines.toString());
            for (int i = from; i < to; i++) {
                stretchClear[i] = clear;
                stretchEnd[i] = to;
                if (!clear) {
                    suspect[i] = InjectionScan.isSuspect(passages.get(i).text());
                }
            }
            from = to;
        }
        for (int i = 0; i + 1 < n; i++) {
            Passage p = passages.get(i);
            Passage next = passages.get(i + 1);
            if (next.block() != p.block() || suspect[i] || suspect[i + 1]) {
                continue;
            }
            boolean maySeeAcross = !stretchClear[i]
                    || stretchEnd[i] == i + 1 // the pair runs into the next stretch
                    || !endsSentence(p.text())
                    || mayEndWithColon(p.text());
            if (maySeeAcross) {
                stop.check();
                if (InjectionScan.isSuspect(p.text() + " " + next.text())) {
                    suspect[i] = true;
                    suspect[i + 1] = true;
                }
            }
        }
        return suspect;
    }

    /** Whether {@code text} ends with {@code .}, {@code !} or {@code ?} and closing marks only. */
    static boolean endsSentence(String text) {
        int end = text.length();
        while (end > 0 && CLOSERS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        char last = end > 0 ? text.charAt(end - 1) : ' ';
        return last == '.' || last == '!' || last == '?';
    }

    /**
     * Whether a colon of {@code text} may have no word after it: no ASCII letter or digit follows its
     * last colon-like character (after which no entity or escape can start, so each such letter is a word's).
     */
    static boolean mayEndWithColon(String text) {
        int last = -1;
        for (int k = 0; k < COLON_LIKE.length(); k++) {
            last = Math.max(last, text.lastIndexOf(COLON_LIKE.charAt(k)));
        }
        if (last < 0) {
            return false;
        }
        for (int k = last + 1; k < text.length(); k++) {
            char c = text.charAt(k);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
