package dev.mcpweb.extract.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * On a page that declares one article, removes the boxes a site sets into it around a form: a journal's
 * "buy this article" box with its prices, a charity's "donate now" box, a newsletter or poll box. A story
 * tells, it asks nothing of the reader to fill in; the form's fields are gone by now, and what is left is
 * the box's pitch. Only a form that posts counts: one that gets (a search, a recipe's servings) asks for
 * nothing to be kept. A box is the largest element around the form that stays short, so the story's own
 * paragraphs around it stay; a form that wraps the page (as ASP.NET pages do) is too long to be a box.
 */
final class InsetForms {
    /** A box around a form holds at most this much text. */
    private static final int MAX_BOX = 400;
    /**
     * With its fields gone, a form holds at most a button's or its labels' few words; one that says more (a
     * consent the reader is asked to read, a questionnaire) is left to the page.
     */
    private static final int MAX_FORM = 100;

    private InsetForms() {}

    /** Removes the boxes around forms under {@code main}, never {@code main} itself. */
    static void remove(Element main, TextLengths lengths) {
        List<Element> posting = new ArrayList<>();
        for (Element form : TreeQuery.byTag(main, "form")) {
            if (form != main && form.attr("method").equalsIgnoreCase("post")) {
                posting.add(form);
            }
        }
        if (posting.isEmpty()) {
            return;
        }
        List<Element> doomed = new ArrayList<>();
        for (Element form : posting) {
            if (lengths.text(form) > MAX_FORM || TeaserLists.insideAny(form, doomed)) {
                continue;
            }
            Element box = form;
            while (box.parent() != null && box.parent() != main && lengths.text(box.parent()) <= MAX_BOX) {
                box = box.parent();
            }
            if (TreeQuery.byTag(box, "h1").isEmpty()) { // not the headline's block
                doomed.add(box);
            }
        }
        doomed.forEach(lengths::remove);
    }
}
