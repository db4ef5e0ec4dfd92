package dev.mcpweb.extract.html;

import dev.mcpweb.text.Whitespace;
import java.util.List;
import java.util.Locale;
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
        // Loops of their own rather than one walk over the names calling back: every element of a page asks,
        // and C1, which runs the cold CLI, allocates a capturing lambda at every call.
        int start = nameStart(cls, 0);
        while (start < cls.length()) {
            int end = nameEnd(cls, start);
            if (test.test(cls.substring(start, end))) {
                return true;
            }
            start = nameStart(cls, end);
        }
        return false;
    }

    /** A test of the name in {@code cls} from {@code start} to {@code end}. */
    interface NameIn {
        boolean test(String cls, int start, int end);
    }

    /** As {@link #anyMatch}, each name given in place rather than copied. */
    static boolean anyMatchIn(String cls, NameIn test) {
        int start = nameStart(cls, 0);
        while (start < cls.length()) {
            int end = nameEnd(cls, start);
            if (test.test(cls, start, end)) {
                return true;
            }
            start = nameStart(cls, end);
        }
        return false;
    }

    /**
     * Whether one of the names in {@code cls}, lower-cased as {@code toLowerCase(Locale.ROOT)} does, is in
     * {@code lowerCaseNames} (plain ASCII names): the same answer as {@code anyMatch} with that test, but an
     * ASCII name is compared in place rather than copied and lower-cased, as the hidden-element test asks
     * about every class attribute of the page. A short list, read by index: a set's iterator cost more.
     */
    static boolean anyLowerCasedIn(String cls, List<String> lowerCaseNames) {
        int start = nameStart(cls, 0);
        while (start < cls.length()) {
            int end = nameEnd(cls, start);
            if (isAscii(cls, start, end)
                    ? inIgnoringCase(cls, start, end, lowerCaseNames)
                    : lowerCaseNames.contains(cls.substring(start, end).toLowerCase(Locale.ROOT))) {
                return true;
            }
            start = nameStart(cls, end);
        }
        return false;
    }

    /** Where the first name of {@code cls} at or after {@code i} starts, or its length when none does. */
    private static int nameStart(String cls, int i) {
        return Whitespace.skip(cls, i);
    }

    /** Where the name of {@code cls} starting at {@code start} ends. */
    private static int nameEnd(String cls, int start) {
        int i = start;
        while (i < cls.length() && !Whitespace.isSpace(cls.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isAscii(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code cls} from {@code start} to {@code end}, all ASCII, is one of {@code names} but for
     * case: among ASCII characters, ignoring case is lower-casing.
     */
    private static boolean inIgnoringCase(String cls, int start, int end, List<String> names) {
        int length = end - start;
        for (int i = 0, n = names.size(); i < n; i++) {
            String name = names.get(i);
            if (name.length() == length && cls.regionMatches(true, start, name, 0, length)) {
                return true;
            }
        }
        return false;
    }
}
