package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * What a reader's comment looks like without its names: a block among look-alike blocks (same tag,
 * same first class) that carries a date ("3 May 2024", "2 hours ago", a {@code <time>}) and an author
 * (an element named {@code author}, {@code user}, {@code fn}, a {@code <cite>}) or a reply link or
 * vote count. Markers are looked for among the first elements of a block only, where comments put
 * them, so that judging every block of a page stays linear in its size.
 */
final class CommentBlocks {
    /** Dates as comment headers write them, absolute or relative, in the corpus's languages. */
    static final Pattern DATE =
            Pattern.compile("(?iU)\\b(?:\\d{1,2}\\.? ?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
                    + "|dec|mär|mai|okt|dez|janv|févr|avr|juil|sept|déc|ene|abr|ago|dic|sty|lut|kwi|maj|cze|lip|sie|wrz|paź"
                    + "|lis|gru)[a-zäéûèíóś]*\\.?,? \\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2}"
                    + "(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}"
                    + "|\\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago"
                    + "|vor \\d+ (?:sekunden|minuten|stunden|tagen|wochen|monaten|jahren)|il y a \\d+ \\w+"
                    + "|hace \\d+ \\w+|\\d+ (?:minut|godzin|dni)\\w* temu|yesterday|gestern|hier)\\b");
    /** Class names of the element holding a comment's author. */
    private static final Pattern AUTHOR_NAME = Pattern.compile(
            "(?:^|[-_])(?:author|by|byline|user|username|user-?name|nick|nickname|name|fn|poster|commenter)(?:$|[-_])");
    /** Links and buttons under a comment: reply, quote, vote, report, in the corpus's languages. */
    static final Pattern ACTION = Pattern.compile("(?iU)^\\W*(?:reply|antworten|répondre|responder|rispondi|odpowiedz"
            + "|quote|zitieren|citer|report|melden|signaler|like|likes|gefällt mir|j'aime|share|permalink|edit"
            + "|click to rate|rate|vote|[+-]?\\d+(?: (?:likes?|votes?|points?))?)\\W*$");

    private static final Set<String> HEADING = Set.of("h1", "h2", "h3", "h4");
    private static final Set<String> BLOCK_TAGS = Set.of("li", "article", "div", "section", "blockquote", "dd");
    /** A comment puts its author, date and reply link among its first elements. */
    private static final int MARKER_SCAN = 60;

    private static final int MAX_MARKER_TEXT = 80;
    private static final int MIN_TEXT = 15;

    private CommentBlocks() {}

