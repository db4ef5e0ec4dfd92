package dev.mcpweb.summarize;

import dev.mcpweb.chunk.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns map results into the notes the reduce reads: empty and "nothing relevant" answers are dropped,
 * the rest labelled with their source number and section. Sections whose call failed are named in one
 * warning (the first eight); when every call failed there is nothing to reduce, and that is an error.
 */
final class MapNotes {
    private MapNotes() {}

    static List<Note> of(List<MapResult> results, NoteSizer sizer, String providerName, List<String> warnings)
            throws SummaryException {
        List<Note> notes = new ArrayList<>();
        List<MapResult> failed = new ArrayList<>();
        for (MapResult r : results) {
            if (r.failure().isPresent()) {
                failed.add(r);
                continue;
            }
            String text = r.text().orElse("").strip();
            if (text.isEmpty() || isNothingRelevant(text)) {
                continue;
            }
            Chunk c = r.chunk();
            String label = "[" + c.source() + "]" + (c.headingPath().isEmpty() ? "" : " (" + c.section() + ")");
            notes.add(sizer.note(label, text));
        }
        if (failed.size() == results.size()) {
            throw new SummaryException("every one of the " + results.size() + " map calls to " + providerName
                    + " failed; the first said: "
                    + failed.getFirst().failure().orElse("?"));
        }
        if (!failed.isEmpty()) {
            warnings.add(missing(failed, results.size()));
        }
        return notes;
    }

    private static String missing(List<MapResult> failed, int total) {
        StringBuilder sb = new StringBuilder();
        sb.append(failed.size())
                .append(" of ")
                .append(total)
                .append(" sections could not be summarized and are missing: ");
        for (int k = 0; k < Math.min(failed.size(), 8); k++) {
            MapResult r = failed.get(k);
            sb.append(k == 0 ? "" : "; ")
                    .append("source [")
                    .append(r.chunk().source())
                    .append(']')
                    .append(MapResult.sectionName(r.chunk()))
                    .append(" (")
                    .append(r.failure().orElse(""))
                    .append(')');
        }
        if (failed.size() > 8) {
            sb.append("; and ").append(failed.size() - 8).append(" more");
        }
        return sb.append('.').toString();
    }

    static boolean isNothingRelevant(String text) {
        String t = text.replaceAll("[*_`.\\s]", "").toUpperCase(Locale.ROOT);
        return t.equals(Prompts.NOTHING_RELEVANT.replace("_", ""))
                || t.equals(Prompts.NOTHING_RELEVANT)
                || t.startsWith("NOTHINGRELEVANT") && t.length() < 40;
    }
}
