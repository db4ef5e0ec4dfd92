package dev.mcpweb.search;

import dev.mcpweb.config.Secret;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** The Brave Search API: {@code GET /res/v1/web/search?q=…&count=…} with the key in {@code X-Subscription-Token}. */
final class BraveProvider implements SearchProvider {
    private static final HitReader READER = new HitReader("title", "url", "description");
    private static final String URL_OPTION = "search.brave_url (MCP_WEB_SEARCH_BRAVE_URL)";

    private final String baseUrl;
    private final Secret key;
    private final ProviderHttp http;

    BraveProvider(String baseUrl, Secret key, Duration timeout) {
        this.baseUrl = baseUrl;
        this.key = key;
        String hint = "check search.brave_api_key (MCP_WEB_SEARCH_BRAVE_API_KEY), the subscription token of the"
                + " Brave Search API dashboard";
        this.http = new ProviderHttp(
                new ProviderHttp.Place(name(), baseUrl, URL_OPTION, "the key", hint, List.of(key.reveal())), timeout);
    }

    @Override
    public String name() {
        return "brave";
    }

    @Override
    public List<SearchHit> search(SearchQuery query) throws SearchException {
        HttpUrl.Builder url = ProviderHttp.endpoint(baseUrl, "/res/v1/web/search", URL_OPTION)
                .newBuilder()
                .addQueryParameter("q", query.text())
                .addQueryParameter("count", Integer.toString(query.count()));
        query.language().ifPresent(l -> url.addQueryParameter("search_lang", l));
        Request request = new Request.Builder()
                .url(url.build())
                .header("Accept", "application/json")
                .header("X-Subscription-Token", key.reveal())
                .build();
        // Brave leaves "web" out when nothing matched.
        return READER.read(http.exchange(request).path("web").path("results"), query.count(), http);
    }

    @Override
    public void close() {
        http.close();
    }
}
