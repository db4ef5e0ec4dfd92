package dev.mcpweb.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpweb.config.Secret;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** The Brave Search API: {@code GET /res/v1/web/search?q=…&count=…} with the key in {@code X-Subscription-Token}. */
final class BraveProvider implements SearchProvider {
    private static final HitReader READER = new HitReader("title", "url", "description");

    private final String baseUrl;
    private final Secret key;
    private final ProviderHttp http;

    BraveProvider(String baseUrl, Secret key, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.key = key;
        this.http = new ProviderHttp(
                new ProviderHttp.Place(
                        name(),
                        this.baseUrl,
                        "search.brave_url (MCP_WEB_SEARCH_BRAVE_URL)",
                        "the key",
                        "check search.brave_api_key (MCP_WEB_SEARCH_BRAVE_API_KEY), the subscription token of"
                                + " the Brave Search API dashboard",
                        List.of(key.reveal())),
                timeout);
    }

    @Override
    public String name() {
        return "brave";
    }

    @Override
    public List<SearchHit> search(SearchQuery query) throws SearchException {
        HttpUrl parsed = HttpUrl.parse(baseUrl + "/res/v1/web/search");
        if (parsed == null) {
            throw new SearchException(
                    SearchException.Kind.NOT_CONFIGURED,
                    "search.brave_url (MCP_WEB_SEARCH_BRAVE_URL) is not an http(s) URL: " + baseUrl
                            + "; leave it unset for https://api.search.brave.com");
        }
        HttpUrl.Builder url = parsed.newBuilder()
                .addQueryParameter("q", query.text())
                .addQueryParameter("count", Integer.toString(query.count()));
        query.language().ifPresent(l -> url.addQueryParameter("search_lang", l));
        Request request = new Request.Builder()
                .url(url.build())
                .header("Accept", "application/json")
                .header("X-Subscription-Token", key.reveal())
                .build();
        JsonNode answer = http.exchange(request);
        if (!answer.isObject()) {
            throw http.malformed("the answer is not a JSON object");
        }
        // Brave leaves "web" out when nothing matched.
        return READER.read(answer.path("web").path("results"), query.count(), http);
    }

    @Override
    public void close() {
        http.close();
    }
}
