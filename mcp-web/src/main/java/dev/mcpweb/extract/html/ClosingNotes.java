package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Removes what follows an article's last paragraph of prose when it is not prose: paragraphs that are
 * wholly a link ("read also" lines, links to galleries, forums and other stories) and headings over
 * nothing but links or nothing at all (the title of a teaser box or of a widget the page fills in
 * later). A reader sees the story has ended there. The article's end must be near the end of the
 * content, so a list article whose last stretch is cards and links keeps them. Structure only.
 */
final class ClosingNotes {
    /** A paragraph with this much text outside links is prose. */
    private static final int MIN_PROSE = 40;
    /** A paragraph with at most this share of its text outside links is a link. */
    private static final double MAX_UNLINKED = 0.1;
    /** The content after the last paragraph of prose holds at most this share of the text. */
    private static final double MAX_TAIL = 0.2;

    private ClosingNotes() {}

    /**
     * Removes, in place, the link paragraphs and link-box headings after the last paragraph of prose
     * under {@code main}. {@code blocks} are its paragraphs and h2–h6 headings in document order;
     * {@code lengths} counts {@code main}'s text.
     */
    static void remove(Element main, List<Element> blocks, TextLengths lengths) {
        List<Element> doomed = new ArrayList<>();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Element block = blocks.get(i);
            int text = lengths.text(block);
            if (text == 0) {
                continue;
            }
            if (!block.nameIs("p")) {
                if (headsLinks(block, lengths)) {
                    doomed.add(block);
                }
            } else if (lengths.prose(block) >= MIN_PROSE) {
                if (ArticleEnd.textAfter(block, main, lengths) <= MAX_TAIL * lengths.text(main)) {
                    doomed.forEach(Element::remove);
                }
                return;
            } else if (lengths.prose(block) <= MAX_UNLINKED * text) {
                doomed.add(block);
            }
        }
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
