package dev.mcpweb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.GeneratedDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreUsableWithoutAnySource() {
        Config config = Config.defaults();
        assertThat(config.fetcher().maxConcurrent()).isEqualTo(8);
        assertThat(config.fetcher().maxPerHost()).isEqualTo(2);
        assertThat(config.fetcher().maxBodySize()).isEqualTo(10L << 20);
        assertThat(config.fetcher().allowedHosts()).isEmpty();
        assertThat(config.summarizer().provider()).isEqualTo("extractive");
        assertThat(config.summarizer().mode()).isEqualTo(MapMode.PARALLEL);
        assertThat(config.cache().maxSize()).isEqualTo(1L << 30);
        assertThat(config.sourceOf("fetcher.timeout")).isEqualTo("default");
    }

    @Test
    void laterSourcesWinFileThenEnvironmentThenFlags() throws IOException {
        Path file = dir.resolve("config.properties");
        Files.writeString(file, "fetcher.timeout=5s\nfetcher.max_concurrent=3\nfetcher.max_per_host=1\n");
        Config config = Config.load(
                Optional.of(file),
                Map.of("MCP_WEB_FETCHER_MAX_CONCURRENT", "4", "MCP_WEB_FETCHER_MAX_PER_HOST", "3", "PATH", "/bin"),
                Map.of("fetcher.max_per_host", "5"));
        assertThat(config.fetcher().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.fetcher().maxConcurrent()).isEqualTo(4);
        assertThat(config.fetcher().maxPerHost()).isEqualTo(5);
        assertThat(config.sourceOf("fetcher.timeout")).isEqualTo("file " + file);
        assertThat(config.sourceOf("fetcher.max_concurrent")).isEqualTo("env MCP_WEB_FETCHER_MAX_CONCURRENT");
        assertThat(config.sourceOf("fetcher.max_per_host")).isEqualTo("--set fetcher.max_per_host");
    }

    @Test
    void anOutOfRangeValueNamesTheOptionTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("MCP_WEB_FETCHER_MAX_CONCURRENT", "0"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'0'")
                .hasMessageContaining("fetcher.max_concurrent")
                .hasMessageContaining("MCP_WEB_FETCHER_MAX_CONCURRENT")
                .hasMessageContaining("at least 1");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> Config.defaults().with(Map.of("fetcher.timeout", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'soon'")
                .hasMessageContaining("a duration such as");
        assertThatThrownBy(() -> Config.defaults().with(Map.of("summarizer.provider", "gpt")))
                .hasMessageContaining("one of extractive, openai");
    }

    @Test
    void unknownKeysAreRefusedWithASuggestion() throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "fetcher.max_concurent=3\n");
        assertThatThrownBy(() -> Config.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown option 'fetcher.max_concurent'")
                .hasMessageContaining("did you mean fetcher.max_concurrent?");
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("MCP_WEB_CACHE_TLL", "5"), Map.of()))
                .hasMessageContaining("unknown environment variable MCP_WEB_CACHE_TLL")
                .hasMessageContaining("did you mean cache.ttl?");
    }

    @Test
    void aMissingExplicitConfigFileIsAnError() {
        assertThatThrownBy(() -> Config.load(Optional.of(dir.resolve("nope.properties")), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.properties");
    }

    @Test
    void durationsSizesAndListsAcceptTheirUsualSpellings() {
        Config config = Config.defaults()
                .with(Map.of(
                        "fetcher.timeout", "1500ms",
                        "fetcher.max_body_size", "2.5MB",
                        "fetcher.allowed_hosts", " wiki.intranet, 10.1.0.0/16 ,,127.0.0.2/32 ",
                        "summarizer.timeout", "90"));
        assertThat(config.fetcher().timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.fetcher().maxBodySize()).isEqualTo((long) (2.5 * (1 << 20)));
        assertThat(config.fetcher().allowedHosts()).containsExactly("wiki.intranet", "10.1.0.0/16", "127.0.0.2/32");
        assertThat(config.summarizer().timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void pythonSwitchesChooseTheModeUnlessModeIsSet() {
        assertThat(Config.defaults()
                        .with(Map.of("summarizer.parallel_map", "false"))
                        .summarizer()
                        .mode())
                .isEqualTo(MapMode.SEQUENTIAL);
        assertThat(Config.defaults()
                        .with(Map.of("summarizer.streaming_map", "true"))
                        .summarizer()
                        .mode())
                .isEqualTo(MapMode.STREAMING);
        assertThat(Config.defaults()
                        .with(Map.of("summarizer.streaming_map", "true", "summarizer.mode", "sequential"))
                        .summarizer()
                        .mode())
                .isEqualTo(MapMode.SEQUENTIAL);
    }

    @Test
    void secretsAreMaskedInSettingsAndInErrors() {
        Config config = Config.load(
                Optional.empty(),
                Map.of("OPENAI_API_KEY", "sk-abcdefghijklmnop"),
                Map.of("summarizer.provider", "openai"));
        assertThat(config.summarizer().apiKey())
                .get()
                .extracting(Secret::reveal)
                .isEqualTo("sk-abcdefghijklmnop");
        assertThat(config.summarizer().apiKey().orElseThrow().toString()).doesNotContain("abcdefghijklmnop");
        assertThat(config.settings()).noneMatch(s -> s.value().contains("abcdefghijklmnop"));
        assertThat(config.settings())
                .anyMatch(s ->
                        s.name().startsWith("summarizer.api_key") && s.source().equals("env OPENAI_API_KEY"));
    }

    @Test
    void theApiKeyCanComeFromAFile() throws IOException {
        Path keyFile = dir.resolve("key");
        Files.writeString(keyFile, "sk-from-file-123456\n");
        Config config = Config.defaults().with(Map.of("summarizer.api_key_file", keyFile.toString()));
        assertThat(config.summarizer().apiKey())
                .get()
                .extracting(Secret::reveal)
                .isEqualTo("sk-from-file-123456");
    }

    @Test
    void theDocumentationListsEveryOptionAsTheCodeDefinesIt() throws IOException {
        GeneratedDocs.assertCurrent("configuration.md", ConfigDocs.render(), ConfigTest.class);
    }
}
