package dev.mcpweb.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a summary's answer without changing it: citations outside the numbered source list, and
 * echoes of the instructions given to the model. Returns the warnings a user should see.
 */
final class OutputCheck {
    /** {@code [n]}, but not a Markdown link {@code [n](…)}, a reference {@code [text][n]} or a definition {@code [n]:}. */
    private static final Pattern CITATION = Pattern.compile("(?<![\\]\\w])\\[(\\d{1,4})\\](?![(\\[:])");

    private OutputCheck() {}

    static List<String> warnings(String body, int sourceCount) {
        List<String> warnings = new ArrayList<>();
        // Code is quoted, not cited: [3] inside it is an index, not a source.
        String prose = body.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\\n]*`", "");
        Matcher m = CITATION.matcher(prose);
        List<Integer> bad = new ArrayList<>();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if ((n < 1 || n > sourceCount) && !bad.contains(n)) {
                bad.add(n);
            }
        }
        if (!bad.isEmpty()) {
            warnings.add("The summary cites "
                    + bad.stream().map(n -> "[" + n + "]").toList()
                    + ", which " + (bad.size() == 1 ? "is" : "are") + " not in the source list; "
                    + "treat those statements with care.");
        }
        if (InjectionScan.leaksPrompt(body)) {
            warnings.add("The summary repeats the instructions given to the model; a page may have steered it.");
        }
        return warnings;
    }
}
