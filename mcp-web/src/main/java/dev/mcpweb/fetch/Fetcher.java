package dev.mcpweb.fetch;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.FetcherConfig;
import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Fetches a URL or a local file and says what came of it as a {@link FetchOutcome}; never throws for a
 * bad source. Every connection passes the SSRF guard (the resolved addresses and the socket itself),
 * every redirect is followed here and checked again, robots.txt is obeyed, and size, time, redirect and
 * decompression limits hold while the body streams. A web fetch runs through a chain of steps, each a
 * class of its own: {@link Revalidation} (the response store), {@link Redirects}, {@link Retries} and
 * the {@link GuardedExchange} of one request. One instance per process: it owns the HTTP client, its
 * connection pool and the concurrency limits, and is safe to use from many (virtual) threads.
 */
public final class Fetcher implements AutoCloseable {
    /** {@code example.com:8080/x} looks like a scheme followed by a path, but is a host and a port. */
    private static final Pattern HOST_AND_PORT = Pattern.compile("^[a-zA-Z0-9.-]+:\\d+(/|$)");
    /** {@code example.com}, {@code docs.example.org:8443/guide}: dotted labels ending in a letters-only one. */
    private static final Pattern HOST_LIKE = Pattern.compile(
            "^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}(?::\\d{1,5})?(?:[/?#]\\S*)?$");

    private final FetcherConfig config;
    private final ResponseStore store;
    private final UrlGuard guard;
    /** The HTTP client, built at the first request: reading local files never needs it (nor its TLS set-up). */
    private final LazyClient client;

    private final FileSource files;
    private final GuardedConnector connector;
    private final Optional<RobotsPolicy> robots;
    /** The steps of a web fetch, outermost first: revalidation, redirects, retries, one guarded exchange. */
    private final Revalidation chain;

    private Fetcher(Builder b) {
        this.config = b.config;
        this.store = b.store;
        this.guard = new UrlGuard(config.allowedHosts());
        GuardedDns dns = new GuardedDns(guard, StaticHosts.over(config.resolve(), b.dns));
        this.client = new LazyClient(() -> client(config, guard, dns));
        this.files = new FileSource(
                config.allowedRoots(),
                config.allowSensitiveFiles(),
                config.maxBodySize(),
                config.maxDecompressedSize());
        this.robots = config.respectRobots()
                ? Optional.of(new RobotsPolicy(
                        config.userAgent(),
                        b.robotsTtl,
                        new RobotsLoader(client, guard, config.userAgent()),
                        b.robotsStore))
                : Optional.empty();
        HostLimiter limiter = new HostLimiter(config.maxConcurrent(), config.maxPerHost());
        this.connector = new GuardedConnector(guard, dns, config, limiter, robots);
        GuardedExchange exchange = new GuardedExchange(config, client, limiter, robots);
        this.chain =
                new Revalidation(store, new Redirects(guard, config.maxRedirects(), new Retries(config, exchange)));
    }

    /** The HTTP client every step shares: guarded DNS and sockets, no proxy, no redirects or retries of its own. */
    static OkHttpClient client(FetcherConfig config, UrlGuard guard, GuardedDns dns) {
        return new OkHttpClient.Builder()
                .dns(dns)
                .socketFactory(new GuardedSocketFactory(guard))
                .proxy(Proxy.NO_PROXY) // a proxy would resolve names where the guard cannot see them
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .connectionPool(new ConnectionPool(Math.max(5, config.maxConcurrent()), 5, TimeUnit.MINUTES))
                .build();
    }

    /** An HTTP client built at its first call, once, by whichever thread comes first. */
    private static final class LazyClient implements Call.Factory {
        private final Supplier<OkHttpClient> build;
        private volatile OkHttpClient client;

        LazyClient(Supplier<OkHttpClient> build) {
            this.build = build;
        }

