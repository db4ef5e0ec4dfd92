package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The number of visible non-space characters under each element, and how many of them sit inside
 * links, computed in one iterative post-order pass and kept current as elements leave the page or come
 * into it through it; and, as that pass sees every element, the elements where the page marks a story.
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
    /** The visible lengths of the texts to measure next, from {@link #nextKnown} on, when counted already. */
    private int[] known;

    private int nextKnown;
    /** The element measured first: the counts above it are not kept. */
    private Element top;

    /** The former parents of the elements {@link #removeLater removed later}, their counts in {@link #held}. */
    private final List<Element> heldParents = new ArrayList<>();

    private int[] held = new int[16]; // text and link counts, a pair per held parent

    private TextLengths(boolean findsStoryMarks) {
        this.findsStoryMarks = findsStoryMarks;
    }

    /**
     * The counts of {@code root} and every element under it. They stay current while the elements under
     * {@code root} leave it through {@link #remove} and new ones come through {@link #added} or {@link
     * #wrapped}, so the rules after the locator share one measure of the content instead of each taking
     * its own (a dozen a page, a sixth of the stage run as C1 runs it).
     */
    static TextLengths of(Element root) {
        TextLengths t = new TextLengths(false);
        t.top = root;
        t.measure(root, 0);
        return t;
    }

    /**
     * As {@link #of}, taking the visible length of each text under {@code root}, in page order, from {@code
     * textLengths} at {@code from} on: a walk of the page as it is now counted them already.
     */
    static TextLengths of(Element root, int[] textLengths, int from) {
        TextLengths t = new TextLengths(false);
        t.top = root;
        t.known = textLengths;
        t.nextKnown = from;
        t.measure(root, 0);
        t.known = null; // elements that come into the page later have texts of their own
        return t;
    }

    /**
     * As {@link #of}, and the elements that mark a story as well, for {@link #storyMarks}: only the
     * first measure of the page asks for them, and looking for them costs an attribute lookup at every
     * element, where the rules measure the content a dozen times a page.
     */
    static TextLengths withStoryMarks(Element root) {
        TextLengths t = new TextLengths(true);
        t.top = root;
        t.measure(root, 0);
        return t;
    }

    /**
     * The counts for {@code inner}, an element under the measured root that the content narrows to, as a
     * measure of {@code inner} alone gives them: these, unless a link holds {@code inner}, whose text a
     * measure from the root counts as link text and one from {@code inner} does not.
     */
    TextLengths narrowedTo(Element inner) {
        for (Element e = inner; e != null; e = e.parent()) {
            if (e != inner && e.nameIs("a")) {
                return of(inner);
            }
            if (e == top) {
                break;
            }
        }
        return this;
    }

    /** Takes {@code e} out of the page, and its counts out of its ancestors'. */
    void remove(Element e) {
        Element parent = e.parent();
        if (parent == null) {
            return; // removed already
        }
        int n = number(e);
        e.remove();
        if (n >= 0 && e != top) {
            addToAncestors(parent, -text[n], -links[n]);
        }
    }

    /**
     * As {@link #remove}, but {@code e}'s counts stay in its former ancestors' until {@link #settle}: for a
     * rule that goes on weighing the content as it was when it started, after taking some of it out.
     */
    void removeLater(Element e) {
        Element parent = e.parent();
        if (parent == null) {
            return;
        }
        int n = number(e);
        e.remove();
        if (n >= 0 && e != top) {
            int i = 2 * heldParents.size();
            if (i == held.length) {
                held = Arrays.copyOf(held, 2 * i);
            }
            held[i] = text[n];
            held[i + 1] = links[n];
            heldParents.add(parent);
        }
    }

    /**
     * Takes the counts of the elements {@link #removeLater removed later} out of their former ancestors':
     * each element's as they were when it left, from its former parent up to the measured root, or up to
     * an ancestor that has left the page since and whose own counts, taken out when it left, held them.
     */
    void settle() {
        for (int i = 0; i < heldParents.size(); i++) {
            addToAncestors(heldParents.get(i), -held[2 * i], -held[2 * i + 1]);
        }
        heldParents.clear();
    }

    /** Counts {@code e}, just put into the page with all under it, and adds its counts to its ancestors'. */
    void added(Element e) {
        int n = measure(e, linksAround(e));
        if (e != top && e.parent() != null) {
            addToAncestors(e.parent(), text[n], links[n]);
        }
    }

    /**
     * Counts {@code wrapper}, just put around nodes of the page that were counted where they stood: its
     * ancestors' counts hold them already.
     */
    void wrapped(Element wrapper) {
        measure(wrapper, linksAround(wrapper));
    }

    /** How many links hold {@code e}, up to the measured root: its text is link text in a measure from there. */
    private int linksAround(Element e) {
        int around = 0;
        for (Element a = e; a != top && a.parent() != null; ) {
            a = a.parent();
            if (a.nameIs("a")) {
                around++;
            }
        }
        return around;
    }

    private void addToAncestors(Element parent, int text, int links) {
        for (Element a = parent; a != null; a = a.parent()) {
            int n = number(a);
            if (n >= 0) {
                this.text[n] += text;
                this.links[n] += links;
            }
            if (a == top) {
                return;
            }
        }
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

    /** {@code e}'s number, given to it now if it was not measured before, with its counts set to zero. */
    private int numberAfresh(Element e) {
        if (2 * (count + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = System.identityHashCode(e) & mask;
        for (Element slot; (slot = slots[i]) != null; i = (i + 1) & mask) {
            if (slot == e) {
                int n = numbers[i];
                text[n] = 0;
                links[n] = 0;
                return n;
            }
        }
        int n = count++;
        if (n == text.length) {
            text = Arrays.copyOf(text, 2 * n);
            links = Arrays.copyOf(links, 2 * n);
        }
        slots[i] = e;
        numbers[i] = n;
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
        int n = number(e); // once: the rules ask this of most elements, and each look-up is a call to hash it
        return n < 0 ? 0 : text[n] - links[n];
    }

    double linkDensity(Element e) {
        int n = number(e);
        return n < 0 || text[n] == 0 ? 0 : (double) links[n] / text[n];
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
        return visibleLength(s, Integer.MAX_VALUE);
    }

    /** {@link #visibleLength(String)}, counted only up to {@code limit}: at most {@code limit}. */
    static int visibleLength(String s, int limit) {
        int n = 0;
        for (int i = 0, len = s.length(); i < len && n < limit; i++) {
            if (!isSpace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@link Character#isWhitespace} or a no-break space, answering ASCII (most of the web's text)
     * without the lookup of the character's Unicode properties; printable ASCII is ruled out first. Kept
     * under the 35 bytes of code C1 inlines (the tests in methods of their own): it is asked of every
     * character of the page's text, and a call for each was a seventh of {@link #visibleLength}'s time.
     */
    static boolean isSpace(char c) {
        return c <= ' ' ? isAsciiSpace(c) : c >= 0x80 && isSpaceBeyondAscii(c);
    }

    /** Whether {@code c}, at most a space, is white space: the space, tab to carriage return, or U+001C to U+001F. */
    private static boolean isAsciiSpace(char c) {
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
     * {@code linkDepth} is the number of links around {@code root}; returns {@code root}'s number.
     */
    private int measure(Element root, int linkDepth) {
        int[] open = new int[64]; // the numbers of the open elements, innermost last
        int depth = 0;
        Node node = root;
        while (true) {
            if (node instanceof Element e) {
                if (depth == open.length) {
                    open = Arrays.copyOf(open, 2 * depth);
                }
                open[depth++] = numberAfresh(e);
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
                int n = known != null ? known[nextKnown++] : visibleLength(t.getWholeText());
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
                    return open[0];
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
