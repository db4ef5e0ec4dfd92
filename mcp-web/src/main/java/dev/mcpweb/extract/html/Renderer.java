package dev.mcpweb.extract.html;

import dev.mcpweb.document.Document;
import dev.mcpweb.text.Whitespace;
import dev.mcpweb.work.StopToken;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Renders a cleaned subtree as Markdown and as plain text in one iterative pass (no recursion, so
 * deeply nested pages cannot overflow the stack), collecting links and code blocks on the way.
 */
final class Renderer implements NodeFilter {
    private static final Set<String> BLOCKS = ContentLocator.BLOCKS;
    private static final Pattern LANGUAGE =
            Pattern.compile("(?:^|\\s)(?:lang(?:uage)?-|highlight-(?:source-)?|brush:\\s*)([A-Za-z0-9_+#.-]+)");
    private static final Pattern LANGUAGE_LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_+#.-]{0,19}");
    private static final int MAX_TABLE_CELLS = 10_000;

    /** The ASCII characters other than the space that are white space or Markdown markup, by code. */
    private static final boolean[] ENDS_PLAIN_RUN = endsPlainRun();

    // Parsed once: jsoup parses a query string on every call.
    private static final Evaluator CODE = QueryParser.parse("code");
    private static final Evaluator CHILD_CODE = QueryParser.parse("> code");

    /**
     * Ranges of characters beyond U+02FF taken as plain, first and last of each, the commonest first:
     * typographic spaces, dashes, quotes and bullets; letterlike symbols, arrows, technical signs, shapes
     * and dingbats (leaving out those composed of others, as the negated arrows); basic Greek and Cyrillic
     * letters; CJK punctuation and ideographs; variation selectors, the byte order mark and full-width forms.
     */
    private static final char[] PLAIN_RANGES = {
        '\u2002', '\u2027', '\u202f', '\u205e', '\u2070', '\u20cf', '\u2100', '\u2125', '\u2127', '\u2129',
        '\u212c', '\u2199', '\u219c', '\u21ad', '\u21af', '\u21cc', '\u21d0', '\u21ff', '\u2300', '\u2328',
        '\u232b', '\u27bf', '\u2b00', '\u2bff', '\u0391', '\u03a1', '\u03a3', '\u03a9', '\u03b1', '\u03c9',
        '\u0410', '\u044f', '\u3000', '\u3029', '\u4e00', '\u9fff', '\ufe00', '\ufe0f', '\ufeff', '\ufeff',
        '\uff01', '\uff5e'
    };

    private final StringBuilder md = new StringBuilder();
    private final StringBuilder txt = new StringBuilder();
    private final Map<String, Document.Link> links = new LinkedHashMap<>();
    private final List<Document.CodeBlock> codeBlocks = new ArrayList<>();
    /** Markdown line prefixes for block quotes and list continuation, innermost last. */
    private final Deque<String> prefixes = new ArrayDeque<>();
    /** Item counters of the open lists; -1 marks an unordered list. */
    private final Deque<int[]> lists = new ArrayDeque<>();
    /** The targets of the open links, empty for links rendered as plain text. */
    private final Deque<String> openLinks = new ArrayDeque<>();

    /** For each open list item, the width of its bullet: where its continuation lines start. */
    private final Deque<String> itemIndents = new ArrayDeque<>();

    private int pendingBreak;
    private String pendingBullet = "";
    /** Indentation for the next line when a line break inside a list item continues that item. */
    private String pendingContinuation = "";

    private boolean spacePending;
    private boolean inCell;
    /** Whether an element's text is not blank, for the elements {@link #showsText} has seen. */
    private final Map<Element, Boolean> showsText = new IdentityHashMap<>();

    static MainContent render(Element root, StopToken stop) {
        Renderer r = new Renderer();
        NodeTraversor.filter(Checked.filter(r, stop), root);
        return r.result();
    }

    /** A table cell rendered on one line, as Markdown and as plain text. */
    record Cell(String markdown, String text) {
        static final Cell EMPTY = new Cell("", "");
    }