        @Override
        public Call newCall(Request request) {
            OkHttpClient built = client;
            if (built == null) {
                synchronized (this) {
                    built = client;
                    if (built == null) {
                        built = build.get();
                        client = built;
                    }
                }
            }
            return built.newCall(request);
        }

        /** Stops the client's threads and closes its connections, if it was built. */
        synchronized void close() {
            if (client != null) {
                client.dispatcher().executorService().shutdown();
                client.connectionPool().evictAll();
            }
        }
    }

    /** A fetcher for {@code config}'s fetcher section, with no response store. */
    public static Fetcher create(Config config) {
        return create(config, ResponseStore.NONE);
    }

    /** A fetcher that serves fresh responses from {@code store}, revalidates stale ones and stores 200s. */
    public static Fetcher create(Config config, ResponseStore store) {
        return create(config, store, RobotsStore.NONE);
    }

    /** As {@link #create(Config, ResponseStore)}, keeping robots.txt answers in {@code robots} between runs. */
    public static Fetcher create(Config config, ResponseStore store, RobotsStore robots) {
        return builder(config.fetcher())
                .store(store)
                .robotsStore(robots)
                .robotsTtl(config.cache().robotsTtl())
                .build();
    }

    /** Opens connections under this fetcher's guard, DNS, robots.txt and host limits, for the render proxy. */
    public GuardedConnector connector() {
        return connector;
    }

    /**
     * What robots.txt of {@code url}'s site says to a crawler ({@link SiteRules#NONE} when robots.txt is
     * not obeyed); fetched through the guard like any page, and cached as the fetches' own checks are.
     */
    public SiteRules siteRules(URI url) throws IOException {
        HttpUrl parsed = HttpUrl.get(url);
        if (robots.isEmpty() || parsed == null) {
            return SiteRules.NONE;
        }
        return robots.get().site(parsed, System.nanoTime() + config.timeout().toNanos());
    }

    /**
     * The response kept in the response store for {@code url}, fresh or stale, without a request: what a
     * caller may know of a page before reading it. Empty when nothing is kept or {@code url} is not http(s).
     */
    public Optional<FetchResult> stored(URI url) {
        HttpUrl parsed = HttpUrl.parse(url.toString());
        if (parsed == null) {
            return Optional.empty();
        }
        return store.peek(Revalidation.key(parsed)).map(ResponseStore.StoredResponse::result);
    }

    static Builder builder(FetcherConfig config) {
        return new Builder(config);
    }

    /** Wiring for tests and the composition root; {@link #dns} is the hook rebinding tests use. */
    static final class Builder {
        private final FetcherConfig config;
        private ResponseStore store = ResponseStore.NONE;
        private Dns dns = Dns.SYSTEM;
        private Duration robotsTtl = Duration.ofHours(1);
        private RobotsStore robotsStore = RobotsStore.NONE;

        private Builder(FetcherConfig config) {
            this.config = config;
        }

        Builder store(ResponseStore store) {
            this.store = store;
            return this;
        }

        Builder dns(Dns dns) {
            this.dns = dns;
            return this;
        }

        Builder robotsStore(RobotsStore robotsStore) {
            this.robotsStore = robotsStore;
            return this;
        }

        Builder robotsTtl(Duration ttl) {
            this.robotsTtl = ttl;
            return this;
        }

        Fetcher build() {
            return new Fetcher(this);
        }
    }

