package dev.mcpweb.chunk;

import dev.mcpweb.text.Whitespace;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Markdown into top-level blocks in one pass over its lines: headings, paragraphs (anything up
 * to a blank line, lists included), fenced code blocks and tables. Offsets exclude the line break that
 * ends a block.
 */
final class Blocks {
    enum Kind {
        HEADING,
        PARAGRAPH,
        CODE,
        TABLE
    }

    record Block(Kind kind, int start, int end, int level, String heading) {}

    private Blocks() {}

    static List<Block> parse(String md) {
        List<Block> blocks = new ArrayList<>();
        int n = md.length();
        int pos = 0;
        int paraStart = -1;
        int paraEnd = -1;
        Kind paraKind = Kind.PARAGRAPH;
        while (pos < n) {
            int lineEnd = md.indexOf('\n', pos);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int contentEnd = lineEnd > pos && md.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            int first = firstNonSpace(md, pos, contentEnd);
            boolean blank = first == contentEnd;
            String fence = blank ? null : fenceAt(md, first, contentEnd);
            int headingLevel = blank || first - pos > 3 ? 0 : headingLevel(md, first, contentEnd);
            boolean tableRow = !blank && md.charAt(first) == '|';

            if (blank
                    || fence != null
                    || headingLevel > 0
                    || (paraStart >= 0 && tableRow != (paraKind == Kind.TABLE))) {
                if (paraStart >= 0) {
                    blocks.add(new Block(paraKind, paraStart, paraEnd, 0, ""));
                    paraStart = -1;
                }
            }
            if (blank) {
                pos = lineEnd + 1;
                continue;
            }
            if (fence != null) {
                int end = closeFence(md, lineEnd, fence);
                blocks.add(new Block(Kind.CODE, pos, end, 0, ""));
                pos = end + 1;
                continue;
            }
            if (headingLevel > 0) {
                String text = withoutClosingHashes(
                        md.substring(first + headingLevel, contentEnd).strip());
                blocks.add(new Block(Kind.HEADING, pos, contentEnd, headingLevel, text));
                pos = lineEnd + 1;
                continue;
            }
            if (paraStart < 0) {
                paraStart = pos;
                paraKind = tableRow ? Kind.TABLE : Kind.PARAGRAPH;
            }
            paraEnd = contentEnd;
            pos = lineEnd + 1;
        }
        if (paraStart >= 0) {
            blocks.add(new Block(paraKind, paraStart, paraEnd, 0, ""));
        }
        return blocks;
    }

    /** {@code text} without a closing run of {@code #} after white space ({@code \s+#+$}), in one pass. */
    private static String withoutClosingHashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '#') {
            end--;
        }
        int space = end;
        while (space > 0 && Whitespace.isSpace(text.charAt(space - 1))) {
            space--;
        }
        return end < text.length() && space < end ? text.substring(0, space) : text;
    }

    private static int firstNonSpace(String s, int from, int to) {
        int i = from;
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The fence ({@code ```} or {@code ~~~}, any length ≥ 3) opening at {@code i}, else null. */
    private static String fenceAt(String s, int i, int to) {
        char c = s.charAt(i);
        if (c != '`' && c != '~') {
            return null;
        }
        int j = i;
        while (j < to && s.charAt(j) == c) {
            j++;
        }
        return j - i >= 3 ? s.substring(i, j) : null;
    }

    private static int headingLevel(String s, int i, int to) {
        int j = i;
        while (j < to && s.charAt(j) == '#') {
            j++;
        }
        int level = j - i;
        return level >= 1 && level <= 6 && (j == to || s.charAt(j) == ' ' || s.charAt(j) == '\t') ? level : 0;
    }

    /** The end (exclusive, before its line break) of the line closing a fence opened by the line ending at {@code openEnd}. */
    private static int closeFence(String s, int openEnd, String fence) {
        int n = s.length();
        int pos = openEnd + 1;
        while (pos < n) {
            int lineEnd = s.indexOf('\n', pos);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int contentEnd = lineEnd > pos && s.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            int first = firstNonSpace(s, pos, contentEnd);
            if (s.startsWith(fence, first) && firstNonSpaceAfterFence(s, first, contentEnd, fence.charAt(0))) {
                return contentEnd;
            }
            pos = lineEnd + 1;
        }
        // An unclosed fence runs to the end of the document, as in CommonMark.
        int end = n;
        while (end > openEnd && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return Math.max(end, Math.min(openEnd, n));
    }

    private static boolean firstNonSpaceAfterFence(String s, int i, int to, char c) {
        int j = i;
        while (j < to && s.charAt(j) == c) {
            j++;
        }
        return firstNonSpace(s, j, to) == to;
    }
}
