package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes the lines of a story's header that date it, time its reading, file it or lead away from it: a
 * date or a time standing on a line of its own ("23.10.2018", "11 Jan 2019", "17 April 2012 • 2:54pm"), or
 * beside a name or a label behind a bar ("2021-10-16 | Botschaft"), a block its page names a reading time
 * ("Ten tekst przeczytasz w mniej niż minutę"), a short label its page names a category, kicker or section
 * ("Promis", "Seguridad"), a byline of a preposition and a linked name ("von Annette Henkel"), and a row of
 * three or more links with nothing but bars or arrows between them (a breadcrumb, a menu set as a line),
 * wherever they sit before the story's first paragraph of prose (a standfirst inside {@code <header>} or
 * {@code <hgroup>} is not that paragraph, nor is a headline, however long). They describe the story rather
 * than tell it: Trafilatura's evaluation corpus counts every such date as boilerplate, and WCXB's texts
 * leave them out. A date inside the story's text, or in a sentence of the header ("Published on 2 May by
 * …"), stays. One walk, which stops where the story starts. Structure, names and the shape of dates; words
 * only for a byline's preposition.
 */
final class StoryHeader implements NodeFilter {
    /** A paragraph with this much prose starts the story's text. */
    private static final int MIN_PARAGRAPH = 80;

    /** Dates and times are short; a longer line is something else that holds one. */
    private static final int MAX_DATE = 40;

    /** A reading time is one short line: "Lesezeit: 5 min", "Ten tekst przeczytasz w mniej niż minutę". */
    private static final int MAX_LINE = 80;

    /**
     * A date, a time, or both: "23.10.2018", "31. Dezember 2008", "Oct 13, 2020", "2022-05-04",
     * "28 kwietnia 2021, 06:29", "19:49", "3:59 PM".
     */
    private static final String DATE = "(?:(?:\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}"
            + "|\\d{1,2}\\.? \\p{L}{3,10}\\.? \\d{4}|\\p{L}{3,10}\\.? \\d{1,2},? \\d{4}|\\d{4}-\\d{2}-\\d{2}"
            + "|\\d{1,2}/\\d{1,2}/\\d{2,4})(?:(?:,? | ?[•·|–-] )(?:\\p{L}{1,3} )?\\d{1,2}[:.]\\d{2}(?: ?uhr| ?[ap]\\.?m\\.?)?)?"
            + "|\\d{1,2}[:.]\\d{2} ?(?:uhr|[ap]\\.?m\\.?)?)";

    private static final Pattern DATE_OR_TIME = Pattern.compile("(?iU)" + DATE);

    /** A date beside a name or a label is a longer line. */
    private static final int MAX_DATED = 60;

    /**
     * A date beside a name or a label, set off by a bar: "2021-10-16 | Botschaft", "Verfasst von: mitundvoneinander
     * | 31. Dezember 2008".
     */
    private static final Pattern DATED =
            Pattern.compile("(?iU)" + DATE + " \\| [\\w.-]+(?: [\\w.-]+)?|(?:[\\w.-]+:? ){1,3}\\| " + DATE);

    /** A byline's preposition, per language (de, en, es and pt, fr, pl, it, nl, sv and da), and a name in capitals. */
    private static final Pattern BYLINE = Pattern.compile(
            "(?U)(?i:von|by|por|par|przez|di|door|av|af)\\s+\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){1,3}");

    /** A row of links has at least this many. */
    private static final int MIN_LINKS = 3;

