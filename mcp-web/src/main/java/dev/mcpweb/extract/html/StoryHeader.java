package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Removes the lines of a story's header that date it or time its reading: a date or a time standing on
 * a line of its own ("23.10.2018", "11 Jan 2019", "2:54pm") and a block its page names a reading time
 * ("Ten tekst przeczytasz w mniej niż minutę"), wherever they sit before the story's first paragraph of
 * prose. They describe the story rather than tell it: Trafilatura's evaluation corpus counts every such
 * date as boilerplate, and WCXB's texts leave them out. A date inside the story's text, or in a sentence
 * of the header ("Published on 2 May by …"), stays. Structure, names and the shape of dates; no words.
 */
final class StoryHeader {
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
    private static final Pattern DATE_OR_TIME = Pattern.compile("(?iU)(?:(?:\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}"
            + "|\\d{1,2}\\.? \\p{L}{3,10}\\.? \\d{4}|\\p{L}{3,10}\\.? \\d{1,2},? \\d{4}|\\d{4}-\\d{2}-\\d{2}"
            + "|\\d{1,2}/\\d{1,2}/\\d{2,4})(?:(?:,? | ?[•·|–-] )(?:\\p{L}{1,3} )?\\d{1,2}[:.]\\d{2}(?: ?uhr| ?[ap]\\.?m\\.?)?)?"
            + "|\\d{1,2}[:.]\\d{2} ?(?:uhr|[ap]\\.?m\\.?)?)");

    private static final Evaluator HEADER = QueryParser.parse("header");

    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");

    private StoryHeader() {}

    /** Removes the date, time and reading-time lines before the first paragraph of prose in {@code story}. */
    static void remove(Element story) {
        TextLengths lengths = TextLengths.of(story);
        NameTest readingTimeNamed = new NameTest(StoryHeader::namesReadingTime);
        NameTest labelNamed = new NameTest(StoryHeader::namesLabel);
        List<Element> doomed = new ArrayList<>();
        for (Element e : story.getAllElements()) {
            if ((e.nameIs("p") && lengths.prose(e) >= MIN_PARAGRAPH || ownText(e) >= MIN_PARAGRAPH)
                    && !TreeQuery.isWithin(e, story, HEADER)) {
                break; // the story's text starts, in a paragraph or a post's bare text; a standfirst is not it
            }
            int length = lengths.text(e);
            if (e == story || length == 0 || length > MAX_LINE || isHeading(e) || isDoomed(e, doomed)) {
                continue;
            }
            Element unit = outermostWithSameText(e, story, lengths);
            if (isHeading(unit) || !standsAlone(unit)) {
                continue;
            }
            if (readingTimeNamed.test(e)
                    || length <= MAX_DATE
                            && (labelNamed.test(e) && e.selectFirst(HEADINGS) == null
                                    || DATE_OR_TIME.matcher(e.text().strip()).matches())) {
                doomed.add(unit);
            }
        }
        doomed.forEach(Element::remove);
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

    private static boolean isDoomed(Element e, List<Element> doomed) {
        for (Element d : doomed) {
            if (TreeQuery.holds(d, e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHeading(Element e) {
        return switch (e.normalName()) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> true;
            default -> false;
        };
    }

    private static Element outermostWithSameText(Element e, Element story, TextLengths lengths) {
        Element unit = e;
        int length = lengths.text(e);
        while (unit.parent() != null && unit.parent() != story && lengths.text(unit.parent()) == length) {
            unit = unit.parent();
        }
        return unit;
    }

    /** Whether no words sit beside {@code unit} in its parent: it is a line of its own, not part of one. */
    private static boolean standsAlone(Element unit) {
        Element parent = unit.parent();
        if (parent == null) {
            return false;
        }
        for (Node sibling : parent.childNodes()) {
            if (sibling instanceof TextNode t && Furniture.hasWord(t.text())) {
                return false;
            }
        }
        return true;
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
