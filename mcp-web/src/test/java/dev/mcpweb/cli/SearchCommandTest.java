package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.crawl.SyntheticSite;
import dev.mcpweb.search.FakeSearchProviders;
import dev.mcpweb.search.FakeSearchProviders.Hit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcp-web search} against a fake SearXNG and Brave on 127.0.0.1, with results on the generated site. */
class SearchCommandTest {
    @TempDir
    Path dir;

    @Test
    void searchListsNumberedResultsAndJsonIsTheSearchResultRecord() throws Exception {
        try (FakeSearchProviders fake = FakeSearchProviders.start()) {
            fake.results(List.of(
                    new Hit("Fog <b>signals</b>", "http://www.coast.test/fog", "The diaphone, 1912."),
                    new Hit("Keepers", "http://www.coast.test/keepers", "Their log.")));
            CliRun cli = new CliRun();
            int code = cli.run(args(fake.settings("searxng"), "search", "fog", "signal", "--max-results", "2"));

            assertThat(code).as(cli.err()).isZero();
            assertThat(cli.out()).isEqualTo("""
                            1. Fog signals
                               http://www.coast.test/fog
                               The diaphone, 1912.
                            2. Keepers
                               http://www.coast.test/keepers
                               Their log.
                            """);
            assertThat(fake.requests().getLast().query()).containsEntry("q", "fog signal");

            CliRun json = new CliRun();
            assertThat(json.run(args(fake.settings("searxng"), "search", "fog", "--json")))
                    .isZero();
            JsonNode result = new ObjectMapper().readTree(json.out());
            assertThat(result.path("provider").asText()).isEqualTo("searxng");
            assertThat(result.path("results").get(1).path("provider_rank").asInt())
                    .isEqualTo(2);
            assertThat(result.has("answer")).isFalse();
        }
    }

    @Test
    void summarizePrintsACitedAnswerAndWhatHappenedToEachResult() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain());
                FakeSearchProviders fake = FakeSearchProviders.start()) {
            fake.results(SyntheticSite.answerPaths().stream()
                    .map(p -> new Hit("Answer", site.url(p), "An answer."))
                    .toList());
            Map<String, String> settings = new HashMap<>(site.settings());
            settings.putAll(fake.settings("searxng"));
            CliRun cli = new CliRun();
            int code = cli.run(args(settings, "search", SyntheticSite.QUERY, "--summarize"));

            assertThat(code).as(cli.err()).isZero();
            assertThat(cli.out()).contains("1912").containsPattern("\\[\\d\\]");
            assertThat(cli.err())
                    .contains("mcp-web: summarized "
                            + site.url(SyntheticSite.answerPaths().getFirst()));
        }
    }

    @Test
    void withoutAProviderItIsAUsageErrorThatNamesTheOptions() {
        CliRun cli = new CliRun();
        assertThat(cli.run(args(Map.of(), "search", "fog"))).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("no web search provider is configured").contains("MCP_WEB_SEARCH_SEARXNG_URL");
    }

    @Test
    void aRefusedKeyFailsWithTheMessageAndNoStackTrace() throws Exception {
        try (FakeSearchProviders fake = FakeSearchProviders.start()) {
            Map<String, String> settings = new HashMap<>(fake.settings("brave"));
            settings.put("search.brave_api_key", "not-the-right-key");
            CliRun cli = new CliRun();
            assertThat(cli.run(args(settings, "search", "fog"))).isEqualTo(ExitCode.FAILED);
            assertThat(cli.err())
                    .contains("search provider refused the key (HTTP 401)")
                    .doesNotContain("not-the-right-key")
                    .doesNotContain("\tat ");
        }
    }

    private String[] args(Map<String, String> settings, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        settings.forEach((k, v) -> all.addAll(List.of("--set", k + "=" + v)));
        all.addAll(List.of("--set", "cache.dir=" + dir.resolve("cache"), "--set", "summarizer.provider=extractive"));
        return all.toArray(String[]::new);
    }
}
