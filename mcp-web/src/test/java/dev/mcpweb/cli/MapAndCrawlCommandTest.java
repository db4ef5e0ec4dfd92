package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.crawl.SyntheticSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcp-web map} and {@code mcp-web crawl} against the generated site. */
class MapAndCrawlCommandTest {
    @TempDir
    Path dir;

    @Test
    void mapPrintsOneUrlALineAndSaysWhereTheNextPageStarts() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain())) {
            CliRun cli = new CliRun();
            int code = cli.run(args(site, "map", site.url("/"), "--limit", "50"));

            assertThat(code).as(cli.err()).isZero();
            List<String> lines = cli.out().lines().toList();
            assertThat(lines).hasSize(50).allMatch(l -> l.startsWith("http://" + SyntheticSite.HOST));
            assertThat(cli.err()).contains("--cursor 50");

            CliRun json = new CliRun();
            assertThat(json.run(args(site, "map", site.url("/"), "--cursor", "300", "--json")))
                    .isZero();
            JsonNode page = new ObjectMapper().readTree(json.out());
            assertThat(page.path("total").asInt())
                    .isEqualTo(SyntheticSite.sitemapPaths().size());
            assertThat(page.path("urls")).hasSize(SyntheticSite.sitemapPaths().size() - 300);
            assertThat(page.has("next_cursor")).isFalse();
            assertThat(page.path("urls").get(0).path("last_modified").asText()).startsWith("2026-11-0");
        }
    }

    @Test
    void crawlPrintsACitedAnswerAndJsonListsEveryPageWithItsStatus() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain())) {
            CliRun cli = new CliRun();
            // 40 pages: past the answers and their print copies to the links robots.txt disallows
            int code = cli.run(
                    args(site, "crawl", site.url("/"), "--query", SyntheticSite.QUERY, "--max-pages", "40", "--json"));

            assertThat(code).as(cli.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(cli.out());
            assertThat(result.path("summary").asText()).contains("1912").containsPattern("\\[\\d\\]");
            assertThat(result.path("budget").path("pages_read").asInt()).isLessThanOrEqualTo(40);
            List<String> statuses = new ArrayList<>();
            result.path("pages").forEach(p -> statuses.add(p.path("status").asText()));
            assertThat(statuses).contains("summarized", "duplicate", "refused_by_robots", "out_of_scope");
            result.path("pages").forEach(p -> {
                if (p.path("status").asText().equals("summarized")) {
                    assertThat(p.path("source").asInt()).isPositive();
                }
            });
        }
    }

    @Test
    void summarizeFollowsTheBestLinksOutOfItsSourcesWhenAsked() throws Exception {
        try (SyntheticSite site = SyntheticSite.start(SyntheticSite.Options.plain())) {
            CliRun cli = new CliRun();
            int code = cli.run(args(
                    site,
                    "summarize",
                    site.url("/section/engineering/"),
                    "--query",
                    SyntheticSite.QUERY,
                    "--follow-links",
                    "1",
                    "--json"));

            assertThat(code).as(cli.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(cli.out());
            assertThat(result.path("followed")).hasSize(1);
            assertThat(result.path("followed").get(0).asText())
                    .isEqualTo(site.url("/section/engineering/article-27.html"));
            assertThat(result.path("sources")).hasSize(2);
            assertThat(result.path("summary").asText()).contains("1912");

            CliRun tooMany = new CliRun();
            assertThat(tooMany.run(args(site, "summarize", site.url("/"), "--follow-links", "21")))
                    .isEqualTo(ExitCode.USAGE);
            assertThat(tooMany.err()).contains("0 to 20");
        }
    }

    @Test
    void crawlWithoutAQueryIsAUsageError() {
        CliRun cli = new CliRun();
        assertThat(cli.run("crawl", "http://www.coast.test/")).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--query");
    }

    private String[] args(SyntheticSite site, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        for (Map.Entry<String, String> e : site.settings().entrySet()) {
            all.addAll(List.of("--set", e.getKey() + "=" + e.getValue()));
        }
        all.addAll(List.of("--set", "cache.dir=" + dir.resolve("cache"), "--set", "summarizer.provider=extractive"));
        return all.toArray(String[]::new);
    }
}
