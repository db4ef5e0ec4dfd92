package dev.mcpweb.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one immutable configuration, read from built-in defaults, a properties file, {@code MCP_WEB_*}
 * environment variables and command-line flags, later sources winning. Each stage takes its own
 * section ({@link #fetcher()}, {@link #summarizer()}, …); {@link #settings()} tells where every value
 * came from, secrets masked.
 */
public final class Config {
    /** Where the default config file lives when {@code --config} is not given. */
    public static final Path DEFAULT_FILE =
            Path.of(System.getProperty("user.home"), ".config", "mcp-web", "config.properties");

    private static final String DEFAULT_SOURCE = "default";

    private final Map<String, Resolved> values;

    private record Resolved(Object value, String raw, String source) {}

    /** One effective setting for display: the value (masked when secret) and where it came from. */
    public record Setting(String name, String envName, String value, String source, String description) {}

    private Config(Map<String, Resolved> values) {
        this.values = Map.copyOf(values);
    }

    /** Built-in defaults only: what tests and embedders start from. */
    public static Config defaults() {
        return new Builder().build();
    }

    /**
     * Reads every source in order. {@code file} is read when present (a missing explicit file is an
     * error; a missing default file is not); {@code env} is the process environment; {@code flags}
     * maps option names to the raw values given with {@code --set} on the command line.
     */
    public static Config load(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        Builder builder = new Builder();
        Path path = file.orElse(DEFAULT_FILE);
        if (file.isPresent() || Files.isRegularFile(path)) {
            builder.file(path);
        }
        builder.env(env);
        flags.forEach((name, raw) -> builder.set(name, raw, "--set " + name));
        return builder.build();
    }

    /** A copy with {@code overrides} (option name to raw value) applied on top, labelled with {@code source}. */
    public Config with(Map<String, String> overrides, String source) {
        Builder builder = new Builder();
        values.forEach((name, r) -> builder.raw.put(name, new Builder.Given(r.raw(), r.source())));
        overrides.forEach((name, raw) -> builder.set(name, raw, source));
        return builder.build();
    }

    /** A copy with {@code overrides} applied, labelled as coming from code (tests, embedders). */
    public Config with(Map<String, String> overrides) {
        return with(overrides, "override");
    }

    public String logLevel() {
        return string("log.level");
    }

    public FetcherConfig fetcher() {
        return new FetcherConfig(
                string("fetcher.user_agent"),
                duration("fetcher.timeout"),
                duration("fetcher.connect_timeout"),
                duration("fetcher.read_timeout"),
                size("fetcher.max_body_size"),
                size("fetcher.max_decompressed_size"),
                integer("fetcher.max_redirects"),
                integer("fetcher.max_concurrent"),
                integer("fetcher.max_per_host"),
                integer("fetcher.max_retries"),
                duration("fetcher.retry_max_wait"),
                list("fetcher.allowed_hosts"),
                bool("fetcher.respect_robots"),
                list("fetcher.allowed_roots").stream()
                        .map(p -> Path.of(p).toAbsolutePath().normalize())
                        .toList(),
                bool("fetcher.allow_sensitive_files"),
                list("fetcher.resolve"));
    }

    public CrawlConfig crawl() {
        return new CrawlConfig(
                integer("crawl.max_pages"),
                integer("crawl.max_pages_cap"),
                integer("crawl.max_depth"),
                duration("crawl.max_time"),
                size("crawl.max_bytes"),
                integer("crawl.max_concurrent"),
                integer("crawl.max_sources"),
                integer("crawl.map_max_urls"),
                integer("crawl.map_max_sitemaps"),
                integer("crawl.map_max_pages"),
                integer("crawl.map_depth"));
    }

    public SearchConfig search() {
        return new SearchConfig(
                string("search.provider"),
                string("search.searxng_url").strip(),
                secret("search.brave_api_key"),
                string("search.brave_url").strip(),
                secret("search.tavily_api_key"),
                string("search.tavily_url").strip(),
                integer("search.max_results"),
                duration("search.timeout"));
    }

    private Optional<Secret> secret(String name) {
        Resolved r = resolved(name);
        return r.raw().isBlank()
                ? Optional.empty()
                : Optional.of(new Secret(r.raw().strip(), r.source()));
    }

    public ExtractorConfig extractor() {
        return new ExtractorConfig(
                bool("extractor.include_comments"),
                duration("extractor.max_cpu"),
                integer("extractor.pdf_max_pages"),
                size("extractor.pdf_max_decoded_size"),
                duration("extractor.pdf_timeout"));
    }

    public RenderConfig render() {
        return new RenderConfig(
                RenderConfig.Mode.parse(string("render.mode")),
                path("render.browser_path"),
                integer("render.max_concurrent"),
                duration("render.timeout"),
                size("render.max_bytes"),
                integer("render.restart_after"));
    }

    public ChunkerConfig chunker() {
        return new ChunkerConfig(
                string("chunker.strategy"), integer("chunker.chunk_size"), integer("chunker.chunk_overlap"));
    }

    public SummarizerConfig summarizer() {
        return new SummarizerConfig(
                string("summarizer.provider"),
                string("summarizer.model"),
                string("summarizer.api_base"),
                apiKey(),
                number("summarizer.temperature"),
                integer("summarizer.max_tokens"),
                duration("summarizer.timeout"),
                duration("summarizer.idle_timeout"),
                duration("summarizer.deadline"),
                integer("summarizer.max_retries"),
                integer("summarizer.max_concurrent"),
                integer("summarizer.context_window"),
                integer("summarizer.requests_per_minute"),
                integer("summarizer.tokens_per_minute"),
                integer("summarizer.map_reduce_threshold"),
                mode(),
                integer("summarizer.collapse_max_depth"),
                integer("summarizer.max_length"),
                integer("summarizer.max_llm_calls"));
    }

    public CacheConfig cache() {
        Path dir = path("cache.dir").orElseGet(Config::defaultCacheDir);
        if (string("cache.backend").equals("redis") && string("cache.redis_url").isBlank()) {
            throw new ConfigException(
                    "cache.backend is redis but cache.redis_url (MCP_WEB_CACHE_REDIS_URL) is empty; give one like"
                            + " redis://127.0.0.1:6379/0, or use cache.backend=sqlite");
        }
        return new CacheConfig(
                bool("cache.enabled"),
                dir,
                duration("cache.ttl"),
                duration("cache.fetch_ttl"),
                duration("cache.robots_ttl"),
                size("cache.max_size"),
                size("cache.memory_size"),
                CacheConfig.Backend.valueOf(string("cache.backend").toUpperCase(java.util.Locale.ROOT)),
                string("cache.redis_url"),
                duration("cache.lease_ttl"));
    }

    public ServerConfig server() {
        return new ServerConfig(
                string("server.host"),
                integer("server.port"),
                Optional.of(string("server.auth_token"))
                        .filter(s -> !s.isEmpty())
                        .map(s -> new Secret(s, sourceOf("server.auth_token"))),
                list("server.allowed_origins"),
                integer("server.rate_limit"),
                list("server.trusted_proxies"),
                integer("server.max_concurrent_tools"),
                cpuThreads(),
                integer("server.cpu_queue"),
                duration("server.header_timeout"));
    }

    private int cpuThreads() {
        int threads = integer("server.cpu_threads");
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** Every option with its effective value and source, in documentation order; secrets masked. */
    public List<Setting> settings() {
        List<Setting> out = new ArrayList<>();
        for (Option option : Options.ALL) {
            Resolved r = values.get(option.name());
            // URLs show where they point with their credentials masked; other secrets are masked whole.
            boolean url = option.name().equals("summarizer.api_base")
                    || option.name().equals("cache.redis_url")
                    || option.name().equals("search.searxng_url");
            String shown =
                    url ? BaseUrl.mask(r.raw()) : option.secret() && !r.raw().isEmpty() ? mask(r.raw()) : r.raw();
            out.add(new Setting(option.name(), option.envName(), shown, r.source(), option.description()));
        }
        out.add(apiKeySetting());
        return out;
    }

    /** Where a value came from: {@code default}, {@code file …}, {@code env …} or {@code flag …}. */
    public String sourceOf(String name) {
        return resolved(name).source();
    }

    private Setting apiKeySetting() {
        Optional<Secret> key = apiKey();
        return new Setting(
                "summarizer.api_key (effective)",
                "",
                key.map(Secret::masked).orElse(""),
                key.map(Secret::source).orElse("none"),
                "The API key actually used, after the fallbacks.");
    }

    private Optional<Secret> apiKey() {
        Resolved direct = resolved("summarizer.api_key");
        if (!direct.raw().isEmpty()) {
            return Optional.of(new Secret(direct.raw(), direct.source()));
        }
        Optional<Path> keyFile = path("summarizer.api_key_file");
        if (keyFile.isPresent()) {
            try {
                String key = Files.readAllLines(keyFile.get(), StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse("")
                        .strip();
                if (key.isEmpty()) {
                    throw new ConfigException("summarizer.api_key_file: " + keyFile.get() + " is empty; "
                            + "put the API key on its first line");
                }
                return Optional.of(new Secret(key, "file " + keyFile.get()));
            } catch (IOException e) {
                throw new ConfigException("summarizer.api_key_file: cannot read " + keyFile.get() + " ("
                        + e.getMessage() + "); give a readable file holding the API key");
            }
        }
        return Optional.ofNullable(values.get("env:fallback_api_key")).map(r -> new Secret(r.raw(), r.source()));
    }

    private MapMode mode() {
        if (!sourceOf("summarizer.mode").equals(DEFAULT_SOURCE)) {
            return MapMode.of(string("summarizer.mode"));
        }
        if (bool("summarizer.streaming_map")) {
            return MapMode.STREAMING;
        }
        return bool("summarizer.parallel_map") ? MapMode.PARALLEL : MapMode.SEQUENTIAL;
    }

    private static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mcp-web");
    }

    static String mask(String secret) {
        return secret.length() <= 8 ? "****" : secret.substring(0, 3) + "…" + secret.substring(secret.length() - 2);
    }

    private Resolved resolved(String name) {
        Resolved r = values.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no option " + name);
        }
        return r;
    }

    private String string(String name) {
        return (String) resolved(name).value();
    }

    private int integer(String name) {
        return (Integer) resolved(name).value();
    }

    private double number(String name) {
        return (Double) resolved(name).value();
    }

    private boolean bool(String name) {
        return (Boolean) resolved(name).value();
    }

    private Duration duration(String name) {
        return (Duration) resolved(name).value();
    }

    private long size(String name) {
        return (Long) resolved(name).value();
    }

    @SuppressWarnings("unchecked")
    private List<String> list(String name) {
        return (List<String>) resolved(name).value();
    }

    private Optional<Path> path(String name) {
        Resolved r = resolved(name);
        return r.raw().isBlank() ? Optional.empty() : Optional.of((Path) r.value());
    }

    /** Collects raw values source by source, then parses and checks them all at once. */
    private static final class Builder {
        /** A value as given, before parsing, and where it came from. */
        private record Given(String raw, String source) {}

        private final Map<String, Given> raw = new LinkedHashMap<>();

        Builder() {
            Options.ALL.forEach(o -> raw.put(o.name(), new Given(o.defaultValue(), DEFAULT_SOURCE)));
        }

        void file(Path path) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
            }
            props.stringPropertyNames().stream()
                    .sorted()
                    .forEach(key -> set(key.strip(), props.getProperty(key), "file " + path));
        }

        void env(Map<String, String> env) {
            Map<String, Option> byEnv = new LinkedHashMap<>();
            Options.ALL.forEach(o -> byEnv.put(o.envName(), o));
            env.keySet().stream().sorted().forEach(name -> {
                if (!name.startsWith("MCP_WEB_")) {
                    return;
                }
                Option option = byEnv.get(name);
                if (option == null) {
                    throw new ConfigException("unknown environment variable " + name + "="
                            + env.get(name)
                            + suggestion(name.substring("MCP_WEB_".length()).toLowerCase(Locale.ROOT))
                            + "; see docs/configuration.md for every option");
                }
                set(option.name(), env.get(name), "env " + name);
            });
            fallbackKey(env);
        }

        private void fallbackKey(Map<String, String> env) {
            String provider = raw.get("summarizer.provider").raw().strip().toLowerCase(Locale.ROOT);
            String variable = provider.equals("anthropic") ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY";
            String key = env.get(variable);
            if (key != null && !key.isBlank()) {
                raw.put("env:fallback_api_key", new Given(key.strip(), "env " + variable));
            }
        }

        void set(String name, String value, String source) {
            String key = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
            if (!Options.BY_NAME.containsKey(key)) {
                throw new ConfigException("unknown option '" + name + "' (from " + source + ")" + suggestion(key)
                        + "; see docs/configuration.md for every option");
            }
            raw.put(key, new Given(value == null ? "" : value, source));
        }

        Config build() {
            Map<String, Resolved> resolved = new LinkedHashMap<>();
            raw.forEach((name, given) -> {
                Option option = Options.BY_NAME.get(name);
                if (option == null) { // the API-key fallback, kept aside unparsed
                    resolved.put(name, new Resolved(given.raw(), given.raw(), given.source()));
                    return;
                }
                resolved.put(
                        name, new Resolved(parse(option, given.raw(), given.source()), given.raw(), given.source()));
            });
            return new Config(resolved);
        }

        private static Object parse(Option option, String raw, String source) {
            Object value;
            try {
                value = option.type().parse(raw, option.choices());
            } catch (RuntimeException e) {
                throw invalid(option, raw, source);
            }
            double numeric = numeric(value);
            if (!Double.isNaN(numeric)
                    && (option.min().filter(min -> numeric < min).isPresent()
                            || option.max().filter(max -> numeric > max).isPresent())) {
                throw invalid(option, raw, source);
            }
            return value;
        }

        /**
         * {@code value} as a number to check against its option's bounds, NaN for no number. Tests of its type
         * one by one, not a type switch: the switch's bootstrap makes a class at every start (an AOT cache
         * does not keep it), and every command builds its configuration.
         */
        private static double numeric(Object value) {
            if (value instanceof Integer i) {
                return i;
            }
            if (value instanceof Long l) {
                return l;
            }
            if (value instanceof Double d) {
                return d;
            }
            if (value instanceof Duration d) {
                return d.toMillis() / 1000.0;
            }
            return Double.NaN;
        }

        private static ConfigException invalid(Option option, String raw, String source) {
            String shown = option.secret() ? mask(raw) : raw;
            return new ConfigException("invalid value '" + shown + "' for " + option.name() + " (" + option.envName()
                    + ", from " + source + "): expected " + option.allowed());
        }

        private static String suggestion(String key) {
            return Options.ALL.stream()
                    .map(Option::name)
                    .min(Comparator.comparingInt(n -> distance(n, key)))
                    .filter(n -> distance(n, key) <= Math.max(3, key.length() / 4))
                    .map(n -> "; did you mean " + n + "?")
                    .orElse("");
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
