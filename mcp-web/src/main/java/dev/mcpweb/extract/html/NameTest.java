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
    /**
     * The names answered, open-addressed by their hash, with {@link #hashes} and {@link #answers} in the same
     * places: a table of our own rather than a map, so that a class attribute's names are looked up in place,
     * and only a name not seen before is copied out of it.
     */
    private String[] names = new String[64];

    private int[] hashes = new int[64];
    private boolean[] answers = new boolean[64];
    private int count;

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
        int hash = 0; // of s.substring(start, end), as String.hashCode computes it
        for (int i = start; i < end; i++) {
            hash = 31 * hash + s.charAt(i);
        }
        int mask = names.length - 1;
        for (int i = slot(hash, mask); names[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash && names[i].length() == end - start && s.startsWith(names[i], start)) {
                return answers[i];
            }
        }
        String oneName = s.substring(start, end); // s itself when it is the whole name
        boolean answer = name.test(oneName);
        if (2 * ++count > names.length) {
            grow();
        }
        put(oneName, hash, answer);
        return answer;
    }

    private void put(String oneName, int hash, boolean answer) {
        int mask = names.length - 1;
        int i = slot(hash, mask);
        while (names[i] != null) {
            i = (i + 1) & mask;
        }
        names[i] = oneName;
        hashes[i] = hash;
        answers[i] = answer;
    }

    private void grow() {
        String[] oldNames = names;
        int[] oldHashes = hashes;
        boolean[] oldAnswers = answers;
        names = new String[2 * oldNames.length];
        hashes = new int[names.length];
        answers = new boolean[names.length];
        for (int i = 0; i < oldNames.length; i++) {
            if (oldNames[i] != null) {
                put(oldNames[i], oldHashes[i], oldAnswers[i]);
            }
        }
    }

    private static int slot(int hash, int mask) {
        return (hash ^ (hash >>> 16)) & mask;
    }
}
