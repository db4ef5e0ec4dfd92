package dev.mcpweb.summarize.extractive;

import dev.mcpweb.text.Emphasis;
import dev.mcpweb.text.Sentences;
import dev.mcpweb.text.Whitespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown of one source into sections, blocks and passages: ATX headings, paragraphs
 * (split into sentences), list items, table rows, fenced code blocks and block quotes. Appends to
 * the lists it is given so that indexes are global over all sources of one summary.
 */
final class MarkdownPassages {
    private static final int MAX_HEADING_CHARS = 300;
    private static final int EMPHASIS_LOOKAHEAD = 8;
    // Possessive and dot-all where a pattern runs over a whole line: no backtracking, linear time.
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}+|~{3,}+)\\s*+([\\w+#.-]*+)");
    private static final Pattern LIST_ITEM = Pattern.compile("(?s)^(\\s*+)(?:[-*+]|\\d{1,9}[.)])\\s++(.*)");
    private static final Pattern TABLE_SEPARATOR =
            Pattern.compile("^\\s*+\\|?+\\s*+:?+-{2,}+:?+\\s*+(?:\\|\\s*+:?+-{2,}+:?+\\s*+)*+\\|?+\\s*+$");
    private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(?:\\s*+\\1){2,}+\\s*+$");
    // A label holds no '[' and a parenthesis inside a URL no '(': no opening is scanned twice.
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\[\\]]*\\]\\([^)]*\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\[\\]]+)\\]\\[[^\\[\\]]*\\]");
    private static final Emphasis STRONG = Emphasis.strong();
    private static final Emphasis EM_STAR = new Emphasis(
            List.of("*"),
            c -> c != '*' && !Emphasis.isWordChar(c) && c != '\\',
            c -> c >= 0 && c != '*' && !Whitespace.isSpace(c),
            c -> c != '*' && !Whitespace.isSpace(c),
            c -> c != '*' && !Emphasis.isWordChar(c));
    private static final Emphasis EM_UNDERSCORE = new Emphasis(
            List.of("_"),
            c -> !Emphasis.isWordChar(c) && c != '\\',
            c -> c >= 0 && c != '_' && !Whitespace.isSpace(c),
            c -> c != '_' && !Whitespace.isSpace(c),
            c -> !Emphasis.isWordChar(c));
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~])");
    /** A line that is a property: a short label, a colon, a value ("Price: $129", "Charging Time: 1.5 Hours"). */
    private static final Pattern PROPERTY_LINE = Pattern.compile("^[^:.!?]{1,40}+:\\s*+\\S.*");
    /** The most words a label of a label/value pair or a definition's term has. */
    static final int MAX_LABEL_WORDS = 6;
    /** A list item up to this long is one passage; a longer one is split into sentences. */
    static final int MAX_ITEM_WORDS = 60;

    private final int source;
    private final List<Section> sections;
    private final List<Block> blocks;
    private final List<Passage> passages;
    private final List<Block> ownBlocks = new ArrayList<>();
    private final List<String[]> ownUnits = new ArrayList<>(); // per own block: its passage texts
    private final List<boolean[]> ownEmphasis = new ArrayList<>();
    private Section current;
    /** A definition's term waiting for the paragraph that defines it. */
    private String pendingTerm;

    private int tableGroup = -1;
    private String tableHeader = "";

    private MarkdownPassages(int source, List<Section> sections, List<Block> blocks, List<Passage> passages) {
        this.source = source;
        this.sections = sections;
        this.blocks = blocks;
        this.passages = passages;
        this.current = newSection(0, Optional.empty(), Optional.empty());
    }

    /** Parses {@code markdown} of source number {@code source}, appending to the three lists. */
    static void parse(String markdown, int source, List<Section> sections, List<Block> blocks, List<Passage> passages) {
        new MarkdownPassages(source, sections, blocks, passages).run(markdown);
    }

    private void run(String markdown) {
        String[] lines = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> paragraph = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (!isTableLine(line)) {
                tableGroup = -1;
            }
            Matcher m;
            if (startsFence(line) && (m = FENCE.matcher(line)).lookingAt()) {
                flushParagraph(paragraph);
                String fence = m.group(1);
                String language = m.group(2);
                StringBuilder code = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].strip().startsWith(fence)) {
                    code.append(lines[i]).append('\n');
                    i++;
                }
                i++;
                addCode(language, code.toString().stripTrailing());
                continue;
            }
            if (line.isBlank() || RULE.matcher(line).matches()) {
                flushParagraph(paragraph);
            } else if (Whitespace.headingLevel(line) > 0) {
                flushParagraph(paragraph);
                flushTerm();
                int level = Whitespace.headingLevel(line);
                String heading = shortened(clean(headingText(line)));
                if (hasWords(heading)) { // a heading of only an icon glyph or a pilcrow is no heading
                    Optional<Section> parent = Optional.of(current);
                    while (parent.isPresent() && parent.get().level() >= level) {
                        parent = parent.get().parent();
                    }
                    current = newSection(level, Optional.of(heading), parent);
                }
            } else if (isTableLine(line)) {
                flushParagraph(paragraph);
                boolean header = i + 1 < lines.length
                        && TABLE_SEPARATOR.matcher(lines[i + 1]).matches();
                if (TABLE_SEPARATOR.matcher(line).matches()) {
                    // the separator under the header
                } else if (header || tableGroup < 0) {
                    tableGroup = blocks.size() + ownBlocks.size();
                    tableHeader = header ? line.strip() : "";
                    if (!header) {
                        addTableRow(line);
                    }
                } else {
                    addTableRow(line);
                }
            } else if (startsListItem(line) && (m = LIST_ITEM.matcher(line)).matches()) {
                flushParagraph(paragraph);
                StringBuilder item = new StringBuilder(m.group(2));
                int indent = m.group(1).length();
                while (i + 1 < lines.length
                        && !lines[i + 1].isBlank()
                        && leadingSpaces(lines[i + 1]) > indent
                        && !(startsListItem(lines[i + 1])
                                && LIST_ITEM.matcher(lines[i + 1]).matches())
                        && !(startsFence(lines[i + 1])
                                && FENCE.matcher(lines[i + 1]).lookingAt())) {
                    item.append(' ').append(lines[++i].strip());
                }
                addText(Block.Kind.LIST_ITEM, item.toString());
            } else {
                String body = line.strip();
                while (body.startsWith(">")) {
                    body = body.substring(1).strip();
                }
                paragraph.add(body);
            }
            i++;
        }
        flushParagraph(paragraph);
        flushTerm();
        publish();
    }

    /** A heading line's text: without its marks, closing {@code #}s and surrounding white space. */
    private static String headingText(String line) {
        int start = line.indexOf('#') + Whitespace.headingLevel(line);
        int end = line.length();
        while (end > start && Whitespace.isSpace(line.charAt(end - 1))) {
            end--;
        }
        while (end > start && line.charAt(end - 1) == '#') {
            end--;
        }
        return line.substring(start, end).strip();
    }

    /**
     * A heading cut to {@link #MAX_HEADING_CHARS}: every passage under it carries its heading path, so
     * a megabyte "heading" must not be copied into each.
     */
    private static String shortened(String heading) {
        return heading.length() <= MAX_HEADING_CHARS ? heading : heading.substring(0, MAX_HEADING_CHARS) + "\u2026";
    }

    /** Whether {@link #FENCE} may match {@code line}: a backtick or a tilde after up to three spaces. */
    private static boolean startsFence(String line) {
        int k = 0;
        while (k < 4 && k < line.length() && line.charAt(k) == ' ') {
            k++;
        }
        return k <= 3 && k < line.length() && (line.charAt(k) == '`' || line.charAt(k) == '~');
    }

    /** Whether {@link #LIST_ITEM} may match {@code line}: a bullet or a digit after its white space. */
    private static boolean startsListItem(String line) {
        int k = Whitespace.skip(line, 0);
        return k < line.length() && "-*+0123456789".indexOf(line.charAt(k)) >= 0;
    }

    private static boolean isTableLine(String line) {
        String s = line.strip();
        return s.length() > 1 && s.startsWith("|") && s.endsWith("|");
    }

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    private Section newSection(int level, Optional<String> heading, Optional<Section> parent) {
        Section s = new Section(sections.size(), source, level, heading, parent);
        sections.add(s);
        return s;
    }

    /**
     * Adds the lines of one paragraph. Lines that are all properties ("Price: $129"), or that alternate
     * short labels and values as a specification table often renders, become one list item per pair;
     * a paragraph of one short line without a sentence's end is a definition's term, kept to be quoted
     * with the paragraph that follows it.
     */
    private void flushParagraph(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        if (lines.size() >= 2 && lines.stream().allMatch(MarkdownPassages::isProperty)) {
            lines.forEach(l -> addText(Block.Kind.LIST_ITEM, l));
        } else if (isLabelValueTable(lines)) {
            for (int k = 0; k + 1 < lines.size(); k += 2) {
                addText(Block.Kind.LIST_ITEM, labelled(lines.get(k), lines.get(k + 1)));
            }
        } else {
            String text = String.join(" ", lines);
            if (pendingTerm != null) {
                text = labelled(pendingTerm, text);
                pendingTerm = null;
            }
            if (lines.size() == 1 && isLabel(text)) {
                pendingTerm = text;
            } else {
                addText(Block.Kind.PARAGRAPH, text);
            }
        }
        lines.clear();
    }

    /** A term whose definition did not follow is a paragraph of its own. */
    private void flushTerm() {
        if (pendingTerm != null) {
            String term = pendingTerm;
            pendingTerm = null;
            addText(Block.Kind.PARAGRAPH, term);
        }
    }

    private static boolean isProperty(String line) {
        if (!PROPERTY_LINE.matcher(line).matches()) {
            return false;
        }
        String label = line.substring(0, line.indexOf(':'));
        return wordCount(label) <= MAX_LABEL_WORDS && !label.contains("](");
    }

    /** At least two pairs of lines, each a short label without a sentence's end and its value. */
    private static boolean isLabelValueTable(List<String> lines) {
        if (lines.size() < 4 || lines.size() % 2 != 0) {
            return false;
        }
        for (int k = 0; k < lines.size(); k += 2) {
            if (!isLabel(lines.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** A short line that does not end a sentence: a label, a term or a caption. */
    private static boolean isLabel(String line) {
        String s = line.strip();
        if (s.isEmpty() || wordCount(s) > MAX_LABEL_WORDS || !hasWords(s)) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        return last != '.' && last != '!' && last != '?' && last != ';' && last != ',';
    }

    private static String labelled(String label, String value) {
        String l = label.strip();
        return (l.endsWith(":") ? l : l + ":") + " " + value.strip();
    }

    private void addText(Block.Kind kind, String markdown) {
        String text = clean(markdown);
        if (text.isBlank()) {
            return;
        }
        List<String> sentences = kind == Block.Kind.LIST_ITEM && wordCount(text) <= MAX_ITEM_WORDS
                ? List.of(text)
                : Sentences.split(text);
        boolean[] emphasis = new boolean[sentences.size()];
        if (markdown.contains("**") || markdown.contains("__")) {
            // Spans come in the order of the sentences: look for each from the sentence of the last one,
            // a few sentences ahead, so a paragraph of a million sentences is not searched per span.
            int from = 0;
            for (String strong : STRONG.enclosed(markdown)) {
                String span = clean(strong);
                for (int k = from; !span.isEmpty() && k < Math.min(emphasis.length, from + EMPHASIS_LOOKAHEAD); k++) {
                    if (sentences.get(k).contains(span)) {
                        emphasis[k] = true;
                        from = k;
                        break;
                    }
                }
            }
        }
        addBlock(kind, -1, "", sentences.toArray(String[]::new), emphasis);
    }

    private void addTableRow(String line) {
        String row = clean(line.strip());
        if (row.replace("|", "").isBlank()) {
            return;
        }
        String[] cells = row.substring(1, row.length() - 1).split("\\|", -1);
        if (tableHeader.isEmpty() && cells.length == 2 && !cells[0].isBlank()) {
            // a two-column table without a header is a list of properties: "Charging time: 1.5 hours"
            String key = cells[0].strip();
            String property = key.endsWith(":") ? key + " " + cells[1].strip() : key + ": " + cells[1].strip();
            addBlock(Block.Kind.LIST_ITEM, -1, "", new String[] {property}, new boolean[1]);
            return;
        }
        addBlock(Block.Kind.TABLE_ROW, tableGroup, tableHeader, new String[] {row}, new boolean[1]);
    }

    private void addCode(String language, String code) {
        if (code.isBlank()) {
            return;
        }
        String fenced = "```" + language + "\n" + code + "\n```";
        addBlock(Block.Kind.CODE, -1, "", new String[] {fenced}, new boolean[1]);
    }

    private void addBlock(Block.Kind kind, int group, String header, String[] units, boolean[] emphasis) {
        if (pendingTerm != null && kind != Block.Kind.PARAGRAPH) {
            flushTerm();
        }
        ownBlocks.add(new Block(-1, source, current, kind, group, header, 0));
        ownUnits.add(units);
        ownEmphasis.add(emphasis);
    }

    /** Numbers the blocks and passages once the source's length (for positions) is known. */
    private void publish() {
        int count = ownBlocks.size();
        for (int b = 0; b < count; b++) {
            Block draft = ownBlocks.get(b);
            Block block = new Block(
                    blocks.size(),
                    source,
                    draft.section(),
                    draft.kind(),
                    draft.group(),
                    draft.tableHeader(),
                    count == 1 ? 0 : (double) b / (count - 1));
            blocks.add(block);
            String[] units = ownUnits.get(b);
            for (int u = 0; u < units.length; u++) {
                passages.add(new Passage(
                        passages.size(),
                        block,
                        u,
                        units[u],
                        wordCount(units[u]),
                        ownEmphasis.get(b)[u]));
            }
        }
    }

    /** Whether {@code text} has a letter or digit. */
    private static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    static int wordCount(String text) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // what Character.isWhitespace says of ASCII (tab to carriage return, the four separators, space)
            boolean space = c < 128
                    ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F)
                    : Character.isWhitespace(c);
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return n;
    }

    /** Inline Markdown reduced to what a reader sees; code spans are kept with their backticks. */
    static String clean(String markdown) {
        // links first: their text may hold code spans, as in [`border-spacing`](https://…); each pattern
        // runs only where the two characters it cannot match without are there (most passages have no link)
        if (markdown.contains("](")) {
            if (markdown.contains("![")) {
                markdown = IMAGE.matcher(markdown).replaceAll("");
            }
            markdown = withoutLinkTargets(markdown);
        }
        if (markdown.contains("][")) {
            markdown = REF_LINK.matcher(markdown).replaceAll("$1");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = markdown.length();
        while (i < n) {
            int tick = markdown.indexOf('`', i);
            if (tick < 0) {
                out.append(cleanProse(markdown.substring(i)));
                break;
            }
            int run = tick;
            while (run < n && markdown.charAt(run) == '`') {
                run++;
            }
            String ticks = markdown.substring(tick, run);
            int close = runOfTicks(markdown, run, ticks.length());
            if (close < 0) {
                out.append(cleanProse(markdown.substring(i)));
                break;
            }
            out.append(cleanProse(markdown.substring(i, tick)));
            out.append(markdown, tick, close + ticks.length());
            i = close + ticks.length();
        }
        return Whitespace.collapse(out).strip();
    }

    /**
     * Each inline link of {@code s} replaced by its text: what {@code replaceAll("$1")} of the pattern
     * {@code \[([^\[\]]*)\]\((?:[^()\s]|\([^()]*\))*+(?:\s+"[^"]*")?\)} gives, tried only at each {@code [}.
     */
    static String withoutLinkTargets(String s) {
        StringBuilder out = null;
        int copied = 0;
        int at = s.indexOf('[');
        while (at >= 0) {
            int end = linkEnd(s, at);
            if (end < 0) {
                at = s.indexOf('[', at + 1);
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, at).append(s, at + 1, s.indexOf(']', at));
            copied = end;
            at = s.indexOf('[', end);
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /**
     * The end of the inline link that pattern matches at {@code at}, or -1: a text without
     * brackets, then a target of anything but parentheses and white space or balanced parentheses (taken
     * possessively), an optional quoted title after white space, and the closing parenthesis.
     */
    private static int linkEnd(String s, int at) {
        int n = s.length();
        int k = at + 1;
        while (k < n && s.charAt(k) != '[' && s.charAt(k) != ']') {
            k++;
        }
        if (k + 1 >= n || s.charAt(k) != ']' || s.charAt(k + 1) != '(') {
            return -1;
        }
        k += 2;
        while (k < n) {
            char c = s.charAt(k);
            if (c != '(' && c != ')' && !Whitespace.isSpace(c)) {
                k++;
                continue;
            }
            if (c == '(') {
                int j = k + 1;
                while (j < n && s.charAt(j) != '(' && s.charAt(j) != ')') {
                    j++;
                }
                if (j < n && s.charAt(j) == ')') {
                    k = j + 1;
                    continue;
                }
            }
            break;
        }
        int title = Whitespace.skip(s, k);
        if (title > k && title < n && s.charAt(title) == '"') {
            int quote = s.indexOf('"', title + 1);
            if (quote >= 0 && quote + 1 < n && s.charAt(quote + 1) == ')') {
                return quote + 2;
            }
        }
        return k < n && s.charAt(k) == ')' ? k + 1 : -1;
    }

    /**
     * Where the first run of at least {@code length} backticks at or after {@code from} starts, or -1;
     * what {@code indexOf} of the run finds, in one pass ({@code indexOf} compares the whole run at
     * every backtick of a shorter run).
     */
    private static int runOfTicks(String s, int from, int length) {
        int i = s.indexOf('`', from);
        while (i >= 0) {
            int end = i;
            while (end < s.length() && s.charAt(end) == '`') {
                end++;
            }
            if (end - i >= length) {
                return i;
            }
            i = s.indexOf('`', end);
        }
        return -1;
    }

    private static String cleanProse(String s) {
        if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0) {
            s = STRONG.strip(s);
            s = EM_STAR.strip(s);
            s = EM_UNDERSCORE.strip(s);
        }
        if (s.indexOf('\\') >= 0) {
            s = ESCAPE.matcher(s).replaceAll("$1");
        }
        return s;
    }
}
