package dev.mcpweb.extract.html;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;

/**
 * {@link Boilerplate#hasName} for one test of names over one page, remembering the answer for each id
 * and each whole {@code class} attribute: pages repeat a few of them thousands of times, and splitting
 * and lower-casing them again for every element was a tenth of the extract stage. The test must give
 * the same answer for the same name every time.
 */
final class NameTest {
    private final Predicate<String> name;
    private final Map<String, Boolean> ids = new HashMap<>();
    private final Map<String, Boolean> classes = new HashMap<>();

    NameTest(Predicate<String> name) {
        this.name = name;
    }

    /** Whether {@code e}'s id or one of its class names passes the test; same answer as {@code hasName}. */
    boolean test(Element e) {
        String id = e.id();
        if (!id.isEmpty() && id.length() < Boilerplate.MAX_ID && ids.computeIfAbsent(id, name::test)) {
            return true;
        }
        String cls = e.className();
        return !cls.isEmpty()
                && cls.length() < Boilerplate.MAX_CLASS
                && classes.computeIfAbsent(cls, c -> ClassNames.anyMatch(c, name));
    }
}
