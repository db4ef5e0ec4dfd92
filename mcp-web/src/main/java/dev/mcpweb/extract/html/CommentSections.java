package dev.mcpweb.extract.html;

import dev.mcpweb.text.Whitespace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the sections of an article page that hold its readers' comments and takes them out of the
 * page: containers named for comments ({@code comments}, {@code comment-list}, Disqus's and
 * Discourse's embeds, WordPress's {@code respond} form), microdata {@code Comment}s, the comments the
 * page declares in JSON-LD (found by the start of their text), sections opened
 * by a comment heading ("3 Comments", "Top Rated Comments", "Kommentare", …), and — by structure alone,
 * on a page that declares an article — runs of look-alike blocks after the headline that each carry a
 * date and an author, a reply link or a vote count. None of these may hold the page's {@code <h1>}:
 * that is where the article is; and none may hold most of the page's prose, since sites misuse the
 * names on wrappers and a forum's replies look like comments.
 */
final class CommentSections {
    static final Pattern COMMENT_NAME = Pattern.compile(
            "(?:^|[-_])(?:comments?|comment-?list|comments-?area|disqus|respond|reply-?form)(?:$|[-_])");

    /**
     * Headings that open an article's comment section, in the corpus's languages: "3 Comments",
     * "Top Rated Comments", "Leave a Reply", "Kommentare (12)", "Schreibe einen Kommentar",
     * "Laisser un commentaire".
     */
    static final Pattern COMMENT_HEADING = Pattern.compile("(?iU)^\\W*(?:(?:\\d+|one|two|ein|zwei) )?"
            + "(?:(?:top[- ]rated|most (?:rated|liked|popular|recent)|best|newest|latest|reader(?:s'?)?) )?"
            + "(?:comments?|responses?|replies|kommentare?|leserkommentare|commentaires?|komentarze?|comentarios?"
            + "|commenti|comentários)(?: \\(?\\d+\\)?)?\\W*$|^\\W*(?:leave|post|add|write) (?:a|your) (?:reply|comment)"
            + "|^\\W*(?:schreiben? sie )?einen kommentar (?:schreiben|hinterlassen|verfassen)|^\\W*schreibe einen kommentar"
            + "|^\\W*(?:laisser|laissez|ajouter) un commentaire|^\\W*(?:dodaj|napisz) komentarz"
            + "|^\\W*(?:deja|dejar|escribe) (?:un|tu) comentario|^\\W*what do you think\\W*$");

    /**
     * Pieces one of which every match of {@link #COMMENT_HEADING} holds, as {@link TrailingNotes#folded}
     * reads the text ("omment" in "Comments", "Kommentare", "commentaire"; "oment" in "komentarz",
     * "comentarios"): most headings hold none and are not searched.
     */
    static final List<String> COMMENT_HEADING_PIECES =
            List.of("omment", "oment", "respons", "repl", "what do you think");

    private static final String[][] COMMENT_HEADING_PIECES_BY_FIRST =
            Furniture.byFirstCharacter(COMMENT_HEADING_PIECES);

    /** A section headed "Comments" may hold up to this share of the page's text and still go. */
    private static final double MAX_SHARE = 0.7;
    /** A container named for comments may hold up to this share of the page's text and still go. */
    private static final double MAX_NAMED_SHARE = 0.4;
    /** The least prose that makes a container named for comments an article's wrapper after all. */
    private static final int MIN_ARTICLE_PROSE = 800;

    /** Declared comments shorter than this are too short to tell where they stand. */
    private static final int MIN_DECLARED = 20;
    /** A declared comment is looked for by this many characters from its start. */
    private static final int DECLARED_KEY = 40;
    /** A comment's header (author, date, reply link) holds at most this much text beside it. */
    private static final int MAX_HEADER = 200;
    /** Look-alike blocks fewer than this are not a thread. */
    private static final int MIN_BLOCKS = 3;

    private final Element root;
    private final TextLengths lengths;
    private final int pageText;
    private final int pageProse;
    private final List<Element> sections = new ArrayList<>();
    private final ElementFacts facts;
    /** The {@code <h1>}s and their ancestors: the article is there. */
    private final Set<Element> holdsHeadline = Collections.newSetFromMap(new IdentityHashMap<>());

    private CommentSections(Element root, TextLengths lengths, ElementFacts facts) {
        this.root = root;
        this.lengths = lengths;
        this.facts = facts;
        this.pageText = Math.max(1, lengths.text(root));
        this.pageProse = Math.max(1, lengths.prose(root));
        for (Element h1 : facts.headlines(root)) {
            Element e = h1;
            while (e != null && holdsHeadline.add(e)) { // up to an ancestor another headline marked
                e = e.parent();
            }
        }
    }

    /**
     * Removes the comment sections under {@code root} and returns them: first where the comments the
     * page declares in its JSON-LD ({@code declared}, their texts) stand, then by names and headings.
     * Structure alone counts only on a page that declares an {@code article}: a forum that declares
     * nothing looks the same. {@code facts} are those of the page's elements.
     */
    static List<Element> detach(
            Element root, TextLengths lengths, ElementFacts facts, boolean article, List<String> declared) {
        CommentSections found = new CommentSections(root, lengths, facts);
        found.byDeclaration(declared);
        found.byName();
        found.sections.addAll(Boilerplate.removeHeadedSections(
                root,
                facts.headings(root),
                lengths,
                CommentSections::isCommentHeading,
                60,
                e -> found.mayGo(e, MAX_SHARE)));
        if (article) {
            found.byStructure();
        }
        return found.sections;
    }

