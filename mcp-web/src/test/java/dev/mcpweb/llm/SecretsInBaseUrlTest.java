package dev.mcpweb.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.Secret;
import dev.mcpweb.config.SummarizerConfig;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials inside summarizer.api_base: used where they belong, shown nowhere. */
class SecretsInBaseUrlTest {
    private static final String QUERY_KEY = "sk-query-secret-4711";
    private static final String PASSWORD = "pa55w0rd-xyz";
    private static final String KEY = "sk-header-key-0815-abcdef";
    private static final LlmRequest REQUEST = new LlmRequest("Be brief.", "Say hi.", 16, 0.0);

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String base() {
        return "http://user:" + PASSWORD + "@127.0.0.1:" + server.getPort() + "/v1?api_key=" + QUERY_KEY;
    }

    private SummarizerConfig config() {
        return Config.defaults()
                .with(Map.of(
                        "summarizer.provider", "custom",
                        "summarizer.api_base", base(),
                        "summarizer.model", "m",
                        "summarizer.api_key", KEY,
                        "summarizer.max_retries", "0"))
                .summarizer();
    }

    private LlmProvider provider() {
        return LlmProviders.build(
                        config(),
                        Optional.empty(),
                        ResilientProvider.Policy.of(config()),
                        dev.mcpweb.limit.Limits.local())
                .orElseThrow();
    }

    @Test
    void theBaseUrlsQueryIsSentWithEveryRequestAfterThePath() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body("""
                        {"id":"x","object":"chat.completion","created":0,"model":"m","choices":[{"index":0,\
                        "message":{"role":"assistant","content":"Hi."},"finish_reason":"stop"}],\
                        "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""")
                .build());

        assertThat(provider().complete(REQUEST).text()).isEqualTo("Hi.");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getUrl().queryParameter("api_key")).isEqualTo(QUERY_KEY);
    }

    @Test
    void anErrorThatEchoesTheCredentialsInAnyEncodingShowsNoneOfThem() {
        String echoed = "bad key " + QUERY_KEY + " / " + URLEncoder.encode("user:" + PASSWORD, StandardCharsets.UTF_8)
                + " / Basic "
                + Base64.getEncoder().encodeToString(("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                + " / token "
                + Base64.getEncoder().encodeToString(("{\"k\":\"" + KEY + "\"}").getBytes(StandardCharsets.UTF_8));
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"" + echoed + "\"}}")
                .build());

        assertThatThrownBy(() -> provider().complete(REQUEST))
                .isInstanceOf(LlmException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("401 from http://****@127.0.0.1:" + server.getPort() + "/v1?api_key=****: ")
                        .contains("server said: bad key ****")
                        .doesNotContain(QUERY_KEY)
                        .doesNotContain(PASSWORD)
                        .doesNotContain(KEY)
                        .doesNotContain(Base64.getEncoder()
                                .encodeToString(("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theConfigurationShowsTheBaseUrlMasked() {
        Config config = Config.defaults().with(Map.of("summarizer.api_base", base()));
        String shown = config.settings().stream()
                .filter(s -> s.name().equals("summarizer.api_base"))
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(shown).isEqualTo("http://****@127.0.0.1:" + server.getPort() + "/v1?api_key=****");
    }

    @Test
    void aKeyIsRedactedInBase64AtEveryAlignmentAndInBothAlphabets() {
        Redactor redactor = Redactor.of(Optional.of(new Secret(KEY, "test")), List.of());
        for (String before : List.of("", "a", "ab", "abc")) {
            byte[] bytes = (before + KEY + "tail").getBytes(StandardCharsets.UTF_8);
            for (String encoded : List.of(
                    Base64.getEncoder().encodeToString(bytes),
                    Base64.getUrlEncoder().encodeToString(bytes))) {
                String redacted = redactor.redact("echo: " + encoded);
                assertThat(redacted).as(before).contains("****").doesNotContain(encoded);
                assertThat(redacted.length())
                        .as("most of the key's characters are gone")
                        .isLessThan(encoded.length());
            }
        }
        assertThat(redactor.redact("plain text about keys")).isEqualTo("plain text about keys");
    }
}
