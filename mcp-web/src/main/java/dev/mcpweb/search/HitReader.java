package dev.mcpweb.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * Reads the result objects of a provider's answer into {@link SearchHit}s: plain text from title and
 * snippet (providers mark matches up with {@code <strong>} and entities), each cut to a readable length;
 * entries without a URL are skipped, but keep their place in the ranking.
 */
final class HitReader {
    static final int MAX_TITLE = 300;
    static final int MAX_SNIPPET = 1_000;
    private static final int MAX_URL = 4_096;

    private final String titleField;
    private final String urlField;
    private final String snippetField;

    HitReader(String titleField, String urlField, String snippetField) {
        this.titleField = titleField;
        this.urlField = urlField;
        this.snippetField = snippetField;
    }

    /** The first {@code count} hits of {@code results}, which must be an array (empty when {@code missing}). */
    List<SearchHit> read(JsonNode results, int count, ProviderHttp http) throws SearchException {
        if (results.isMissingNode() || results.isNull()) {
            return List.of();
        }
        if (!results.isArray()) {
            throw http.malformed(
                    "results is " + results.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a list");
        }
        List<SearchHit> hits = new ArrayList<>();
        int rank = 0;
        for (JsonNode entry : results) {
            rank++;
            String url = entry.path(urlField).asText("").strip();
            if (url.isEmpty() || url.length() > MAX_URL) {
                continue;
            }
            String title = plain(entry.path(titleField).asText(""), MAX_TITLE);
            hits.add(new SearchHit(
                    title.isEmpty() ? url : title,
                    url,
                    plain(entry.path(snippetField).asText(""), MAX_SNIPPET),
                    rank));
            if (hits.size() == count) {
                break;
            }
        }
        return hits;
    }

    private static String plain(String text, int max) {
        String plain = text.indexOf('<') >= 0 || text.indexOf('&') >= 0
                ? Jsoup.parseBodyFragment(text).text()
                : text.replaceAll("\\s+", " ").strip();
        return plain.length() <= max ? plain : plain.substring(0, max - 1).strip() + "…";
    }
}