    /**
     * Whether {@code e}'s children hold at least {@code min} look-alike comment blocks making up most
     * of them: a thread, with no heading or link list among its blocks.
     */
    static boolean isThread(Element e, TextLengths lengths, int min) {
        if (!hasChildElements(e, min) || !hasCandidates(e, lengths, min)) {
            return false;
        }
        Map<String, List<Element>> bySignature = new LinkedHashMap<>();
        for (Element child = e.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (BLOCK_TAGS.contains(child.normalName())) {
                bySignature
                        .computeIfAbsent(signature(child), k -> new ArrayList<>())
                        .add(child);
            }
        }
        for (List<Element> group : bySignature.values()) {
            if (group.size() >= min && holdsThread(group, lengths, min)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether at least {@code min} blocks of {@code group}, and two thirds of them, look like comments.
     * Counting stops as soon as the answer is known: most groups of a page are teasers or paragraphs,
     * and each block judged reads up to {@link #MARKER_SCAN} elements.
     */
    private static boolean holdsThread(List<Element> group, TextLengths lengths, int min) {
        int needed = Math.max(min, (2 * group.size() + 2) / 3); // comments * 3 >= size * 2
        int comments = 0;
        int left = group.size();
        for (Element block : group) {
            if (comments + left < needed) {
                return false;
            }
            left--;
            if (isCandidate(block, lengths) && looksLikeComment(block, true) && ++comments >= needed) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether at least {@code min} of {@code e}'s children are blocks long enough and with few enough
     * links to be comments: without them no group can count {@code min} comments, and the signatures and
     * markers of the children need not be read (most elements of a page hold no such run).
     */
    private static boolean hasCandidates(Element e, TextLengths lengths, int min) {
        int n = 0;
        for (Element child = e.firstElementChild(); child != null && n < min; child = child.nextElementSibling()) {
            if (BLOCK_TAGS.contains(child.normalName()) && isCandidate(child, lengths)) {
                n++;
            }
        }
        return n >= min;
    }

    private static boolean isCandidate(Element block, TextLengths lengths) {
        return lengths.text(block) >= MIN_TEXT && lengths.linkDensity(block) < 0.5;
    }

    /**
     * Whether {@code e} has at least {@code min} child elements, counted along the sibling links:
     * {@code childrenSize()} builds and keeps a list of the children of every element it is asked about.
     */
    private static boolean hasChildElements(Element e, int min) {
        int n = 0;
        for (Element child = e.firstElementChild(); child != null && n < min; child = child.nextElementSibling()) {
            n++;
        }
        return n >= min;
    }

    /**
     * The comments in {@code section}: the largest set of look-alike blocks (nested replies included)
     * at least half of which look like comments (named so, or dated), in document order; empty when there is none.
     */
    static List<Element> in(Element section) {
        Map<String, List<Element>> bySignature = new LinkedHashMap<>();
        for (Element e : section.getAllElements()) {
            if (e != section
                    && BLOCK_TAGS.contains(e.normalName())
                    && TextLengths.visibleLength(e.text()) >= MIN_TEXT) {
                bySignature
                        .computeIfAbsent(signature(e), k -> new ArrayList<>())
                        .add(e);
            }
        }
        List<Element> best = List.of();
        for (List<Element> group : bySignature.values()) {
            if (group.size() <= best.size()) {
                continue; // the first of equal groups is the outer one: <li class=comment> before its <article>
            }
            int comments = 0;
            for (Element block : group) {
                if (isNamedComment(block) || looksLikeComment(block, false)) {
                    comments++;
                }
            }
            if (comments * 2 >= group.size()) {
                best = group;
            }
        }
        return best;
    }

    private static boolean isNamedComment(Element block) {
        return CommentSections.isMicrodataComment(block) || Boilerplate.isNamed(block, CommentSections.COMMENT_NAME);
    }

    private static String signature(Element e) {
        String cls = e.className().strip();
        int space = cls.indexOf(' ');
        return e.normalName() + '.' + (space < 0 ? cls : cls.substring(0, space));
    }

    /**
     * Whether {@code block} has a date and, when {@code strict}, an author or an action as well and no
     * heading (a teaser of another article has one).
     */
    private static boolean looksLikeComment(Element block, boolean strict) {
        boolean date = false;
        boolean authorOrAction = false;
        int seen = 0;
        // the first elements of the block in page order; each marker is looked for until it is found
        for (Element e = block; e != null && seen++ <= MARKER_SCAN; e = nextInside(block, e)) {
            if (strict && HEADING.contains(e.normalName())) {
                return false;
            }
            if (!date) {
                date = e.nameIs("time") || hasDateText(e);
                if (date && !strict) {
                    return true;
                }
            }
            if (strict && !authorOrAction) {
                authorOrAction = isAuthor(e) || isAction(e);
            }
        }
        return date && (!strict || authorOrAction);
    }

    /** The element after {@code e} in page order under {@code block}, or null after the last. */
    private static Element nextInside(Element block, Element e) {
        Element child = e.firstElementChild();
        if (child != null) {
            return child;
        }
        for (Element at = e; at != block; at = at.parent()) {
            Element next = at.nextElementSibling();
            if (next != null) {
                return next;
            }
        }
        return null;
    }

    /** A reply, quote or vote link or button, or a vote count: a leaf whose whole text is one. */
    private static boolean isAction(Element e) {
        return (e.nameIs("a") || e.nameIs("button") || e.nameIs("span"))
                && e.firstElementChild() == null
                && ACTION.matcher(e.text()).matches();
    }

    private static boolean hasDateText(Element e) {
        for (int i = 0, n = e.childNodeSize(); i < n; i++) { // childNodes() copies the list
            if (e.childNode(i) instanceof TextNode t && !holdsMoreThan(t.getWholeText(), MAX_MARKER_TEXT)) {
                String text = t.text().strip();
                if (!text.isEmpty()
                        && text.length() <= MAX_MARKER_TEXT
                        && mayHoldDate(text)
                        && DATE.matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code raw} holds more than {@code max} characters that {@code TextNode.text().strip()} keeps:
     * its normalising drops white space runs but for one space, the zero-width space and the soft hyphen,
     * and the strip only white space. A comment's text is longer than a marker, and is not copied to say so.
     */
    private static boolean holdsMoreThan(String raw, int max) {
        int kept = 0;
        for (int i = 0, n = raw.length(); i < n && kept <= max; i++) {
            char c = raw.charAt(i);
            if (!TextLengths.isSpace(c) && c != '\u200b' && c != '\u00ad') {
                kept++;
            }
        }
        return kept > max;
    }

    /**
     * A cheap test that rules out most texts before {@link #DATE}: every match of it holds a decimal
     * digit ({@code \\d} under {@code (?U)} is any Unicode one) or is "yesterday", "gestern" or "hier",
     * matched ignoring case as the pattern does.
     */
    private static boolean mayHoldDate(String text) {
        return Furniture.hasDigit(text)
                || Boilerplate.containsIgnoreCase(text, "yesterday")
                || Boilerplate.containsIgnoreCase(text, "gestern")
                || Boilerplate.containsIgnoreCase(text, "hier");
    }

    static boolean isAuthor(Element e) {
        if (e.nameIs("cite")) {
            return true;
        }
        // most elements have no attributes, and every test below reads one
        return e.attributesSize() > 0
                && (e.attr("itemprop").equals("author") || Boilerplate.hasName(e, CommentBlocks::isAuthorName));
    }

    private static boolean isAuthorName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        // Every match of AUTHOR_NAME holds one of these; most names hold none, and skip the regex.
        return (lower.contains("by")
                        || lower.contains("fn")
                        || lower.contains("user")
                        || lower.contains("nick")
                        || lower.contains("name")
                        || lower.contains("poster")
                        || lower.contains("author")
                        || lower.contains("commenter"))
                && AUTHOR_NAME.matcher(lower).find();
    }
}
