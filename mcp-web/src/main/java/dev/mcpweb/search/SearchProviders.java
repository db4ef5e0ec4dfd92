package dev.mcpweb.search;

import dev.mcpweb.config.SearchConfig;
import dev.mcpweb.config.Secret;
import java.util.Optional;

/**
 * Picks the configured provider: {@code search.provider}, where {@code auto} takes the first one whose
 * setting is given: SearXNG with {@code search.searxng_url}, Brave with {@code search.brave_api_key},
 * Tavily with {@code search.tavily_api_key}. With none configured, or one without its URL or key, the
 * {@link SearchException} says which option to set.
 */
public final class SearchProviders {
    private static final String HOW = "set search.searxng_url (MCP_WEB_SEARCH_SEARXNG_URL) to a SearXNG instance"
            + " with the json format enabled, or search.provider=brave with search.brave_api_key"
            + " (MCP_WEB_SEARCH_BRAVE_API_KEY), or search.provider=tavily with search.tavily_api_key"
            + " (MCP_WEB_SEARCH_TAVILY_API_KEY)";

    private SearchProviders() {}

    public static SearchProvider fromConfig(SearchConfig config) throws SearchException {
        return switch (chosen(config)
                .orElseThrow(() -> notConfigured("no web search provider is configured: " + HOW))) {
            case "searxng" -> {
                if (config.searxngUrl().isEmpty()) {
                    throw notConfigured("search.provider=searxng needs search.searxng_url"
                            + " (MCP_WEB_SEARCH_SEARXNG_URL), the instance's address, e.g. http://127.0.0.1:8888");
                }
                yield new SearxngProvider(config.searxngUrl(), config.timeout());
            }
            case "brave" ->
                new BraveProvider(
                        config.braveUrl(),
                        key(config.braveApiKey(), "brave", "search.brave_api_key (MCP_WEB_SEARCH_BRAVE_API_KEY)"),
                        config.timeout());
            case "tavily" ->
                new TavilyProvider(
                        config.tavilyUrl(),
                        key(config.tavilyApiKey(), "tavily", "search.tavily_api_key (MCP_WEB_SEARCH_TAVILY_API_KEY)"),
                        config.timeout());
            default -> throw new IllegalStateException("search.provider " + config.provider());
        };
    }

    /**
     * The provider {@code config} chooses: the one {@code search.provider} names, or for {@code auto} the
     * first whose URL or key is set (SearXNG, Brave, Tavily); empty when {@code auto} finds none.
     */
    public static Optional<String> chosen(SearchConfig config) {
        if (!config.provider().equals("auto")) {
            return Optional.of(config.provider());
        }
        if (!config.searxngUrl().isEmpty()) {
            return Optional.of("searxng");
        }
        if (config.braveApiKey().isPresent()) {
            return Optional.of("brave");
        }
        return config.tavilyApiKey().map(key -> "tavily");
    }

    private static Secret key(Optional<Secret> key, String provider, String option) throws SearchException {
        return key.orElseThrow(() -> notConfigured("search.provider=" + provider + " needs " + option));
    }

    private static SearchException notConfigured(String message) {
        return new SearchException(SearchException.Kind.NOT_CONFIGURED, message);
    }
}
