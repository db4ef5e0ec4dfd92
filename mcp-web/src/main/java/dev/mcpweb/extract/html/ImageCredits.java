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
 * Removes the credit lines of pictures: inside a figure or an image caption, an element its page names
 * a credit, copyright, source or photographer ("AFP / Marco Bertorello", "Thinkstock"), and a caption
 * that is nothing but a credit ("Agency / Name"). A caption that describes its picture stays: it is
 * part of what the article shows; but one that writes the credit into its own text ("… Bild: Theater St.
 * Gallen", "… © AFP / Name") is the picture's label, set like the page's other furniture, and goes whole
 * (labels differ there: Trafilatura's drop every caption, WCXB's keep descriptions, and on WCXB dev no
 * caption so written was content). Structure and names, and the credit marks; no list of agencies.
 */
final class ImageCredits {
    /** Credits are a name or two; longer text in such an element is a caption that was named loosely. */
    private static final int MAX_CREDIT = 100;

    private static final Evaluator CAPTIONS = QueryParser.parse("figure, figcaption, .wp-caption, .wp-caption-text");

    /**
     * "Bundesregierung/Steffen Kugler", "DCV / Oppitz", "Judy Eddy/WENN.com": a slash between two names of
     * capitalised words. "Input/output diagram of the pump" is a description.
     */
    private static final Pattern SLASHED_NAMES = Pattern.compile(
            "(?U)\\p{Lu}[\\p{L}.&'’-]*(?: \\p{Lu}[\\p{L}.&'’-]*){0,3} ?/ ?\\p{Lu}[\\p{L}.&'’-]*(?: \\p{Lu}[\\p{L}.&'’-]*){0,3}");

    /** A caption with a credit in it is furniture as a whole up to this length; longer, it is text. */
    private static final int MAX_CREDITED_CAPTION = 300;

    /**
     * A credit written into a caption's text: "… Bild: Theater St. Gallen", "© AFP / Marco Bertorello",
     * "(C) Kab Ni", "Photo: Archives", "Foto: dpa", "Photograph: Guy Smallman/Getty Images".
     */
    private static final Pattern CREDIT_MARK = Pattern.compile(
            "(?iU)©|\\(c\\)\\s|\\b(?:foto|fotos|bild|photo|photos|photograph|credit|image|quelle|fuente|crédit|zdjęcie|fot)\\s?:");

    private static final Evaluator PICTURE = QueryParser.parse("img, picture");

    /** What a picture's label never holds: a teaser card's heading, a quote a testimonial credits, list items. */
    private static final Evaluator NOT_A_LABEL = QueryParser.parse("h1, h2, h3, h4, h5, h6, blockquote, li");

    private ImageCredits() {}

    /** Removes picture credits from {@code main}, in place. */
    static void remove(Element main, TextLengths lengths) {
        List<Element> credits = new ArrayList<>();
        List<Element> labels = new ArrayList<>();
        List<Element> captions = new ArrayList<>();
        NameTest creditNamed = new NameTest(ImageCredits::namesCredit);
        TreeQuery.forEachElement(main, e -> {
            if (e.nameIs("figcaption") || isWordPressCaption(e) || e != main && followsAPicture(e)) {
                captions.add(e);
            }
            if (e != main && creditNamed.test(e)) {
                Element label = e.parent();
                if (TreeQuery.isWithin(e, main, CAPTIONS)) {
                    if (ElementText.of(e).length() <= MAX_CREDIT) {
                        credits.add(e);
                    }
                } else if (label != main && isPictureLabel(label)) {
                    labels.add(label);
                } else if (isCredit(ElementText.of(e).strip())) {
                    credits.add(e); // "PAP/ Rafał Guz" beside the headline, the lead picture's credit
                }
            }
        });
        // a caption is judged with its credit element: "Photo: Jane Doe" there marks it a picture's label
        for (Element caption : captions) {
            String text = ElementText.of(caption).strip();
            if (!text.isEmpty()
                    && (text.length() <= MAX_CREDIT
                                    && SLASHED_NAMES.matcher(text).matches()
                            || text.length() <= MAX_CREDITED_CAPTION && hasCreditMark(text))) {
                labels.add(caption);
            }
        }
        credits.forEach(lengths::remove);
        labels.forEach(lengths::remove);
    }

    /**
     * {@code e.hasClass("wp-caption-text")}, asked only of class attributes that hold the name: jsoup's
     * test, asked of every element, looked up its matching mode each time.
     */
    private static boolean isWordPressCaption(Element e) {
        return e.attributesSize() > 0
                && Boilerplate.containsIgnoreCase(e.attributes().get("class"), "wp-caption-text")
                && e.hasClass("wp-caption-text");
    }

    /**
     * Whether {@code e} comes right after a picture that has no text of its own: where pages without
     * figure markup set a picture's caption ({@code <div><img></div><p><small>… (Foto: Getty)</small></p>}).
     * Such a block is judged as a caption is: it goes only when it is a credit or carries one.
     */
    private static boolean followsAPicture(Element e) {
        if (e.nameIs("li") || e.nameIs("figure")) {
            return false;
        }
        Node before = e.previousSibling();
        while (before instanceof TextNode t && t.isBlank()) {
            before = before.previousSibling();
        }
        return before instanceof Element picture
                && (picture.nameIs("img")
                        || picture.nameIs("picture")
                        || !picture.hasText() && picture.selectFirst(PICTURE) != null);
    }

    /**
     * Whether {@code label}, the parent of a named credit outside any figure, is the label of a picture: a
     * short box holding the image, or a block its page names a caption. The credit tells what the block is,
     * so its description goes with it ("Logo des Zdk (Archiv)" beside "© KNA"). Inside a figure the
     * description stays: WCXB counts a figure's caption as content.
     */
    private static boolean isPictureLabel(Element label) {
        if (ElementText.of(label).length() > MAX_CREDITED_CAPTION || label.selectFirst(NOT_A_LABEL) != null) {
            return false;
        }
        return Boilerplate.hasName(label, name -> name.toLowerCase(Locale.ROOT).contains("caption"))
                || label.selectFirst(PICTURE) != null;
    }

    /** Whether {@code text}, a named credit's whole text, is a credit: "Agency / Name", "Foto: dpa". */
    private static boolean isCredit(String text) {
        return !text.isEmpty()
                && text.length() <= MAX_CREDIT
                && (SLASHED_NAMES.matcher(text).matches() || hasCreditMark(text));
    }

    /**
     * Whether {@code text} holds a {@link #CREDIT_MARK}. Every mark holds a "©", a "(" or a ":", and most
     * captions none: they are ruled out without the search, which tries a dozen words at every word.
     */
    private static boolean hasCreditMark(String text) {
        return (text.indexOf(':') >= 0 || text.indexOf('©') >= 0 || text.indexOf('(') >= 0)
                && CREDIT_MARK.matcher(text).find();
    }

    private static boolean namesCredit(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("credit")
                || n.contains("author") && (n.contains("img") || n.contains("image") || n.contains("photo"))
                || n.contains("copyright")
                || n.contains("photographer")
                || n.contains("fotograf")
                || n.contains("bildnachweis")
                || n.contains("bildquelle")
                || n.contains("urheber")
                || n.equals("source")
                || n.endsWith("-source")
                || n.endsWith("_source")
                || n.endsWith("__source");
    }
}