    /**
     * Fetches {@code source}: an http(s) URL, a {@code file:} URL or an absolute path. Blocks the calling
     * thread (a virtual thread is the right caller) for at most {@code fetcher.timeout} plus the wait for
     * a slot; interrupting it ends the fetch as failed.
     */
    public FetchOutcome fetch(String source) {
        long start = System.nanoTime();
        long deadline = start + config.timeout().toNanos();
        String s = source.strip();
        try {
            if (s.regionMatches(true, 0, "file:", 0, 5)) {
                return fileUrl(source, s, start);
            }
            if (s.startsWith("/")) {
                return files.read(source, Path.of(s), start);
            }
            if (!UrlGuard.HAS_SCHEME.matcher(s).find()
                    || HOST_AND_PORT.matcher(s).find()) {
                return new FetchOutcome.Refused(
                        source,
                        UrlGuard.INVALID_RULE,
                        "'" + s + "' is neither a URL nor an absolute path"
                                + (looksLikeHost(s) ? "; did you mean https://" + s + " ?" : ""));
            }
            return fetchWeb(source, s, start, deadline);
        } catch (InvalidPathException e) {
            return new FetchOutcome.Refused(
                    source, UrlGuard.INVALID_RULE, "invalid path '" + s + "': " + e.getReason());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchOutcome.Failed(source, 0, "interrupted while fetching " + s);
        }
    }

    /**
     * Fetches every source concurrently on virtual threads (still within the global and per-host
     * limits) and returns the outcomes in the order of {@code sources}.
     */
    public List<FetchOutcome> fetchAll(List<String> sources) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FetchOutcome>> futures = new ArrayList<>();
            for (String source : sources) {
                futures.add(executor.submit(() -> fetch(source)));
            }
            List<FetchOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    executor.shutdownNow();
                    outcomes.add(new FetchOutcome.Failed(sources.get(i), 0, "interrupted"));
                } catch (ExecutionException e) {
                    outcomes.add(new FetchOutcome.Failed(sources.get(i), 0, "fetch crashed: " + e.getCause()));
                }
            }
            return outcomes;
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private FetchOutcome fileUrl(String source, String s, long start) {
        URI uri;
        try {
            uri = new URI(s);
        } catch (java.net.URISyntaxException e) {
            return new FetchOutcome.Refused(
                    source, UrlGuard.INVALID_RULE, "invalid file URL '" + s + "': " + e.getReason());
        }
        String host = uri.getHost() == null ? uri.getAuthority() : uri.getHost();
        if (host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
            return new FetchOutcome.Refused(
                    source,
                    FileSource.ROOTS_RULE,
                    "blocked: file URL '" + s + "' names host " + host + "; only local files are read");
        }
        if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
            return new FetchOutcome.Refused(
                    source, UrlGuard.INVALID_RULE, "invalid file URL '" + s + "': use file:///absolute/path");
        }
        return files.read(source, Path.of(uri.getPath()), start);
    }

    private FetchOutcome fetchWeb(String source, String raw, long start, long deadline) throws InterruptedException {
        HttpUrl url;
        switch (guard.check(raw)) {
            case Refusal r -> {
                return r.toOutcome(source);
            }
            case UrlGuard.Allowed a -> url = a.url();
        }
        HttpUrl allowed = url;
        return asCallers(
                store.once(Revalidation.key(url), () -> chain.fetch(source, allowed, start, deadline)), source, start);
    }

    /**
     * A fetch shared with another caller of the same URL, as this caller's: under its source. (The
     * fetch itself is the same whatever the source's spelling: the store key is the normalized URL.)
     */
    private static FetchOutcome asCallers(FetchOutcome outcome, String source, long start) {
        if (outcome.source().equals(source)) {
            return outcome;
        }
        return switch (outcome) {
            case FetchOutcome.Fetched f -> new FetchOutcome.Fetched(f.result().withSource(source, start));
            case FetchOutcome.Refused r -> new FetchOutcome.Refused(source, r.rule(), r.message());
            case FetchOutcome.Failed f -> new FetchOutcome.Failed(source, f.status(), f.message());
        };
    }

    /** Whether {@code s} reads as a host name (not {@code notes.md}, a missing file) that lacks its scheme. */
    private static boolean looksLikeHost(String s) {
        return HOST_LIKE.matcher(s).matches()
                && !(s.indexOf('/') < 0 && ContentTypes.ofFileName(s).isPresent());
    }
}
