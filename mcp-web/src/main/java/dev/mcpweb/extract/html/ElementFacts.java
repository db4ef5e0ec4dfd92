package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * Whether each element of the page's copy is hidden ({@link Boilerplate#isHidden}) and whether it is
 * marked up or named as comments ({@link CommentSections#isMicrodataComment}, {@link
 * CommentSections#isCommentName}): the discussion test, {@link CommentSections} and {@link Boilerplate}
 * each ask this about nearly every element, and reading the attributes and class names again cost more
 * than looking the answer up. Found for every element in one walk when made, and remembered by identity
 * for the few elements with a fact (an element not among them has none), so the elements' attributes must
 * not change meanwhile and an element added later has no facts: the steps only remove elements. For one
 * page.
 *
 * <p>And the copy's headings, disclosure controls and the elements with a fact or a {@code <dialog>},
 * which those steps asked for in a walk each: found in the same walk, and given as those still under the
 * root asked about, in page order. As the steps only remove elements, that is what a walk would find then.
 */
final class ElementFacts {
    private static final byte HIDDEN = 1;
    private static final byte MICRODATA_COMMENT = 2;
    private static final byte COMMENT_NAMED = 4;

    /** The facts of each class attribute. */
    private final Map<String, Integer> classes = new HashMap<>();

    private final NameTest commentNamed = new NameTest(CommentSections::isCommentName);
    /**
     * An open-addressed identity table, as {@link TextLengths} keeps, of the elements with a fact: slots and
     * each one's facts. A few elements of a page have one; a table of every element was a tenth of the facts'
     * time to fill and grow.
     */
    private Element[] slots = new Element[64];

    private byte[] facts = new byte[64];
    private int count;

    private final List<Element> headlines = new ArrayList<>();
    private final List<Element> headings = new ArrayList<>();
    private final List<Element> controls = new ArrayList<>();
    private final List<Element> marked = new ArrayList<>();

    private ElementFacts() {}

    /** The facts of {@code root} and the elements under it. */
    static ElementFacts of(Element root) {
        ElementFacts facts = new ElementFacts();
        TreeQuery.forEachElement(root, facts::note);
        return facts;
    }

    private void note(Element e) {
        String tag = e.normalName();
        switch (tag) {
            case "h1" -> headlines.add(e);
            case "h2", "h3", "h4", "h5", "h6" -> headings.add(e); // Boilerplate.HEADINGS
            default -> {}
        }
        int attributes = e.attributesSize();
        if (attributes == 0) {
            if (tag.equals("dialog")) {
                marked.add(e);
            }
            return; // most elements of a page: every test reads an attribute
        }
        // The parser lower-cases attribute names: the exact lookup finds what the query [aria-controls] finds.
        if (e.attributes().hasKey("aria-controls")) {
            controls.add(e);
        }
        byte found = find(e.attributes(), attributes);
        if (found != 0) {
            if (2 * ++count > slots.length) {
                grow();
            }
            put(slots, facts, e, found);
        }
        if (found != 0 || tag.equals("dialog")) {
            marked.add(e);
        }
    }

    /** The {@code h1}s under {@code root} (or it), in page order. */
    List<Element> headlines(Element root) {
        return stillUnder(root, headlines);
    }

    /** The h2 to h6 headings under {@code root} (or it), in page order: {@code select(root, HEADINGS)}. */
    List<Element> headings(Element root) {
        return stillUnder(root, headings);
    }

    /** The elements under {@code root} (or it) with an {@code aria-controls} attribute, in page order. */
    List<Element> controls(Element root) {
        return stillUnder(root, controls);
    }

    /**
     * The elements under {@code root} (or it) that are hidden, microdata comments, named for comments or
     * {@code <dialog>}s, in page order: the only ones the discussion test and the comment names stop at.
     */
    List<Element> marked(Element root) {
        return stillUnder(root, marked);
    }

    private static List<Element> stillUnder(Element root, List<Element> found) {
        List<Element> under = new ArrayList<>(found.size());
        for (Element e : found) {
            if (TreeQuery.holds(root, e)) {
                under.add(e);
            }
        }
        return under;
    }

    boolean isHidden(Element e) {
        return (factsOf(e) & HIDDEN) != 0;
    }

    boolean isMicrodataComment(Element e) {
        return (factsOf(e) & MICRODATA_COMMENT) != 0;
    }

    /** Whether {@code e}'s id or one of its class names names comments. */
    boolean isCommentNamed(Element e) {
        return (factsOf(e) & COMMENT_NAMED) != 0;
    }

    private int factsOf(Element e) {
        int mask = slots.length - 1;
        for (int i = System.identityHashCode(e) & mask; ; i = (i + 1) & mask) {
            Element slot = slots[i];
            if (slot == e) {
                return facts[i];
            }
            if (slot == null) {
                return 0;
            }
        }
    }

    /** The facts of an element with {@code size} attributes, {@code attributes}. */
    private byte find(Attributes attributes, int size) {
        // One read of the attributes for the three tests, and one look-up of the class attribute for its
        // two: Boilerplate.isHidden and NameTest.test read them each, and split the class names again.
        // names are lower case: see Boilerplate.isHidden
        String cls = attributes.get("class");
        String id = attributes.get("id");
        String trimmed = cls.trim(); // as className()
        int found = trimmed.isEmpty() ? 0 : classFacts(trimmed);
        // Ids are mostly each page's own: tested at once rather than remembered
        if (!id.isEmpty() && id.length() < Boilerplate.MAX_ID && CommentSections.isCommentName(id)) {
            found |= COMMENT_NAMED;
        }
        // Most elements with attributes have only a class or an id: the other tests would each look for an
        // attribute that is not there (a set's keys are distinct, so its size counts them).
        int classAndId = (cls.isEmpty() ? 0 : 1) + (id.isEmpty() ? 0 : 1);
        if (size > classAndId) {
            if (Boilerplate.isHiddenByAttributes(attributes)) {
                found |= HIDDEN;
            }
            if (CommentSections.isMicrodataComment(attributes)) {
                found |= MICRODATA_COMMENT;
            }
        }
        return (byte) found;
    }

    /** Whether the class attribute {@code cls} (trimmed, not empty) hides its element or names comments. */
    private int classFacts(String cls) {
        Integer known = classes.get(cls);
        if (known == null) {
            int found = 0;
            if (Boilerplate.hasHiddenClass(cls)) {
                found |= HIDDEN;
            }
            if (cls.length() < Boilerplate.MAX_CLASS
                    && CommentSections.mayNameComments(cls) // most do not: not split into names
                    && commentNamed.anyNamePasses(cls)) {
                found |= COMMENT_NAMED;
            }
            known = found;
            classes.put(cls, known);
        }
        return known;
    }

    private void grow() {
        Element[] oldSlots = slots;
        byte[] oldFacts = facts;
        slots = new Element[2 * oldSlots.length];
        facts = new byte[slots.length];
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != null) {
                put(slots, facts, oldSlots[i], oldFacts[i]);
            }
        }
    }

    private static void put(Element[] slots, byte[] facts, Element e, byte found) {
        int mask = slots.length - 1;
        int i = System.identityHashCode(e) & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = e;
        facts[i] = found;
    }
}
