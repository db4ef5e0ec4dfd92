package dev.mcpweb.config;

import static dev.mcpweb.config.OptionType.BOOL;
import static dev.mcpweb.config.OptionType.DOUBLE;
import static dev.mcpweb.config.OptionType.DURATION;
import static dev.mcpweb.config.OptionType.ENUM;
import static dev.mcpweb.config.OptionType.INT;
import static dev.mcpweb.config.OptionType.LIST;
import static dev.mcpweb.config.OptionType.PATH;
import static dev.mcpweb.config.OptionType.SECRET;
import static dev.mcpweb.config.OptionType.SIZE;
import static dev.mcpweb.config.OptionType.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue of every option mcp-web reads, in the order they are documented. */
final class Options {
    static final List<Option> ALL = List.of(
            // log
            choice(
                    "log.level",
                    "warn",
                    "Log level for messages on stderr (-v raises it to debug).",
                    "error",
                    "warn",
                    "info",
                    "debug",
                    "trace"),

            // fetcher
            of(
                    "fetcher.user_agent",
                    STRING,
                    "mcp-web/0.1 (+https://github.com/mcp-web/mcp-web-java)",
                    "User-Agent sent with every request and used to match robots.txt groups."),
            ranged(
                    "fetcher.timeout",
                    DURATION,
                    "30s",
                    "Total deadline for one fetch, redirects and body included.",
                    0.001,
                    null),
            ranged("fetcher.connect_timeout", DURATION, "10s", "Deadline for opening one connection.", 0.001, null),
            ranged(
                    "fetcher.read_timeout",
                    DURATION,
                    "15s",
                    "Longest silence allowed while reading a response.",
                    0.001,
                    null),
            ranged(
                    "fetcher.max_body_size",
                    SIZE,
                    "10MB",
                    "Largest response body accepted, enforced while streaming.",
                    1.0,
                    null),
            ranged(
                    "fetcher.max_decompressed_size",
                    SIZE,
                    "50MB",
                    "Largest body after gzip/deflate/brotli decompression (guards against bombs).",
                    1.0,
                    null),
            ranged("fetcher.max_redirects", INT, "10", "Redirects followed before giving up.", 0.0, 20.0),
            ranged("fetcher.max_concurrent", INT, "8", "Fetches in flight at once, over all hosts.", 1.0, 256.0),
            ranged("fetcher.max_per_host", INT, "2", "Fetches in flight at once to one host.", 1.0, 64.0),
            ranged("fetcher.max_retries", INT, "2", "Retries after a connection failure, 5xx or 429.", 0.0, 10.0),
            ranged(
                    "fetcher.retry_max_wait",
                    DURATION,
                    "30s",
                    "Longest Retry-After honoured; longer waits fail at once.",
                    0.0,
                    null),
            of(
                    "fetcher.allowed_hosts",
                    LIST,
                    "",
                    "DANGEROUS: host names, addresses and CIDRs exempt from the SSRF guard "
                            + "(e.g. wiki.intranet,10.1.0.0/16). Empty by default."),
            of("fetcher.respect_robots", BOOL, "true", "Obey robots.txt (RFC 9309) for the configured user agent."),
            of(
                    "fetcher.allowed_roots",
                    LIST,
                    "",
                    "Directories local files may be read from (real paths; symlinks resolved). Empty by default:"
                            + " the server reads no local file; the CLI reads from the working directory when"
                            + " this is not set."),
            of(
                    "fetcher.allow_sensitive_files",
                    BOOL,
                    "false",
                    "DANGEROUS: also read dotfiles, files in dot-directories, private keys and credential files"
                            + " (.env, .ssh/, id_rsa, *.pem, credentials.json…) inside the allowed roots."),
            of(
                    "fetcher.resolve",
                    LIST,
                    "",
                    "Fixed answers for host names, as host=address pairs (e.g. docs.test=127.0.0.1), asked before DNS"
                            + " like curl's --resolve; the answers still pass the SSRF guard. Empty by default."),

            // crawl
            ranged(
                    "crawl.max_pages",
                    INT,
                    "20",
                    "Pages a crawl reads by default; a call's max_pages may ask for up to crawl.max_pages_cap.",
                    1.0,
                    200.0),
            ranged(
                    "crawl.max_pages_cap",
                    INT,
                    "200",
                    "Most pages one crawl may read, whatever the call asks for.",
                    1.0,
                    200.0),
            ranged("crawl.max_depth", INT, "3", "Links followed from the start page, at most.", 0.0, 10.0),
            ranged(
                    "crawl.max_time",
                    DURATION,
                    "60s",
                    "Wall time of one crawl or site map; when it runs out the pages read so far are used.",
                    0.001,
                    null),
            ranged(
                    "crawl.max_bytes",
                    SIZE,
                    "20MB",
                    "Response bytes one crawl or site map may read; no page is fetched once they are spent.",
                    1.0,
                    null),
            ranged(
                    "crawl.max_concurrent",
                    INT,
                    "4",
                    "Pages a crawl fetches at once (per host, fetcher.max_per_host and Crawl-delay also apply).",
                    1.0,
                    32.0),
            ranged(
                    "crawl.max_sources",
                    INT,
                    "8",
                    "Pages that answer the query best that a crawl's summary is made from.",
                    1.0,
                    20.0),
            ranged(
                    "crawl.map_max_urls",
                    INT,
                    "5000",
                    "URLs a site map collects from sitemaps and links before it stops.",
                    1.0,
                    100000.0),
            ranged(
                    "crawl.map_max_sitemaps",
                    INT,
                    "50",
                    "Sitemap files (index files included) a site map reads.",
                    1.0,
                    1000.0),
            ranged(
                    "crawl.map_max_pages",
                    INT,
                    "100",
                    "Pages a site map reads to discover links when the site has no sitemap.",
                    1.0,
                    1000.0),
            ranged(
                    "crawl.map_depth",
                    INT,
                    "2",
                    "Links followed from the start page when a site map discovers links.",
                    0.0,
                    10.0),

            // search
            choice(
                    "search.provider",
                    "auto",
                    "Web search provider of mcp-web search and the search_web tool: searxng (a SearXNG instance's JSON"
                            + " API), brave (Brave Search API) or tavily (Tavily API); auto is the first whose"
                            + " setting is given (search.searxng_url, then search.brave_api_key, then"
                            + " search.tavily_api_key), otherwise no provider (and the server does not offer"
                            + " search_web).",
                    "auto",
                    "searxng",
                    "brave",
                    "tavily"),
            of(
                    "search.searxng_url",
                    STRING,
                    "",
                    "Base URL of a SearXNG instance whose settings.yml allows the json format, e.g."
                            + " http://127.0.0.1:8888; credentials in it (https://user:pass@host) are sent as Basic"
                            + " authentication and masked."),
            of("search.brave_api_key", SECRET, "", "Brave Search API subscription token. Never logged."),
            of(
                    "search.brave_url",
                    STRING,
                    "https://api.search.brave.com",
                    "Base URL of the Brave Search API (/res/v1/web/search is added)."),
            of("search.tavily_api_key", SECRET, "", "Tavily API key (tvly-…), sent as a Bearer token. Never logged."),
            of("search.tavily_url", STRING, "https://api.tavily.com", "Base URL of the Tavily API (/search is added)."),
            ranged(
                    "search.max_results",
                    INT,
                    "5",
                    "Search results returned (and read, when a summary is asked for) unless a call asks for another"
                            + " number.",
                    1.0,
                    20.0),
            ranged("search.timeout", DURATION, "15s", "Deadline for one request to the search provider.", 0.001, null),

            // extractor
            of(
                    "extractor.include_comments",
                    BOOL,
                    "false",
                    "Add readers' comments after an article, under a Comments heading with author and date."),
            ranged(
                    "extractor.max_cpu",
                    DURATION,
                    "5s",
                    "CPU time one source may use to be extracted; beyond it that source fails and the others go on.",
                    0.001,
                    null),
            ranged(
                    "extractor.pdf_max_pages",
                    INT,
                    "1000",
                    "Pages of one PDF read; the text says where it stopped.",
                    1.0,
                    null),
            ranged(
                    "extractor.pdf_max_decoded_size",
                    SIZE,
                    "64MB",
                    "Page content of one PDF decoded, all pages together (a small compressed stream can decode huge).",
                    1024.0,
                    null),
            ranged(
                    "extractor.pdf_timeout",
                    DURATION,
                    "20s",
                    "Time reading one PDF, checked between pages; the text says where it stopped.",
                    0.001,
                    null),

            // render
            choice(
                    "render.mode",
                    "auto",
                    "When pages are rendered in headless Chromium: auto renders only pages whose static text is thin"
                            + " beside the marks of JavaScript (an empty app mount point, a <noscript> asking for"
                            + " JavaScript, inline scripts far larger than the text, a streaming framework); always"
                            + " renders every web page; never renders. The tools' render argument and --render"
                            + " choose per call.",
                    "auto",
                    "always",
                    "never"),
            of(
                    "render.browser_path",
                    PATH,
                    "",
                    "Chromium or Chrome executable; empty looks for /usr/lib/chromium/chromium, chromium, "
                            + "chromium-browser, google-chrome on the PATH."),
            ranged("render.max_concurrent", INT, "2", "Pages rendered at once (one browser, one tab each).", 1.0, 16.0),
            ranged(
                    "render.timeout",
                    DURATION,
                    "15s",
                    "Longest wait for a page to settle (network idle and DOM stable); then its DOM is taken as it is.",
                    0.1,
                    null),
            ranged(
                    "render.max_bytes",
                    SIZE,
                    "20MB",
                    "Bytes one rendered page may download in all (document, scripts, API calls); then its DOM is "
                            + "taken as it is.",
                    1.0,
                    null),
            ranged(
                    "render.restart_after",
                    INT,
                    "100",
                    "Pages one browser process renders before it is replaced (bounds its memory).",
                    1.0,
                    100_000.0),

            // chunker
            choice(
                    "chunker.strategy",
                    "hierarchical",
                    "How text is split: by headings, paragraphs and sentences; fixed token windows; or adaptive.",
                    "hierarchical",
                    "fixed",
                    "adaptive"),
            ranged(
                    "chunker.chunk_size",
                    INT,
                    "0",
                    "Target tokens per chunk; 0 picks one from the model (512 for the embedded summarizer).",
                    0.0,
                    1_000_000.0),
            ranged(
                    "chunker.chunk_overlap",
                    INT,
                    "64",
                    "Tokens repeated from the end of the previous chunk.",
                    0.0,
                    10_000.0),

            // summarizer
            choice(
                    "summarizer.provider",
                    "extractive",
                    "Who writes summaries: the embedded extractive summarizer, an LLM API, or the MCP client (sampling). "
                            + "lmstudio, localai and custom are OpenAI-compatible servers.",
                    "extractive",
                    "openai",
                    "anthropic",
                    "ollama",
                    "sampling",
                    "lmstudio",
                    "localai",
                    "custom"),
            of("summarizer.model", STRING, "", "Model name; empty picks the provider's default."),
            of(
                    "summarizer.api_base",
                    STRING,
                    "",
                    "Base URL of the provider's API; empty picks the provider's default."),
            of(
                    "summarizer.api_key",
                    SECRET,
                    "",
                    "API key; falls back to OPENAI_API_KEY or ANTHROPIC_API_KEY. Never logged."),
            of("summarizer.api_key_file", PATH, "", "File holding the API key (first line)."),
            ranged("summarizer.temperature", DOUBLE, "0.2", "Sampling temperature.", 0.0, 2.0),
            ranged(
                    "summarizer.max_tokens",
                    INT,
                    "1024",
                    "Output tokens reserved for each LLM call.",
                    16.0,
                    1_000_000.0),
            ranged("summarizer.timeout", DURATION, "120s", "Deadline for one LLM call.", 0.001, null),
            ranged(
                    "summarizer.idle_timeout",
                    DURATION,
                    "30s",
                    "A streamed call silent for this long is cancelled and retried.",
                    0.001,
                    null),
            ranged("summarizer.deadline", DURATION, "300s", "Deadline for a whole summary.", 0.001, null),
            ranged(
                    "summarizer.max_retries",
                    INT,
                    "3",
                    "Retries of one LLM call on 429, 5xx, timeouts and dropped connections.",
                    0.0,
                    10.0),
            ranged("summarizer.max_concurrent", INT, "8", "LLM calls in flight at once.", 1.0, 256.0),
            ranged(
                    "summarizer.context_window",
                    INT,
                    "0",
                    "Context window in tokens; 0 looks the model up.",
                    0.0,
                    10_000_000.0),
            ranged(
                    "summarizer.requests_per_minute",
                    INT,
                    "0",
                    "Request rate limit shared by all callers; 0 is unlimited.",
                    0.0,
                    null),
            ranged(
                    "summarizer.tokens_per_minute",
                    INT,
                    "0",
                    "Token rate limit shared by all callers; 0 is unlimited.",
                    0.0,
                    null),
            ranged(
                    "summarizer.map_reduce_threshold",
                    INT,
                    "8000",
                    "Inputs above this many tokens are summarized by map-reduce.",
                    1.0,
                    null),
            choice(
                    "summarizer.mode",
                    "parallel",
                    "Map phase: parallel (results in source order), streaming (progress per chunk), or sequential.",
                    MapMode.ids().toArray(String[]::new)),
            of("summarizer.parallel_map", BOOL, "true", "Python mcp-web switch: false means mode=sequential."),
            of("summarizer.streaming_map", BOOL, "false", "Python mcp-web switch: true means mode=streaming."),
            ranged(
                    "summarizer.collapse_max_depth",
                    INT,
                    "4",
                    "Rounds of collapsing map outputs before the final reduce.",
                    1.0,
                    16.0),
            ranged("summarizer.max_length", INT, "200", "Default summary length in words.", 10.0, 100_000.0),
            ranged(
                    "summarizer.max_llm_calls",
                    INT,
                    "64",
                    "LLM calls one summary may make (map, combine and final calls; retries not counted); a call's"
                            + " max_llm_calls may ask for fewer. Past it, mapping stops and what was mapped is summarized,"
                            + " with a warning.",
                    2.0,
                    10_000.0),

            // cache
            of("cache.enabled", BOOL, "true", "Use the on-disk cache."),
            of("cache.dir", PATH, "", "Cache directory; empty means $XDG_CACHE_HOME/mcp-web or ~/.cache/mcp-web."),
            ranged("cache.ttl", DURATION, "7d", "Lifetime of extract, map and summary entries.", 0.0, null),
            ranged(
                    "cache.fetch_ttl",
                    DURATION,
                    "1h",
                    "Lifetime of a fetched page before it is revalidated.",
                    0.0,
                    null),
            ranged("cache.robots_ttl", DURATION, "24h", "Lifetime of a host's robots.txt.", 0.0, null),
            ranged(
                    "cache.max_size",
                    SIZE,
                    "1GB",
                    "Size bound of the on-disk cache; least recently used entries go first.",
                    1024.0,
                    null),
            ranged("cache.memory_size", SIZE, "64MB", "Size bound of the in-memory tier.", 0.0, null),
            choice(
                    "cache.backend",
                    "sqlite",
                    "Where entries live behind the memory tier: one SQLite file (one machine) or Redis (shared by replicas).",
                    "sqlite",
                    "redis"),
            of(
                    "cache.redis_url",
                    SECRET,
                    "",
                    "Redis of the redis backend, e.g. redis://127.0.0.1:6379/0 (rediss:// for TLS, redis://:password@host)."),
            ranged(
                    "cache.lease_ttl",
                    DURATION,
                    "10s",
                    "Redis backend: lease on an entry being computed, renewed while its replica works; a replica that dies holding one keeps the others waiting this long.",
                    0.1,
                    null),

            // server
            of("server.host", STRING, "127.0.0.1", "Address the HTTP transport binds to."),
            ranged("server.port", INT, "8765", "Port of the HTTP transport.", 0.0, 65535.0),
            of(
                    "server.auth_token",
                    SECRET,
                    "",
                    "Bearer token required by the HTTP transport; needed to bind beyond loopback."),
            of(
                    "server.allowed_origins",
                    LIST,
                    "",
                    "Origins accepted by the HTTP transport besides loopback ones (DNS-rebinding protection)."),
            ranged(
                    "server.rate_limit",
                    INT,
                    "120",
                    "Requests per minute per client on the HTTP transport; 0 is unlimited.",
                    0.0,
                    null),
            of(
                    "server.trusted_proxies",
                    LIST,
                    "",
                    "Addresses or CIDRs of reverse proxies in front of the HTTP transport (e.g. HAProxy); a request from one is counted for server.rate_limit under the client its X-Forwarded-For names. Empty: every client is the address it connects from."),
            ranged(
                    "server.max_concurrent_tools",
                    INT,
                    "16",
                    "Tool calls running at once; a call beyond them is answered busy at once.",
                    1.0,
                    1024.0),
            ranged(
                    "server.cpu_threads",
                    INT,
                    "0",
                    "CPU-bound tasks (extraction, the extractive summarizer) running at once, taking turns least served "
                            + "first; 0 is one per core.",
                    0.0,
                    1024.0),
            ranged(
                    "server.cpu_queue",
                    INT,
                    "64",
                    "CPU-bound tasks that may wait for a turn; beyond them work is answered busy at once.",
                    1.0,
                    100_000.0),
            ranged(
                    "server.header_timeout",
                    DURATION,
                    "10s",
                    "Time a connection of the HTTP transport has to send a complete request head, from when it "
                            + "opens or its previous answer ends; then it is closed.",
                    0.1,
                    null));

    static final Map<String, Option> BY_NAME = index();

    private Options() {}

    private static Map<String, Option> index() {
        Map<String, Option> byName = new LinkedHashMap<>();
        ALL.forEach(o -> byName.put(o.name(), o));
        return Map.copyOf(byName);
    }

    private static Option of(String name, OptionType type, String def, String description) {
        return new Option(name, type, def, description, List.of(), Optional.empty(), Optional.empty());
    }

    private static Option ranged(String name, OptionType type, String def, String description, Double min, Double max) {
        return new Option(name, type, def, description, List.of(), Optional.ofNullable(min), Optional.ofNullable(max));
    }

    private static Option choice(String name, String def, String description, String... choices) {
        return new Option(name, ENUM, def, description, List.of(choices), Optional.empty(), Optional.empty());
    }
}