    /** A row of links longer than this is a list of them, not a line. */
    private static final int MAX_LINKS_LINE = 200;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s|/>»›·•‹«<:-]*");

    private static final Set<String> INLINE =
            Set.of("a", "span", "strong", "b", "em", "i", "small", "time", "abbr", "img", "svg", "br");

    private final Element story;
    private final TextLengths lengths;
    private final NameTest readingTimeNamed = new NameTest(StoryHeader::namesReadingTime);
    private final NameTest labelNamed = new NameTest(StoryHeader::namesLabel);
    private final List<Element> doomed = new ArrayList<>();
    /** How many {@code <header>} or {@code <hgroup>} elements the walk is inside: a standfirst there does not start the story. */
    private int headers;

    private StoryHeader(Element story, TextLengths lengths) {
        this.story = story;
        this.lengths = lengths;
    }

    /** Removes the date, time, reading-time, byline and link lines before the first paragraph of prose in {@code story}. */
    static void remove(Element story, TextLengths lengths) {
        StoryHeader header = new StoryHeader(story, lengths);
        NodeTraversor.filter(header, story);
        header.doomed.forEach(lengths::remove);
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e) || depth == 0) {
            return FilterResult.CONTINUE;
        }
        if (e.nameIs("header") || e.nameIs("hgroup")) {
            headers++;
        }
        if (isHeading(e)) {
            return FilterResult.SKIP_CHILDREN; // a headline, however long, does not start the story's text
        }
        if (headers == 0 && (e.nameIs("p") && lengths.prose(e) >= MIN_PARAGRAPH || ownText(e) >= MIN_PARAGRAPH)) {
            return FilterResult.STOP; // the story's text starts, in a paragraph or a post's bare text
        }
        int length = lengths.text(e);
        if (length == 0) {
            return FilterResult.SKIP_CHILDREN;
        }
        if (length <= MAX_LINKS_LINE && isLinkLine(e)) {
            doomed.add(e);
            return FilterResult.SKIP_CHILDREN;
        }
        if (length > MAX_LINE) {
            return FilterResult.CONTINUE;
        }
        if (!standsAlone(e)) {
            return FilterResult.SKIP_CHILDREN; // part of a line, and so are its parts: "von Jane Doe am 2. Mai"
        }
        if (isHeaderLine(e, length)) {
            doomed.add(e);
            return FilterResult.SKIP_CHILDREN;
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && (e.nameIs("header") || e.nameIs("hgroup"))) {
            headers--;
        }
        return FilterResult.CONTINUE;
    }

    private boolean isHeaderLine(Element e, int length) {
        if (readingTimeNamed.test(e)) {
            return true;
        }
        String text = ElementText.of(e).strip();
        if (length > MAX_DATE) {
            return length <= MAX_DATED && DATED.matcher(text).matches();
        }
        return labelNamed.test(e) && holdsOnlyInline(e)
                || DATE_OR_TIME.matcher(text).matches()
                || isByline(e, text)
                || DATED.matcher(text).matches();
    }

    /** "von Annette Henkel", "By Jane Doe": a preposition and a linked name, alone on a line. */
    private static boolean isByline(Element e, String text) {
        if (!BYLINE.matcher(text).matches()) {
            return false;
        }
        Element link = e.selectFirst("a");
        return link != null && text.endsWith(ElementText.of(link).strip());
    }

    /**
     * Whether {@code e} is a row of links and nothing else but the bars or arrows between them: "Rentenpolitik
     * | Blog | Mailaktion Bundestag", a breadcrumb or a site's menu set as a line.
     */
    private static boolean isLinkLine(Element e) {
        if (TreeQuery.byTag(e, "a").size() < MIN_LINKS) {
            return false;
        }
        StringBuilder rest = new StringBuilder();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode t && t.parent() instanceof Element p && p.closest("a") == null) {
                        rest.append(t.text());
                    }
                },
                e);
        return SEPARATORS.matcher(rest).matches();
    }

    /** Whether {@code e}'s children are all inline: a label, not a box that holds the headline. */
    private static boolean holdsOnlyInline(Element e) {
        for (Element child = e.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (!INLINE.contains(child.normalName())) {
                return false;
            }
        }
        return true;
    }

    /** The length of the text that sits directly in {@code e}, outside its child elements. */
    private static int ownText(Element e) {
        int length = 0;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                length += t.text().strip().length();
            }
        }
        return length;
    }

    private static boolean isHeading(Element e) {
        return switch (e.normalName()) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> true;
            default -> false;
        };
    }

    /** Whether no words sit beside {@code e}: it is a line of its own, not part of one. */
    private static boolean standsAlone(Element e) {
        return !hasWordBeside(e.previousSibling(), true) && !hasWordBeside(e.nextSibling(), false);
    }

    private static boolean hasWordBeside(Node sibling, boolean backwards) {
        while (sibling instanceof TextNode t && t.isBlank()) {
            sibling = backwards ? sibling.previousSibling() : sibling.nextSibling();
        }
        return sibling instanceof TextNode t && Furniture.hasWord(t.text());
    }

    /** A section's or category's name over the headline: "Promis", "Seguridad", "A-Frauen". */
    private static boolean namesLabel(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("categor")
                || n.contains("kicker")
                || n.contains("rubri")
                || n.contains("ressort")
                || n.contains("seccion")
                || n.contains("eyebrow")
                || n.contains("overline")
                || n.contains("dachzeile")
                || n.contains("topline")
                || n.contains("keyword");
    }

    private static boolean namesReadingTime(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return n.contains("readingtime") || n.contains("readtime") || n.contains("lesezeit");
    }
}
