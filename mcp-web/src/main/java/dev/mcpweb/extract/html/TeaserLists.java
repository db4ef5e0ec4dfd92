package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * On a page that declares itself one article ({@link DeclaredType#article}), removes the lists of linked headlines that sit inside
 * or around its text: "more from", trending and roundup lists, tag lines, and the sections a short
 * heading opens over nothing but links. There a list whose every
 * entry is nothing but a link is a way to other pages, not part of the story; on listings and forums,
 * which declare no article, such lists are the content and stay.
 */
final class TeaserLists {
    private static final Evaluator LISTS = TagNames.of("ul", "ol", "div", "section");
    private static final Evaluator ANY_HEADING = TagNames.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Fewer entries than this are a link or two in passing. */
    private static final int MIN_ENTRIES = 3;
    /** An entry whose text is at least this share link text is a link and nothing else. */
    private static final double LINKED = 0.8;
    /** Entries longer than this hold a summary: a teaser with prose is left to the locator. */
    private static final int MAX_ENTRY = 160;
    /** A heading this short just before a removed list is its label ("More from us"). */
    private static final int MAX_LABEL = 80;

    /**
     * Above this share of the text in such lists the page is a list of links (a recipe index, a
     * Wikipedia list) that blogs and wikis declare as an article too.
     */
    private static final double MAX_LISTED = 0.25;

    private TeaserLists() {}

    /** Removes the linked-headline lists under {@code main}, never all of it. */
    static void remove(Element main, TextLengths lengths) {
        int total = lengths.text(main);
        List<Element> doomed = new ArrayList<>();
        for (Element list : TreeQuery.select(main, LISTS)) {
            if (!insideAny(list, doomed) && isTeaserList(list, lengths) && lengths.text(list) < total / 2) {
                doomed.add(list);
            }
        }
        List<Element> sections = linkedSections(main, lengths, doomed);
        int listed = 0;
        for (Element list : doomed) {
            listed += lengths.text(list);
        }
        for (Element block : sections) {
            listed += lengths.text(block);
        }
        if (listed > MAX_LISTED * total) {
            return; // a page that is mostly such lists is a listing, whatever it declares
        }
        for (Element list : doomed) {
            Element label = list.previousElementSibling();
            if (label != null
                    && label.normalName().matches("h[2-6]")
                    && TextLengths.visibleLength(ElementText.of(label)) <= MAX_LABEL) {
                lengths.remove(label);
            }
            lengths.remove(list);
        }
        sections.forEach(lengths::remove);
    }

    /**
     * The sections under {@code main} that a short heading opens and that hold nothing but links:
     * each block after the heading, up to the next heading or the end of its parent, at least {@link
     * #LINKED} link text ("Mehr zum Thema" over one or two linked headlines, a "Sources:" box of
     * links). The heading goes with them; a section with a line of prose in it stays.
     */
    private static List<Element> linkedSections(Element main, TextLengths lengths, List<Element> doomed) {
        List<Element> sections = new ArrayList<>();
        Set<Element> lists = Collections.newSetFromMap(new IdentityHashMap<>());
        lists.addAll(doomed);
        for (Element heading : TreeQuery.select(main, Boilerplate.HEADINGS)) {
            int label = lengths.text(heading);
            if (label == 0
                    || TextLengths.visibleLength(ElementText.of(heading)) > MAX_LABEL
                    || heading.parents().stream().anyMatch(lists::contains)) {
                continue;
            }
            Element unit = heading;
            while (unit.parent() != null && unit.parent() != main && lengths.text(unit.parent()) == label) {
                unit = unit.parent();
            }
            List<Element> blocks = new ArrayList<>();
            boolean linksOnly = true;
            for (Element next = unit.nextElementSibling(); next != null; next = next.nextElementSibling()) {
                if (!TreeQuery.select(next, ANY_HEADING).isEmpty()) { // a heading, or a block holding one
                    break;
                }
                int text = lengths.text(next);
                if (text > 0 && lengths.linkText(next) < LINKED * text) {
                    linksOnly = false;
                    break;
                }
                blocks.add(next);
            }
            if (linksOnly && blocks.stream().anyMatch(b -> lengths.linkText(b) > 0 && !lists.contains(b))) {
                sections.add(unit);
                blocks.stream().filter(b -> !lists.contains(b)).forEach(sections::add);
                lists.add(unit);
                lists.addAll(blocks);
            }
        }
        return sections;
    }

    static boolean insideAny(Element e, List<Element> doomed) {
        if (doomed.isEmpty()) {
            return false;
        }
        return TreeQuery.holds(doomed.get(doomed.size() - 1), e); // document order: only the last can hold e
    }

    private static boolean isTeaserList(Element list, TextLengths lengths) {
        int entries = 0;
        for (Element item = list.firstElementChild(); item != null; item = item.nextElementSibling()) {
            int text = lengths.text(item);
            if (text == 0) {
                continue;
            }
            if (text > MAX_ENTRY || lengths.linkText(item) < LINKED * text) {
                return false;
            }
            entries++;
        }
        return entries >= MIN_ENTRIES;
    }
}
