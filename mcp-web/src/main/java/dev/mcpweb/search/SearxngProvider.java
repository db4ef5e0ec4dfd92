package dev.mcpweb.search;

import dev.mcpweb.config.BaseUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * A SearXNG instance's JSON API: {@code GET /search?q=…&format=json}, which the instance must allow
 * ({@code search.formats} in its settings.yml). Credentials in the configured URL go as Basic
 * authentication, never in the request line.
 */
final class SearxngProvider implements SearchProvider {
    private static final HitReader READER = new HitReader("title", "url", "content");
    private static final String URL_OPTION = "search.searxng_url (MCP_WEB_SEARCH_SEARXNG_URL)";

    private final BaseUrl base;
    private final ProviderHttp http;

    SearxngProvider(String url, Duration timeout) {
        this.base = BaseUrl.parse(url);
        this.http = new ProviderHttp(
                new ProviderHttp.Place(
                        name(),
                        base.masked(),
                        URL_OPTION,
                        "the request",
                        "give the instance's user and password in search.searxng_url (https://user:pass@host), or,"
                                + " on HTTP 403, allow the json format (search: formats: [html, json] in its"
                                + " settings.yml) and check that its limiter lets this client through",
                        base.secrets()),
                timeout);
    }

    @Override
    public String name() {
        return "searxng";
    }

    @Override
    public List<SearchHit> search(SearchQuery query) throws SearchException {
        HttpUrl.Builder url =
                ProviderHttp.endpoint(base.address(), "/search", URL_OPTION).newBuilder();
        if (!base.query().isEmpty()) {
            url.encodedQuery(base.query());
        }
        url.addQueryParameter("q", query.text())
                .addQueryParameter("format", "json")
                .addQueryParameter("pageno", "1");
        query.language().ifPresent(l -> url.addQueryParameter("language", l));
        Request.Builder request = new Request.Builder().url(url.build()).header("Accept", "application/json");
        base.userInfo().ifPresent(info -> {
            int colon = info.indexOf(':');
            String user = decoded(colon < 0 ? info : info.substring(0, colon));
            String password = colon < 0 ? "" : decoded(info.substring(colon + 1));
            request.header("Authorization", Credentials.basic(user, password, StandardCharsets.UTF_8));
        });
        return READER.read(http.exchange(request.build()).path("results"), query.count(), http);
    }

    private static String decoded(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
