package dev.mcpweb.extract.html;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * {@link Boilerplate#hasName} for one test of names over one page, remembering the answer for each name
 * (an id, or one name of a class attribute) and each whole {@code class} attribute: pages repeat a few
 * of them thousands of times, and splitting and lower-casing them again for every element was a tenth
 * of the extract stage; utility-class pages combine the same few names into many different attributes.
 * The test must give the same answer for the same name every time.
 */
final class NameTest {
    private final Predicate<String> name;
    private final Map<String, Boolean> classes = new HashMap<>();
    /** The names answered, 1 for passes and 0 for fails, looked up where they stand in a class attribute. */
    private final RegionTable names = new RegionTable();

    NameTest(Predicate<String> name) {
        this.name = name;
    }

    /** Whether {@code e}'s id or one of its class names passes the test; same answer as {@code hasName}. */
    boolean test(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        Attributes attributes = e.attributes(); // names are lower case: see Boilerplate.isHidden
        String id = attributes.get("id");
        if (!id.isEmpty() && id.length() < Boilerplate.MAX_ID && passes(id)) {
            return true;
        }
        String cls = attributes.get("class").trim(); // as className()
        if (cls.isEmpty() || cls.length() >= Boilerplate.MAX_CLASS) {
            return false;
        }
        // get and put rather than computeIfAbsent: C1 allocates its capturing lambda at every call
        Boolean known = classes.get(cls);
        if (known == null) {
            known = anyNamePasses(cls);
            classes.put(cls, known);
        }
        return known;
    }

    /** Whether one of the names of the class attribute {@code cls} passes the test; each name remembered. */
    boolean anyNamePasses(String cls) {
        return ClassNames.anyMatchIn(cls, this::passes);
    }

    /** Whether {@code oneName}, an id or one name of a class attribute, passes the test; remembered. */
    boolean passes(String oneName) {
        return passes(oneName, 0, oneName.length());
    }

    /** Whether the name in {@code s} from {@code start} to {@code end} passes the test; remembered. */
    private boolean passes(String s, int start, int end) {
        int hash = RegionTable.hash(s, start, end);
        int known = names.get(s, start, end, hash, -1);
        if (known >= 0) {
            return known == 1;
        }
        String oneName = s.substring(start, end); // s itself when it is the whole name
        boolean answer = name.test(oneName);
        names.add(oneName, hash, answer ? 1 : 0);
        return answer;
    }
}