    /** Renders a table cell on one line; its links join this renderer's. */
    Cell renderCell(Element cell) {
        Renderer r = new Renderer();
        r.inCell = true;
        for (Node child : cell.childNodes()) {
            NodeTraversor.filter(r, child);
        }
        r.links.forEach(links::putIfAbsent);
        codeBlocks.addAll(r.codeBlocks);
        return new Cell(oneLine(r.md), oneLine(r.txt));
    }

    private static String oneLine(StringBuilder sb) {
        String s = sb.toString();
        return Whitespace.joinLines(s).trim();
    }

    private MainContent result() {
        return new MainContent(composed(md), composed(txt), List.copyOf(links.values()), codeBlocks);
    }

    /**
     * The text in composed form (NFC), so that the same letters compare equal however the page encoded
     * them: a Bengali "ড়" as one code point or as "ড" with a nukta.
     */
    private static String composed(StringBuilder sb) {
        String s = sb.toString().strip();
        return plainlyComposed(s) || Normalizer.isNormalized(s, Normalizer.Form.NFC)
                ? s
                : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * Whether {@code s} is in composed form because each of its characters is one the normalizer leaves as
     * it is wherever it stands: neither composed of others nor combining with what stands before it
     * ({@code ComposedTextTest} checks each). Most pages' text is only these, and the normalizer's own check,
     * run as the cold CLI runs it, cost a hundredth of the run.
     */
    static boolean plainlyComposed(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < '\u0300' || isPlainBeyondLatin(c)) {
                continue;
            }
            // pictographs and emoji, U+1F000 to U+1FBFF
            if (c >= '\ud83c' && c <= '\ud83e' && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }

    private static boolean isPlainBeyondLatin(char c) {
        for (int i = 0; i < PLAIN_RANGES.length; i += 2) {
            if (c >= PLAIN_RANGES[i] && c <= PLAIN_RANGES[i + 1]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
            text(t.getWholeText());
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e)) {
            return FilterResult.CONTINUE;
        }
        String tag = e.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                block(2);
                int level = tag.charAt(1) - '0';
                startLine();
                md.append("#".repeat(level)).append(' ');
                return FilterResult.CONTINUE;
            }
            case "br" -> {
                if (md.length() > 0) {
                    // two breaks in a row set paragraphs apart on pages that write no <p>; in a list item they
                    // stay inside the item
                    block(itemIndents.isEmpty() && followsBreak(e) ? 2 : 1);
                    // "Simple apps:<br>$5,000" is one item: its second line is indented under the bullet
                    pendingContinuation = itemIndents.isEmpty() ? "" : itemIndents.peek();
                }
                return FilterResult.CONTINUE;
            }
            case "hr" -> {
                block(2);
                startLine();
                md.append("---");
                block(2);
                return FilterResult.CONTINUE;
            }
            case "pre" -> {
                codeBlock(e);
                return FilterResult.SKIP_ENTIRELY;
            }
            case "rt", "rp" -> {
                // ruby annotations (furigana) are read above the line, not within it: "子(こ)ども" is "子ども"
                return FilterResult.SKIP_ENTIRELY;
            }
            case "code", "kbd", "samp", "tt" -> {
                String whole = e.wholeText();
                String code = whole.replaceAll("[\\s\u00a0]+", " ").strip();
                if (!code.isEmpty()) {
                    if (Character.isWhitespace(whole.charAt(0)) || whole.charAt(0) == '\u00a0') {
                        spacePending = true;
                    }
                    inline("`" + code.replace("`", "'") + "`", code);
                    char last = whole.charAt(whole.length() - 1);
                    spacePending = Character.isWhitespace(last) || last == '\u00a0';
                }
                return FilterResult.SKIP_ENTIRELY;
            }
            case "img" -> {
                String alt = e.attr("alt").strip();
                String src = AbsoluteUrls.of(e, "src");
                if (!alt.isEmpty() && !src.isEmpty() && !inCell) {
                    inline("![" + escape(alt) + "](" + src.replace(")", "%29") + ")", "");
                }
                return FilterResult.CONTINUE;
            }
            case "table" -> {
                if (Tables.renderAsGrid(e)) {
                    table(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                block(2);
                return FilterResult.CONTINUE;
            }
            case "ul", "ol", "menu", "dir" -> {
                block(lists.isEmpty() ? 2 : 1);
                int start = tag.equals("ol") ? parseStart(e.attr("start")) : -1;
                lists.push(new int[] {start});
                prefixes.push(lists.size() > 1 ? "  " : "");
                return FilterResult.CONTINUE;
            }
            case "li" -> {
                block(1);
                int[] counter = lists.peek();
                if (counter == null || counter[0] < 0) {
                    pendingBullet = "- ";
                } else {
                    pendingBullet = counter[0]++ + ". ";
                }
                itemIndents.push(" ".repeat(pendingBullet.length()));
                return FilterResult.CONTINUE;
            }
            case "blockquote" -> {
                block(2);
                prefixes.push("> ");
                return FilterResult.CONTINUE;
            }
            case "a" -> {
                String href = linkTarget(e);
                String label = href == null ? "" : ElementText.of(e).strip();
                URI url = label.isEmpty() ? null : parsed(href); // an icon's link is not parsed
                if (url == null) {
                    label = "";
                }
                openLinks.push(label.isEmpty() ? "" : href);
                if (!label.isEmpty()) {
                    String title = e.attr("title").strip();
                    links.putIfAbsent(
                            href,
                            new Document.Link(url, label, title.isEmpty() ? Optional.empty() : Optional.of(title)));
                    inlineMarkup("[");
                }
                return FilterResult.CONTINUE;
            }
            case "strong", "b" -> {
                if (hasText(e)) {
                    inlineMarkup("**");
                }
                return FilterResult.CONTINUE;
            }
            case "em", "i" -> {
                if (hasText(e)) {
                    inlineMarkup("*");
                }
                return FilterResult.CONTINUE;
            }
            case "td", "th" -> {
                // cells of a table rendered as blocks (layout tables)
                block(1);
                return FilterResult.CONTINUE;
            }
            default -> {
                if (BLOCKS.contains(tag)) {
                    block(tag.equals("dd") || tag.equals("tr") ? 1 : 2);
                }
                return FilterResult.CONTINUE;
            }
        }
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!(node instanceof Element e)) {
            return FilterResult.CONTINUE;
        }
        String tag = e.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6", "blockquote" -> {
                block(2);
                if (tag.equals("blockquote")) {
                    prefixes.pop();
                }
            }
            case "ul", "ol", "menu", "dir" -> {
                lists.pop();
                prefixes.pop();
                block(lists.isEmpty() ? 2 : 1);
            }
            case "li" -> {
                itemIndents.pop();
                // an item without text (a share icon) leaves no bullet on the line after it
                pendingBullet = "";
                block(1);
            }
            case "a" -> {
                String href = openLinks.isEmpty() ? "" : openLinks.pop();
                if (!href.isEmpty()) {
                    md.append("](").append(href.replace(")", "%29")).append(')');
                }
            }
            case "strong", "b" -> {
                if (hasText(e)) {
                    md.append("**");
                }
            }
            case "em", "i" -> {
                if (hasText(e)) {
                    md.append('*');
                }
            }
            case "td", "th" -> spacePending = true;
            default -> {
                if (BLOCKS.contains(tag)) {
                    block(tag.equals("dt") || tag.equals("tr") ? 1 : 2);
                }
            }
        }
        return FilterResult.CONTINUE;
    }

    private void text(String raw) {
        int n = raw.length();
        int from = 0;
        while (from < n && TextLengths.isSpace(raw.charAt(from))) {
            from++;
        }
        if (from == n) {
            if (n > 0) {
                spacePending = true;
            }
            return;
        }
        int to = n;
        while (TextLengths.isSpace(raw.charAt(to - 1))) {
            to--;
        }
        if (from > 0) {
            spacePending = true;
        }
        if (plainUpTo(raw, from, to) == to) {
            String s = raw.substring(from, to); // most texts: nothing to collapse or escape
            inline(s, s);
        } else {
            String s = collapsed(raw, from, to);
            inline(escape(s), s);
        }
        if (to < n) {
            spacePending = true;
        }
    }

    /**
     * Where, in {@code raw} from {@code from} to {@code to} (which are not white space), the first run of
     * white space other than a single space starts, or the first character Markdown reads as markup: {@code
     * to} when there is neither, one pass where collapsing and escaping would make one each.
     */
    private static int plainUpTo(String raw, int from, int to) {
        int i = from;
        while (i < to) {
            char c = raw.charAt(i);
            // ASCII, most of the text, by one look-up: C1 ran the two tests as calls at every character
            if (c < 0x80
                    ? c == ' ' ? TextLengths.isSpace(raw.charAt(i + 1)) : ENDS_PLAIN_RUN[c]
                    : TextLengths.isSpace(c)) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean[] endsPlainRun() {
        boolean[] ends = new boolean[0x80];
        for (char c = 0; c < ends.length; c++) {
            ends[c] = c != ' ' && (TextLengths.isSpace(c) || isMarkdownSpecial(c));
        }
        return ends;
    }

    /**
     * The characters of {@code raw} from {@code from} to {@code to}, which are not white space, with each
     * run of white space between as one space; most texts hold single spaces only and are not copied.
     */
    private static String collapsed(String raw, int from, int to) {
        int i = from;
        while (i < to) {
            char c = raw.charAt(i);
            if (c == ' ' ? TextLengths.isSpace(raw.charAt(i + 1)) : TextLengths.isSpace(c)) {
                break;
            }
            i++;
        }
        if (i == to) {
            return raw.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from).append(raw, from, i);
        boolean space = false;
        for (; i < to; i++) {
            char c = raw.charAt(i);
            if (TextLengths.isSpace(c)) {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private void inline(String mdText, String plain) {
        boolean lineStart = flushBreak();
        if (spacePending && !lineStart) {
            if (!endsWithSpace(md)) {
                md.append(' ');
            }
            if (!endsWithSpace(txt)) {
                txt.append(' ');
            }
        }
        spacePending = false;
        md.append(mdText);
        txt.append(plain);
    }

    /** Markup that opens an inline span: written before the span's first word. */
    private void inlineMarkup(String markup) {
        boolean lineStart = flushBreak();
        if (spacePending && !lineStart && !endsWithSpace(md)) {
            md.append(' ');
            if (!endsWithSpace(txt)) {
                txt.append(' ');
            }
        }
        spacePending = false;
        md.append(markup);
    }

    private static boolean endsWithSpace(StringBuilder sb) {
        if (sb.length() == 0) {
            return true;
        }
        char c = sb.charAt(sb.length() - 1);
        return c == ' ' || c == '\n';
    }

    /** Whether a line break comes right after another, with at most white space between them. */
    private static boolean followsBreak(Element br) {
        for (Node n = br.previousSibling(); n != null; n = n.previousSibling()) {
            if (n instanceof TextNode t && t.isBlank()) {
                continue;
            }
            return n instanceof Element e && e.normalName().equals("br");
        }
        return false;
    }

    private void block(int lines) {
        pendingBreak = Math.max(pendingBreak, lines);
    }

    /** Writes a pending line break and the line prefix; returns whether we are at a line start. */
    private boolean flushBreak() {
        if (pendingBreak == 0 && pendingBullet.isEmpty()) {
            return md.length() == 0;
        }
        if (md.length() > 0 || txt.length() > 0) {
            int lines = pendingBreak == 0 ? 1 : pendingBreak;
            trimTrailingSpace(md);
            trimTrailingSpace(txt);
            for (int i = 0; i < lines; i++) {
                if (i > 0) {
                    md.append(quotePrefix());
                }
                md.append('\n');
                txt.append('\n');
            }
        }
        pendingBreak = 0;
        md.append(linePrefix());
        if (!pendingBullet.isEmpty()) {
            md.append(pendingBullet);
            txt.append(pendingBullet);
            pendingBullet = "";
        } else if (!pendingContinuation.isEmpty()) {
            md.append(pendingContinuation);
            txt.append(pendingContinuation);
        }
        pendingContinuation = "";
        spacePending = false;
        return true;
    }

    private void startLine() {
        flushBreak();
    }

    private String linePrefix() {
        StringBuilder sb = new StringBuilder();
        var it = prefixes.descendingIterator();
        while (it.hasNext()) {
            sb.append(it.next());
        }
        return sb.toString();
    }

    private String quotePrefix() {
        StringBuilder sb = new StringBuilder();
        var it = prefixes.descendingIterator();
        while (it.hasNext()) {
            String p = it.next();
            if (p.equals("> ")) {
                sb.append(">");
            }
        }
        return sb.toString();
    }

    private static void trimTrailingSpace(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == ' ') {
            n--;
        }
        sb.setLength(n);
    }

    private void codeBlock(Element pre) {
        Element label = languageLabel(pre);
        String code = label == null ? pre.wholeText() : wholeTextWithout(pre, label);
        code = code.replaceAll("^\\n+", "").stripTrailing();
        if (code.isBlank()) {
            return;
        }
        String language = language(pre);
        if (language.isEmpty() && label != null) {
            language = label.text().strip().toLowerCase(Locale.ROOT);
        }
        codeBlocks.add(new Document.CodeBlock(language, code));
        block(2);
        flushBreak();
        String fence = code.contains("```") ? "~~~~" : "```";
        String prefix = linePrefix();
        md.append(fence).append(language).append('\n');
        for (String line : code.split("\n", -1)) {
            md.append(prefix).append(line).append('\n');
        }
        md.append(prefix).append(fence);
        txt.append(code);
        block(2);
    }

    /**
     * A label naming the language written inside {@code <pre>} before its {@code <code>}, as Shiki writes
     * {@code <div class="language-id">ts</div>}: one short word, not code. Null when there is none.
     */
    private static Element languageLabel(Element pre) {
        Element code = pre.selectFirst(CODE);
        if (code == null) {
            return null;
        }
        for (Element child : pre.children()) {
            if (child == code || child.selectFirst(CODE) != null) {
                return null;
            }
            if (LANGUAGE_LABEL.matcher(child.wholeText().strip()).matches()) {
                return child;
            }
        }
        return null;
    }

    private static String wholeTextWithout(Element pre, Element label) {
        StringBuilder text = new StringBuilder();
        for (Node child : pre.childNodes()) {
            if (child == label) {
                continue;
            }
            if (child instanceof Element e) {
                text.append(e.wholeText());
            } else if (child instanceof TextNode t) {
                text.append(t.getWholeText());
            }
        }
        return text.toString();
    }

    static String language(Element pre) {
        List<Element> candidates = new ArrayList<>();
        candidates.add(pre);
        Element code = pre.selectFirst(CHILD_CODE);
        if (code != null) {
            candidates.add(0, code);
        }
        Element parent = pre.parent();
        if (parent != null) {
            candidates.add(parent);
            if (parent.parent() != null) {
                candidates.add(parent.parent());
            }
        }
        for (Element e : candidates) {
            for (String attr : List.of("data-lang", "data-language", "lang")) {
                String v = e.attr(attr).strip();
                if (!v.isEmpty() && v.length() < 30 && v.matches("[A-Za-z0-9_+#.-]+") && !attr.equals("lang")) {
                    return v.toLowerCase(Locale.ROOT);
                }
            }
            Matcher m = LANGUAGE.matcher(e.className());
            if (m.find()) {
                String lang = m.group(1).toLowerCase(Locale.ROOT);
                if (!lang.equals("none") && !lang.equals("text") && !lang.equals("plaintext")) {
                    return lang;
                }
            }
        }
        return "";
    }

    private void table(Element table) {
        List<List<Cell>> rows = Tables.cells(table, this, MAX_TABLE_CELLS);
        if (rows.isEmpty()) {
            return;
        }
        int width = 0;
        for (List<Cell> row : rows) {
            width = Math.max(width, row.size());
        }
        block(2);
        flushBreak();
        String prefix = linePrefix();
        boolean first = true;
        StringBuilder mdTable = new StringBuilder();
        StringBuilder txtTable = new StringBuilder();
        for (List<Cell> row : rows) {
            mdTable.append(first ? "" : "\n" + prefix).append('|');
            StringBuilder plainRow = new StringBuilder();
            for (int i = 0; i < width; i++) {
                Cell cell = i < row.size() ? row.get(i) : Cell.EMPTY;
                mdTable.append(' ').append(cell.markdown().replace("|", "\\|")).append(" |");
                if (!cell.text().isEmpty()) {
                    plainRow.append(plainRow.length() == 0 ? "| " : " | ").append(cell.text());
                }
            }
            if (first) {
                mdTable.append('\n').append(prefix).append('|');
                mdTable.append(" --- |".repeat(width));
                first = false;
            }
            if (plainRow.length() > 0) {
                if (txtTable.length() > 0) {
                    txtTable.append('\n');
                }
                txtTable.append(plainRow).append(" |");
            }
        }
        md.append(mdTable);
        txt.append(txtTable);
        block(2);
    }

    private static int parseStart(String start) {
        String number = start.strip();
        if (number.isEmpty()) {
            return 1; // most lists have none: no exception thrown and caught for each
        }
        try {
            return Math.max(0, Integer.parseInt(number));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private boolean hasText(Element e) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t && !t.isBlank()) {
                return true;
            }
            if (child instanceof Element c && showsText(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code c.text()} is not blank: some text below it has a character that is neither white
     * space nor invisible. Worked out for c's whole subtree in one walk and remembered, because asking
     * jsoup at each of many nested inline tags ({@code <b><b><b>…}) takes quadratic time.
     */
    private boolean showsText(Element c) {
        Boolean known = showsText.get(c);
        if (known != null) {
            return known;
        }
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t && isVisible(t)) {
                            showsText.put((Element) t.parent(), Boolean.TRUE);
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e) {
                            if (showsText.get(e) == Boolean.TRUE) {
                                if (e != c) {
                                    showsText.put(e.parent(), Boolean.TRUE);
                                }
                            } else {
                                showsText.put(e, Boolean.FALSE);
                            }
                        }
                    }
                },
                c);
        return showsText.get(c);
    }

    /**
     * Whether jsoup's {@code text()} keeps a visible character of {@code t}: one that is not white space
     * and, outside pre-formatted text, not a no-break space, zero-width space or soft hyphen (which
     * jsoup collapses or drops there; CDATA is kept as it is).
     */
    private static boolean isVisible(TextNode t) {
        String s = t.getWholeText();
        for (int i = 0, n = s.length(); i < n; i++) {
            char ch = s.charAt(i);
            if (ch <= ' ' || Character.isWhitespace(ch)) {
                continue;
            }
            if ((ch != '\u00a0' && ch != '\u200b' && ch != '\u00ad')
                    || t instanceof CDataNode
                    || preservesWhitespace(t.parent())) {
                return true;
            }
        }
        return false;
    }

    /** jsoup's test for pre-formatted text: the element or one of its five closest ancestors keeps white space. */
    private static boolean preservesWhitespace(Node node) {
        int level = 0;
        for (Node n = node; n instanceof Element el && level < 6; n = el.parent(), level++) {
            if (el.tag().preserveWhitespace()) {
                return true;
            }
        }
        return false;
    }

    /** The absolute web or mail address {@code a} links to, as written for Markdown; null when it has none. */
    private static String linkTarget(Element a) {
        String href = AbsoluteUrls.of(a, "href");
        if (href.isEmpty() || href.length() > 2000) {
            return null;
        }
        String lower = href.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:"))) {
            return null;
        }
        return href.replace(" ", "%20");
    }

    /** {@code target} as a URI whose string is {@code target}, or null when it does not parse. */
    private static URI parsed(String target) {
        try {
            return URI.create(target);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code s} with a backslash before each character Markdown would read as markup. */
    private static String escape(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !isMarkdownSpecial(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 8).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (isMarkdownSpecial(c)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A character Markdown reads as markup, asked of every character of the text: lower-case letters and
     * most else fall outside the range of the six with one comparison or two.
     */
    private static boolean isMarkdownSpecial(char c) {
        return c >= '*'
                && c <= '`'
                && switch (c) {
                    case '\\', '`', '*', '_', '[', ']' -> true;
                    default -> false;
                };
    }
}
