package dev.mcpweb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.config.Config;
import dev.mcpweb.search.FakeSearchProviders.Hit;
import dev.mcpweb.search.FakeSearchProviders.Misbehaviour;
import dev.mcpweb.search.FakeSearchProviders.Seen;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three providers against fakes of their APIs on 127.0.0.1: the requests they send, and every way an answer can go wrong. */
class SearchProvidersTest {
    private static final List<Hit> HITS = List.of(
            new Hit(
                    "The <strong>diaphone</strong> fog signal &amp; its keepers",
                    "https://www.coast.test/history/diaphone.html",
                    "Installed in <strong>1912</strong>, the diaphone sounded every   thirty seconds."),
            new Hit("", "https://www.coast.test/untitled", "No title given."),
            new Hit("No URL", "", "A result without a URL is skipped."),
            new Hit("Keepers", "https://www.coast.test/keepers", "The keepers' log."));

    private static FakeSearchProviders fake;

    @BeforeAll
    static void start() throws IOException {
        fake = FakeSearchProviders.start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.results(HITS).misbehave(Misbehaviour.NONE);
    }

    @Test
    void searxngIsAskedForJsonAndItsResultsComeBackAsPlainText() throws Exception {
        List<SearchHit> hits =
                search(fake.settings("searxng"), new SearchQuery("diaphone fog signal", 3, Optional.of("en")));

        Seen request = fake.requests().getLast();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/searxng/search");
        assertThat(request.query())
                .containsEntry("q", "diaphone fog signal")
                .containsEntry("format", "json")
                .containsEntry("language", "en");
        assertThat(hits)
                .containsExactly(
                        new SearchHit(
                                "The diaphone fog signal & its keepers",
                                "https://www.coast.test/history/diaphone.html",
                                "Installed in 1912, the diaphone sounded every thirty seconds.",
                                1),
                        new SearchHit(
                                "https://www.coast.test/untitled",
                                "https://www.coast.test/untitled",
                                "No title given.",
                                2),
                        new SearchHit("Keepers", "https://www.coast.test/keepers", "The keepers' log.", 4));
    }

    @Test
    void braveGetsTheKeyInItsHeaderAndTheCountInTheQuery() throws Exception {
        List<SearchHit> hits = search(fake.settings("brave"), new SearchQuery("diaphone", 2, Optional.of("de")));

        Seen request = fake.requests().getLast();
        assertThat(request.path()).isEqualTo("/brave/res/v1/web/search");
        assertThat(request.headers()).containsEntry("x-subscription-token", FakeSearchProviders.BRAVE_KEY);
        assertThat(request.query())
                .containsEntry("q", "diaphone")
                .containsEntry("count", "2")
                .containsEntry("search_lang", "de");
        assertThat(hits)
                .extracting(SearchHit::url)
                .containsExactly("https://www.coast.test/history/diaphone.html", "https://www.coast.test/untitled");
        assertThat(hits.getFirst().snippet())
                .isEqualTo("Installed in 1912, the diaphone sounded every thirty seconds.");
    }

    @Test
    void autoTakesTheProviderWhoseKeyIsSet() throws Exception {
        for (String provider : List.of("brave", "tavily")) {
            Map<String, String> settings = new HashMap<>(fake.settings(provider));
            settings.remove("search.provider");

            assertThat(search(settings, new SearchQuery("diaphone", 2, Optional.empty())))
                    .isNotEmpty();
            assertThat(fake.requests().getLast().path()).startsWith("/" + provider + "/");
            assertThat(WebSearch.configured(Config.defaults().with(settings).search()))
                    .isTrue();
        }
        assertThat(WebSearch.configured(Config.defaults().search())).isFalse();
    }

    @Test
    void braveWithNothingFoundLeavesOutItsWebSectionAndThatIsNoResults() throws Exception {
        fake.results(List.of());
        assertThat(search(fake.settings("brave"), new SearchQuery("zzzz", 5, Optional.empty())))
                .isEmpty();
    }

    @Test
    void tavilyGetsAPostWithTheQueryInItsBodyAndTheKeyAsABearerToken() throws Exception {
        List<SearchHit> hits = search(fake.settings("tavily"), new SearchQuery("diaphone fog", 4, Optional.empty()));

        Seen request = fake.requests().getLast();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/tavily/search");
        assertThat(request.headers()).containsEntry("authorization", "Bearer " + FakeSearchProviders.TAVILY_KEY);
        assertThat(request.body()).contains("\"query\":\"diaphone fog\"").contains("\"max_results\":4");
        assertThat(request.body()).doesNotContain(FakeSearchProviders.TAVILY_KEY);
        assertThat(hits).extracting(SearchHit::rank).containsExactly(1, 2, 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"brave", "tavily"})
    void aWrongKeyIsReportedAsRefusedWithTheOptionToCheckAndWithoutTheKey(String provider) {
        Map<String, String> settings = new HashMap<>(fake.settings(provider));
        settings.put("search." + provider + "_api_key", "wrong-key-that-must-not-leak");

        assertThatThrownBy(() -> search(settings, new SearchQuery("fog", 5, Optional.empty())))
                .isInstanceOf(SearchException.class)
                .hasMessageContaining("search provider refused the key (HTTP 401)")
                .hasMessageContaining("search." + provider + "_api_key")
                .hasMessageNotContaining("wrong-key-that-must-not-leak")
                .extracting(e -> ((SearchException) e).kind())
                .isEqualTo(SearchException.Kind.REFUSED);
    }

