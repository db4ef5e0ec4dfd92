package dev.mcpweb.extract.html;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * A query of tag names alone ({@code "h2, h3, h4"}): the elements jsoup's parsed query matches, found by
 * one look-up in a set of names where jsoup's tries one name after the other, each through an
 * evaluator call. The rules ask such queries of every element of the page, several times a page.
 */
final class TagNames extends Evaluator {
    private final Set<String> names;
    private final String query;

    private TagNames(String... names) {
        this.names = Set.of(names);
        this.query = String.join(", ", names); // in the order given: a set's order changes from run to run
    }

    /** The query of {@code names}, lower case as the HTML parser writes tag names. */
    static TagNames of(String... names) {
        return new TagNames(names);
    }

    @Override
    public boolean matches(Element root, Element element) {
        return names.contains(element.normalName());
    }

    @Override
    public String toString() {
        return query;
    }
}
