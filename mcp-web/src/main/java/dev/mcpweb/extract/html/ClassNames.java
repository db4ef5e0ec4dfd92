package dev.mcpweb.extract.html;

import java.util.function.Predicate;

/**
 * The names in a {@code class} attribute, as {@link org.jsoup.nodes.Element#classNames()} gives them,
 * tested without building them: jsoup splits with a regex into a new set for every call, and the
 * boilerplate rules ask for every element of the page, several times.
 */
final class ClassNames {
    private ClassNames() {}

    /**
     * Whether one of the names in {@code cls} passes {@code test}, in order: the names are the runs of
     * characters between regex whitespace ({@code \s}: space, tab, line feed, vertical tab, form feed,
     * carriage return), as jsoup's split, and empty names are skipped, as jsoup drops them.
     */
    static boolean anyMatch(String cls, Predicate<String> test) {
        int n = cls.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(cls.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(cls.charAt(i))) {
                i++;
            }
            if (i > start && test.test(cls.substring(start, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