    @Test
    void aSearxngThatDoesNotAllowJsonIsARefusalThatSaysHowToAllowIt() {
        // The fake refuses any format but json, as an instance whose settings.yml lacks it refuses json.
        Map<String, String> settings = Map.of("search.searxng_url", fake.base() + "/searxng?format=html");
        assertThatThrownBy(() -> search(settings, new SearchQuery("fog", 5, Optional.empty())))
                .hasMessageContaining("(HTTP 403)")
                .hasMessageContaining("formats: [html, json]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"searxng", "brave", "tavily"})
    void everyBadAnswerIsAClearFailure(String provider) {
        Map<Misbehaviour, String> expected = Map.of(
                Misbehaviour.SERVER_ERROR, "failed (HTTP 500); retry later",
                Misbehaviour.RATE_LIMITED, "(HTTP 429); retry after 30 s",
                Misbehaviour.HTML, "answered with something that is not JSON (text/html",
                Misbehaviour.WRONG_SHAPE, "answered with JSON that is not search results (results is string",
                Misbehaviour.HUGE, "answered with more than 4 MiB");
        for (Map.Entry<Misbehaviour, String> e : expected.entrySet()) {
            fake.misbehave(e.getKey());
            assertThatThrownBy(() -> search(fake.settings(provider), new SearchQuery("fog", 5, Optional.empty())))
                    .as("%s %s", provider, e.getKey())
                    .isInstanceOf(SearchException.class)
                    .hasMessageStartingWith("search provider " + provider + " at http://127.0.0.1:")
                    .hasMessageContaining(e.getValue())
                    .extracting(x -> ((SearchException) x).kind())
                    .isEqualTo(SearchException.Kind.FAILED);
        }
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeFailsAtTheDeadline() {
        fake.misbehave(Misbehaviour.SLOW);
        Map<String, String> settings = new HashMap<>(fake.settings("searxng"));
        settings.put("search.timeout", "300ms");
        long start = System.nanoTime();
        assertThatThrownBy(() -> search(settings, new SearchQuery("fog", 5, Optional.empty())))
                .hasMessageContaining("did not answer within 300ms (search.timeout");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
    }

    @Test
    void anUnreachableProviderSaysWhichOptionPointsAtIt() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Map<String, String> settings = Map.of("search.searxng_url", "http://127.0.0.1:" + closed);
        assertThatThrownBy(() -> search(settings, new SearchQuery("fog", 5, Optional.empty())))
                .hasMessageStartingWith("cannot reach search provider searxng at http://127.0.0.1:" + closed)
                .hasMessageContaining("check search.searxng_url (MCP_WEB_SEARCH_SEARXNG_URL)");
    }

    @Test
    void withoutAProviderTheErrorNamesTheOptionsToSet() {
        assertThatThrownBy(() -> search(Map.of(), new SearchQuery("fog", 5, Optional.empty())))
                .hasMessageContaining("no web search provider is configured")
                .hasMessageContaining("MCP_WEB_SEARCH_SEARXNG_URL")
                .hasMessageContaining("MCP_WEB_SEARCH_BRAVE_API_KEY")
                .extracting(e -> ((SearchException) e).kind())
                .isEqualTo(SearchException.Kind.NOT_CONFIGURED);
        assertThatThrownBy(
                        () -> search(Map.of("search.provider", "tavily"), new SearchQuery("fog", 5, Optional.empty())))
                .hasMessage("search.provider=tavily needs search.tavily_api_key (MCP_WEB_SEARCH_TAVILY_API_KEY)");
        Map<String, String> badUrl = new HashMap<>(fake.settings("brave"));
        badUrl.put("search.brave_url", "api.search.brave.com");
        assertThatThrownBy(() -> search(badUrl, new SearchQuery("fog", 5, Optional.empty())))
                .hasMessageStartingWith("search.brave_url (MCP_WEB_SEARCH_BRAVE_URL) is not an http(s) URL");
    }

    @Test
    void keysAndCredentialsAreMaskedWhereverTheConfigurationIsShown() {
        Config config = Config.defaults()
                .with(Map.of(
                        "search.brave_api_key", FakeSearchProviders.BRAVE_KEY,
                        "search.tavily_api_key", FakeSearchProviders.TAVILY_KEY,
                        "search.searxng_url", "https://me:hunter2secret@search.example/"));
        String shown = config.settings().toString();
        assertThat(shown)
                .doesNotContain(FakeSearchProviders.BRAVE_KEY)
                .doesNotContain(FakeSearchProviders.TAVILY_KEY)
                .doesNotContain("hunter2secret")
                .contains("search.searxng_url");
        assertThat(config.search().braveApiKey().orElseThrow().toString())
                .doesNotContain(FakeSearchProviders.BRAVE_KEY);
    }

    private static List<SearchHit> search(Map<String, String> settings, SearchQuery query) throws SearchException {
        try (SearchProvider provider =
                SearchProviders.fromConfig(Config.defaults().with(settings).search())) {
            return provider.search(query);
        }
    }
}
