package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Removes what follows an article's last paragraph of prose when it is not prose: paragraphs that are
 * wholly a link ("read also" lines, links to galleries, forums and other stories), headings over
 * nothing but links or nothing at all (the title of a teaser box or of a widget the page fills in
 * later; a heading that is itself a link is a link the writer set large, and stays), and the boxes
 * that follow that paragraph in its own run (a newsletter or tag box, a disclaimer, a teaser inserted
 * into the body) unless the story links into them (its footnotes). A reader sees the story has ended
 * there. The article's end must be near the end of the content, so a list article whose last stretch
 * is cards and links keeps them. Structure only.
 */
final class ClosingNotes {
    /** A paragraph with this much text outside links is prose. */
    private static final int MIN_PROSE = 40;
    /** A paragraph with at most this share of its text outside links is a link. */
    private static final double MAX_UNLINKED = 0.1;
    /** The content after the last paragraph of prose holds at most this share of the text. */
    private static final double MAX_TAIL = 0.2;

    /** A prompt is a few sentences; a longer paragraph is the story's own. */
    private static final int MAX_PROMPT = 500;
    /** A paragraph with this share of its text in bold or italics is set apart as a whole. */
    private static final double MIN_EMPHASIS = 0.8;

    private static final Evaluator EMPHASIS = QueryParser.parse("strong, b, em, i");
    private static final Evaluator FRAGMENT_LINKS = QueryParser.parse("a[href^=#]");
    private static final Evaluator IDS = QueryParser.parse("[id]");

    /**
     * Elements that group other blocks into a box. A list, table, figure or quote after the last
     * paragraph is the story's own (an enumeration or a closing picture it ends on), so they stay.
     */
    private static final Set<String> BOXES = Set.of("div", "section", "aside", "form", "center");

    /**
     * What a closing prompt asks of its reader, per language: subscribe, sign up, support us, join, follow
     * us, get the app, write a letter; English, German, French, Spanish, Portuguese, Italian, Polish. Verbs
     * addressed to the reader, not nouns: a story about subscription boxes or a newsletter's subscribers
     * ends on those words. Words, because a prompt and a closing sentence share their structure.
     */
    static final Pattern PROMPT = Pattern.compile("(?iU)\\b(?:subscribe|sign up|support (?:us|our|independent)"
            + "|supporting our|become a (?:member|patron|subscriber)|(?:our|free) newsletter"
            + "|follow [^.]{0,30}\\bon (?:twitter|facebook|instagram|telegram|whatsapp|linkedin|tiktok|youtube)"
            + "|(?:get|download|install) (?:our|the) [^.]{0,60}\\bapps?\\b|letters? to the editor"
            + "|abonnier|unterstütze|unterstützen sie|folg(?:e|en sie) uns|werden sie mitglied|unseren newsletter"
            + "|in deinen posteingang"
            + "|abonnez|s'abonner|soutenez|faites un don|suivez-nous|notre newsletter"
            + "|suscr[ií]b(?:ete|irte|ase)|s[ií]guenos|apoya (?:el|nuestro)|hazte (?:miembro|socio)|h[aá]gase miembro"
            + "|canal de (?:telegram|whatsapp)|[uú]nete"
            + "|assine|apoie|siga-nos|abbonati|iscriviti|seguici|sostieni"
            + "|do subskrypcji|zaprenumeruj|wesprzyj|obserwuj nas)");

    /**
     * Pieces one of which every match of {@link #PROMPT} holds, as {@link TrailingNotes#folded} reads the
     * text. Most paragraphs hold none and are not searched, a search that tries each alternative at every word.
     */
    static final List<String> PROMPT_PIECES = List.of(
            // English
            "subscribe",
            "sign up",
            "support",
            "become a ",
            "newsletter",
            "follow ",
            "get our ",
            "get the ",
            "download ",
            "install ",
            "to the editor",
            // German
            "abonn",
            "unterstütze",
            "folg",
            "mitglied",
            "posteingang",
            // French
            "soutenez",
            "un don",
            "suivez-nous",
            // Spanish
            "suscr",
            "guenos",
            "apoya ",
            "hazte ",
            "gase miembro",
            "canal de ",
            "unete",
            "únete",
            // Portuguese, Italian
            "assine",
            "apoie",
            "siga-nos",
            "abbonati",
            "iscriviti",
            "seguici",
            "sostieni",
            // Polish
            "subskrypcji",
            "zaprenumeruj",
            "wesprzyj",
            "obserwuj nas");

