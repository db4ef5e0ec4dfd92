package dev.mcpweb.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.config.Secret;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The Tavily API: {@code POST /search} with a JSON body ({@code query}, {@code max_results}) and the key
 * as a Bearer token. Tavily takes no language; a language asked for is not passed on.
 */
final class TavilyProvider implements SearchProvider {
    private static final HitReader READER = new HitReader("title", "url", "content");
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL_OPTION = "search.tavily_url (MCP_WEB_SEARCH_TAVILY_URL)";

    private final String baseUrl;
    private final Secret key;
    private final ProviderHttp http;

    TavilyProvider(String baseUrl, Secret key, Duration timeout) {
        this.baseUrl = baseUrl;
        this.key = key;
        String hint = "check search.tavily_api_key (MCP_WEB_SEARCH_TAVILY_API_KEY), the tvly-… key of the Tavily"
                + " dashboard";
        this.http = new ProviderHttp(
                new ProviderHttp.Place(name(), baseUrl, URL_OPTION, "the key", hint, List.of(key.reveal())), timeout);
    }

    @Override
    public String name() {
        return "tavily";
    }

    @Override
    public List<SearchHit> search(SearchQuery query) throws SearchException {
        ObjectNode body = JSON.createObjectNode()
                .put("query", query.text())
                .put("max_results", query.count())
                .put("search_depth", "basic");
        Request request = new Request.Builder()
                .url(ProviderHttp.endpoint(baseUrl, "/search", URL_OPTION))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + key.reveal())
                .post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        return READER.read(http.exchange(request).path("results"), query.count(), http);
    }

    @Override
    public void close() {
        http.close();
    }
}
