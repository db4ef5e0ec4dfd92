package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The number of visible non-space characters under each element, and how many of them sit inside
 * links, computed in one iterative post-order pass; and, as that pass sees every element, the elements
 * where the page marks a story.
 */
final class TextLengths {
    /**
     * The elements measured, by identity, in an open-addressed table whose slots give each element's number
     * in the order measured; {@link #text} and {@link #links} hold its counts at that number. A map of its
     * own rather than an {@link java.util.IdentityHashMap} of {@code int[]}s: the pass puts every element of
     * the page, several times a page, and the map's growth and an array per element were a twentieth of
     * the extract stage.
     */
    private Element[] slots = new Element[256];

    private int[] numbers = new int[256];
    private int[] text = new int[128];
    private int[] links = new int[128];
    private int count;
    private final boolean findsStoryMarks;
    private final List<Element> storyMarks = new ArrayList<>();

    private TextLengths(boolean findsStoryMarks) {
        this.findsStoryMarks = findsStoryMarks;
    }

    /** The counts of {@code root} and every element under it. */
    static TextLengths of(Element root) {
        TextLengths t = new TextLengths(false);
        t.measure(root);
        return t;
    }

    /**
     * As {@link #of}, and the elements that mark a story as well, for {@link #storyMarks}: only the
     * first measure of the page asks for them, and looking for them costs an attribute lookup at every
     * element, where the rules measure the content a dozen times a page.
     */
    static TextLengths withStoryMarks(Element root) {
        TextLengths t = new TextLengths(true);
        t.measure(root);
        return t;
    }

    int text(Element e) {
        int n = number(e);
        return n < 0 ? 0 : text[n];
    }

    int linkText(Element e) {
        int n = number(e);
        return n < 0 ? 0 : links[n];
    }

    /** {@code e}'s number in the order measured, or -1 when it was not measured. */
    private int number(Element e) {
        int mask = slots.length - 1;
        for (int i = System.identityHashCode(e) & mask; ; i = (i + 1) & mask) {
            Element slot = slots[i];
            if (slot == e) {
                return numbers[i];
            }
            if (slot == null) {
                return -1;
            }
        }
    }

    /** Numbers {@code e}, measured for the first time, with counts of zero. */
    private int add(Element e) {
        int n = count++;
        if (n == text.length) {
            text = Arrays.copyOf(text, 2 * n);
            links = Arrays.copyOf(links, 2 * n);
        }
        if (2 * count > slots.length) {
            grow();
        }
        put(slots, numbers, e, n);
        return n;
    }

    private void grow() {
        Element[] oldSlots = slots;
        int[] oldNumbers = numbers;
        slots = new Element[2 * oldSlots.length];
        numbers = new int[slots.length];
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != null) {
                put(slots, numbers, oldSlots[i], oldNumbers[i]);
            }
        }
    }

    private static void put(Element[] slots, int[] numbers, Element e, int n) {
        int mask = slots.length - 1;
        int i = System.identityHashCode(e) & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = e;
        numbers[i] = n;
    }

    /** The visible characters under {@code e} outside links: its prose. */
    int prose(Element e) {
        return text(e) - linkText(e);
    }

    double linkDensity(Element e) {
        int t = text(e);
        return t == 0 ? 0 : (double) linkText(e) / t;
    }

    /**
     * The page's {@code <article>} elements and the elements its microdata names {@code articleBody}, in
     * page order, as they were when measured: some may have left the page since. Empty unless measured
     * {@link #withStoryMarks}.
     */
    List<Element> storyMarks() {
        return storyMarks;
    }

    static int visibleLength(String s) {
        int n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            if (!isSpace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@link Character#isWhitespace} or a no-break space, answering ASCII (most of the web's text)
     * without the lookup of the character's Unicode properties; printable ASCII is ruled out first.
     */
    static boolean isSpace(char c) {
        if (c > ' ') {
            return c >= 0x80 && isSpaceBeyondAscii(c);
        }
        return c >= '\u001c' || (c >= '\t' && c <= '\r');
    }

    /**
     * The sixteen characters beyond ASCII that are {@link Character#isWhitespace} or a no-break space,
     * named rather than looked up in the character's Unicode properties: that lookup, asked of every
     * letter beyond ASCII and of typographic quotes and dashes, was a twentieth of a cold run, in which
     * code runs unoptimised. {@code TextLengthsTest} checks every character against the JDK's answer.
     */
    private static boolean isSpaceBeyondAscii(char c) {
        return switch (c) {
            case '\u00a0',
                    '\u1680',
                    '\u2000',
                    '\u2001',
                    '\u2002',
                    '\u2003',
                    '\u2004',
                    '\u2005',
                    '\u2006',
                    '\u2008',
                    '\u2009',
                    '\u200a',
                    '\u2028',
                    '\u2029',
                    '\u205f',
                    '\u3000' -> true;
            default -> false;
        };
    }

    /**
     * Sums bottom-up in one depth-first walk, keeping the open elements' counts on a stack rather than
     * looking parents up. Its own loop rather than a {@link org.jsoup.select.NodeTraversor} walk: that
     * calls a visitor shared by every walk of the extractor twice at every node, and is never inlined.
     */
    private void measure(Element root) {
        int[] open = new int[64]; // the numbers of the open elements, innermost last
        int depth = 0;
        int linkDepth = 0;
        Node node = root;
        while (true) {
            if (node instanceof Element e) {
                if (depth == open.length) {
                    open = Arrays.copyOf(open, 2 * depth);
                }
                open[depth++] = add(e);
                if (e.nameIs("a")) {
                    linkDepth++;
                } else if (findsStoryMarks
                        && (e.nameIs("article")
                                || (e.attributesSize() > 0
                                        && e.attributes().get("itemprop").equals("articleBody")))) {
                    storyMarks.add(e);
                }
                if (e.childNodeSize() > 0) {
                    node = e.childNode(0);
                    continue;
                }
            } else if (node instanceof TextNode t) {
                int n = visibleLength(t.getWholeText());
                int parent = open[depth - 1]; // the text's parent
                text[parent] += n;
                if (linkDepth > 0) {
                    links[parent] += n;
                }
            }
            // close the elements this node ends, then go on to the next sibling
            while (true) {
                if (node instanceof Element e) {
                    if (e.nameIs("a")) {
                        linkDepth--;
                    }
                    int closed = open[--depth];
                    if (depth > 0) {
                        int parent = open[depth - 1];
                        text[parent] += text[closed];
                        links[parent] += links[closed];
                    }
                }
                if (node == root) {
                    return;
                }
                Node next = node.nextSibling();
                if (next != null) {
                    node = next;
                    break;
                }
                node = node.parent();
            }
        }
    }
}