    private static final String[][] PROMPT_PIECES_BY_FIRST = Furniture.byFirstCharacter(PROMPT_PIECES);

    private ClosingNotes() {}

    /**
     * Removes, in place, the link paragraphs and link-box headings after the last paragraph of prose
     * under {@code main}, when {@code endsStory} says that paragraph closes a story. {@code blocks} are its
     * paragraphs and h2–h6 headings in document order; {@code lengths} counts {@code main}'s text, and
     * keeps the counts of what goes until it is {@linkplain TextLengths#settle settled}.
     */
    static void remove(Element main, List<Element> blocks, TextLengths lengths, Predicate<Element> endsStory) {
        List<Element> doomed = new ArrayList<>();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Element block = blocks.get(i);
            int text = lengths.text(block);
            if (text == 0) {
                continue;
            }
            if (!block.nameIs("p")) {
                if (lengths.linkText(block) < text && headsLinks(block, lengths)) {
                    doomed.add(block);
                }
            } else if (lengths.prose(block) >= MIN_PROSE) {
                if (!endsStory.test(block)) {
                    return;
                }
                if (isPrompt(block, text, lengths)) {
                    doomed.add(block);
                    continue;
                }
                if (ArticleEnd.textAfter(block, main, lengths) <= MAX_TAIL * lengths.text(main)) {
                    doomed.forEach(lengths::removeLater);
                    removeBoxesAfter(block, main, lengths);
                }
                return;
            } else if (lengths.prose(block) <= MAX_UNLINKED * text) {
                doomed.add(block);
            }
        }
    }

    /**
     * Removes the boxes that follow the story's last paragraph among its siblings: the body's own run
     * of paragraphs ends there, and a box set after it is put there by the site, not by the writer.
     */
    private static void removeBoxesAfter(Element lastParagraph, Element main, TextLengths lengths) {
        List<Element> boxes = new ArrayList<>();
        for (Element next = lastParagraph.nextElementSibling(); next != null; next = next.nextElementSibling()) {
            if (BOXES.contains(next.normalName())) {
                boxes.add(next);
            }
        }
        if (boxes.isEmpty()) {
            return;
        }
        Set<String> targets = linkTargets(main, boxes);
        for (Element box : boxes) {
            if (!holdsTarget(box, targets)) {
                lengths.removeLater(box);
            }
        }
    }

    /**
     * The ids that links under {@code main} outside {@code boxes} point to ({@code href="#id"}): a box the
     * story links into holds its footnotes or its notes, and stays.
     */
    private static Set<String> linkTargets(Element main, List<Element> boxes) {
        Set<String> targets = new HashSet<>();
        for (Element link : main.select(FRAGMENT_LINKS)) {
            if (boxes.stream().noneMatch(box -> TreeQuery.holds(box, link))) {
                targets.add(link.attr("href").substring(1));
            }
        }
        return targets;
    }

    private static boolean holdsTarget(Element box, Set<String> targets) {
        if (targets.isEmpty()) {
            return false;
        }
        for (Element e : box.select(IDS)) {
            if (targets.contains(e.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code paragraph} asks the reader to act rather than tells the story: it names an action
     * (subscribe, sign up, support, follow, download the app, write a letter) and is set apart as a
     * prompt is: it links to where the reader acts, or it is set wholly in bold or italics. A closing
     * sentence of the story that mentions a subscription is neither.
     */
    private static boolean isPrompt(Element paragraph, int text, TextLengths lengths) {
        if (text > MAX_PROMPT || !namesAnAction(ElementText.of(paragraph))) {
            return false;
        }
        if (lengths.linkText(paragraph) > 0) {
            return true;
        }
        int emphasis = 0;
        for (Element e : paragraph.select(EMPHASIS)) {
            emphasis += lengths.text(e);
        }
        return emphasis >= MIN_EMPHASIS * text;
    }

    /** Whether {@link #PROMPT} finds a match in {@code text}. */
    static boolean namesAnAction(String text) {
        return Furniture.holdsAny(TrailingNotes.folded(text), PROMPT_PIECES_BY_FIRST)
                && PROMPT.matcher(text).find();
    }

    /** Whether what follows {@code heading} in its parent is links or nothing. */
    private static boolean headsLinks(Element heading, TextLengths lengths) {
        int text = 0;
        int links = 0;
        for (Element next = heading.nextElementSibling(); next != null; next = next.nextElementSibling()) {
            text += lengths.text(next);
            links += lengths.linkText(next);
        }
        return links >= 0.5 * text;
    }
}