    /** Whether {@link #COMMENT_HEADING} finds a match in {@code text}. */
    static boolean isCommentHeading(String text) {
        return Furniture.holdsAny(TrailingNotes.folded(text), COMMENT_HEADING_PIECES_BY_FIRST)
                && COMMENT_HEADING.matcher(text).find();
    }

    /** Whether {@code e} holds less than {@code share} of the page's text and not the headline. */
    private boolean mayGo(Element e, double share) {
        return e != root && lengths.text(e) < share * pageText && !holdsHeadline.contains(e);
    }

    private boolean mayGoByName(Element e) {
        int prose = lengths.prose(e);
        return mayGo(e, MAX_NAMED_SHARE) && !(prose >= MIN_ARTICLE_PROSE && prose > MAX_NAMED_SHARE * pageProse);
    }

    /**
     * The comments the page declares, found by the start of their text: the block around them when
     * there are several (up to the block holding them all), the comment's own block when there is one.
     */
    private void byDeclaration(List<String> declared) {
        List<String> starts = new ArrayList<>();
        for (String comment : declared) {
            String start = collapse(comment);
            if (start.length() >= MIN_DECLARED) {
                starts.add(start.substring(0, Math.min(DECLARED_KEY, start.length())));
            }
        }
        if (starts.isEmpty()) {
            return;
        }
        List<Element> found = new ArrayList<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode t && !starts.isEmpty() && node.parent() instanceof Element parent) {
                        String own = collapse(t.getWholeText());
                        if (own.length() >= MIN_DECLARED && starts.removeIf(own::contains)) {
                            found.add(parent);
                        }
                    }
                },
                root);
        if (found.isEmpty()) {
            return;
        }
        Element section = found.get(0);
        if (found.size() == 1) {
            while (section.parent() != null && lengths.text(section.parent()) <= lengths.text(section) + MAX_HEADER) {
                section = section.parent();
            }
        } else {
            for (Element comment : found.subList(1, found.size())) {
                while (section != null && !TreeQuery.holds(section, comment)) {
                    section = section.parent();
                }
            }
        }
        if (section != null && mayGo(section, MAX_SHARE)) {
            take(section);
        }
    }

    private static String collapse(String s) {
        return Whitespace.collapse(s).strip();
    }

    /** Containers named for comments, and microdata comments, outermost first. */
    private void byName() {
        // Only the marked elements can be comments: no walk of the page.
        List<Element> named = TreeQuery.outermost(facts.marked(root), e -> e != root && isComment(e) && mayGoByName(e));
        named.forEach(this::take);
    }

    private boolean isComment(Element e) {
        return facts.isMicrodataComment(e)
                || !e.nameIs("body") && !e.nameIs("main") && !e.nameIs("article") && facts.isCommentNamed(e);
    }

    static boolean isMicrodataComment(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        return isMicrodataComment(e.attributes());
    }

    /** Whether an element with {@code attributes} is a microdata comment. */
    static boolean isMicrodataComment(Attributes attributes) {
        // names are lower case: see Boilerplate.isHidden
        return attributes.get("itemprop").equals("comment")
                || attributes.get("itemtype").endsWith("schema.org/Comment");
    }

    /** Whether a class name or id names comments. */
    static boolean isCommentName(String name) {
        return mayNameComments(name)
                && COMMENT_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
    }

    /**
     * Whether {@code s} (a name, or the names of a class attribute) may name comments: every match of {@link
     * #COMMENT_NAME} in a name's lower case holds one of its words {@code comment}, {@code disqus}, {@code
     * respond} or {@code reply}, so one of "mment", "qus", "spond" or "eply". An ASCII string is searched for
     * those ignoring case, without lower-casing it, and compared only where their first two characters stand
     * (pieces of rarer pairs than the words' own openings "co" and "re"); any other may.
     */
    static boolean mayNameComments(String s) {
        for (int i = 0, n = s.length() - 1; i < n; i++) { // no piece is shorter than three characters
            char c = s.charAt(i);
            if (c >= 0x80) {
                return true; // lower-casing beyond ASCII is not worth reasoning about here
            }
            char next = (char) (s.charAt(i + 1) | 0x20); // an ASCII letter's lower case
            boolean found = switch (c | 0x20) {
                case 'm' -> next == 'm' && s.regionMatches(true, i, "mment", 0, 5);
                case 'q' -> next == 'u' && s.regionMatches(true, i, "qus", 0, 3);
                case 's' -> next == 'p' && s.regionMatches(true, i, "spond", 0, 5);
                case 'e' -> next == 'p' && s.regionMatches(true, i, "eply", 0, 4);
                default -> false;
            };
            if (found) {
                return true;
            }
        }
        return !s.isEmpty() && s.charAt(s.length() - 1) >= 0x80;
    }

    /**
     * A run of at least three look-alike blocks after the headline, each with a date and either an
     * author or a reply link, and none with a heading of its own or mostly links (those are teasers of
     * other articles): a thread of comments whatever its names, when the article outweighs it.
     */
    private void byStructure() {
        List<Element> headlines = facts.headlines(root);
        if (headlines.isEmpty()) {
            return;
        }
        Element headline = headlines.get(0);
        List<Element> threads = new ArrayList<>();
        boolean[] after = {false};
        TreeQuery.forEachElementWhile(root, e -> {
            if (e == headline) {
                after[0] = true;
                return false;
            }
            if (after[0]
                    && e != root
                    && CommentBlocks.isThread(e, lengths, MIN_BLOCKS)
                    && mayGo(e, MAX_SHARE)
                    && 2 * lengths.prose(e) <= pageProse) {
                threads.add(e);
                return false;
            }
            return true;
        });
        threads.forEach(this::take);
    }

    private void take(Element section) {
        if (section.parent() != null) {
            section.remove();
            sections.add(section);
        }
    }
}
