package dev.mcpweb.fetch;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.FetcherConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a URL or a local file and says what came of it as a {@link FetchOutcome}; never throws for a
 * bad source. Every connection passes the SSRF guard (the resolved addresses and the socket itself),
 * every redirect is followed here and checked again, robots.txt is obeyed, and size, time, redirect and
 * decompression limits hold while the body streams. One instance per process: it owns the HTTP client,
 * its connection pool and the concurrency limits, and is safe to use from many (virtual) threads.
 */
public final class Fetcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/markdown;q=0.9,"
            + "text/plain;q=0.8,application/json;q=0.8,application/pdf;q=0.8,*/*;q=0.1";
    private static final String ACCEPT_ENCODING = "gzip, deflate, br";
    private static final int ROBOTS_MAX_BYTES = 512 * 1024;
    private static final int ROBOTS_MAX_REDIRECTS = 5;
    private static final Duration BACKOFF_BASE = Duration.ofMillis(250);
    private static final Pattern HAS_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** {@code example.com:8080/x} looks like a scheme followed by a path, but is a host and a port. */
    private static final Pattern HOST_AND_PORT = Pattern.compile("^[a-zA-Z0-9.-]+:\\d+(/|$)");
    /** {@code example.com}, {@code docs.example.org:8443/guide}: dotted labels ending in a letters-only one. */
    private static final Pattern HOST_LIKE = Pattern.compile(
            "^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}(?::\\d{1,5})?(?:[/?#]\\S*)?$");

    private final FetcherConfig config;
    private final ResponseStore store;
    private final UrlGuard guard;
    private final OkHttpClient client;
    private final HostLimiter limiter;
    private final BodyReader bodies;
    private final FileSource files;
    private final Optional<RobotsPolicy> robots;
    private final GuardedConnector connector;

    private Fetcher(Builder b) {
        this.config = b.config;
        this.store = b.store;
        this.guard = new UrlGuard(config.allowedHosts());
        GuardedDns dns = new GuardedDns(guard, b.dns);
        this.client = new OkHttpClient.Builder()
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
        this.limiter = new HostLimiter(config.maxConcurrent(), config.maxPerHost());
        this.bodies = new BodyReader(config.maxBodySize(), config.maxDecompressedSize());
        this.files = new FileSource(
                config.allowedRoots(),
                config.allowSensitiveFiles(),
                config.maxBodySize(),
                config.maxDecompressedSize());
        this.robots = config.respectRobots()
                ? Optional.of(new RobotsPolicy(config.userAgent(), b.robotsTtl, this::loadRobots, b.robotsStore))
                : Optional.empty();
        this.connector = new GuardedConnector(guard, dns, config, limiter, robots);
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
            if (!HAS_SCHEME.matcher(s).find() || HOST_AND_PORT.matcher(s).find()) {
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
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
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
        String key = storeKey(url);
        HttpUrl allowed = url;
        return asCallers(store.once(key, () -> fetchAllowed(source, allowed, key, start, deadline)), source, start);
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
            case FetchOutcome.Fetched f -> new FetchOutcome.Fetched(withSource(f.result(), source, start));
            case FetchOutcome.Refused r -> new FetchOutcome.Refused(source, r.rule(), r.message());
            case FetchOutcome.Failed f -> new FetchOutcome.Failed(source, f.status(), f.message());
        };
    }

    private FetchOutcome fetchAllowed(String source, HttpUrl url, String key, long start, long deadline)
            throws InterruptedException {
        Optional<ResponseStore.StoredResponse> stored = lookup(key);
        if (stored.isPresent() && stored.get().fresh()) {
            return new FetchOutcome.Fetched(withSource(stored.get().result(), source, start));
        }
        List<URI> redirects = new ArrayList<>();
        Set<HttpUrl> seen = new HashSet<>();
        seen.add(url);
        while (true) {
            Hop hop = exchange(source, url, redirects.isEmpty() ? stored : Optional.empty(), deadline);
            switch (hop) {
                case Hop.Stop stop -> {
                    return stop.outcome();
                }
                case Hop.Redirect r -> {
                    HttpUrl next = url.resolve(r.location());
                    if (next == null) {
                        return redirectElsewhere(source, url, r);
                    }
                    if (redirects.size() >= config.maxRedirects()) {
                        return new FetchOutcome.Failed(
                                source,
                                r.status(),
                                "too many redirects: more than fetcher.max_redirects (" + config.maxRedirects()
                                        + "), the last from " + url + " to " + next);
                    }
                    switch (guard.check(next)) {
                        case Refusal refusal -> {
                            return new FetchOutcome.Refused(
                                    source, refusal.rule(), refusal.message() + " (redirected from " + url + ")");
                        }
                        case UrlGuard.Allowed a -> next = a.url();
                    }
                    redirects.add(url.uri());
                    if (!seen.add(next)) {
                        String chain = redirects.stream().map(URI::toString).collect(Collectors.joining(" -> "));
                        return new FetchOutcome.Failed(source, r.status(), "redirect loop: " + chain + " -> " + next);
                    }
                    url = next;
                }
                case Hop.NotModified nm -> {
                    if (stored.isEmpty()) {
                        return new FetchOutcome.Failed(
                                source, 304, "HTTP 304 from " + url + " to a request that asked for no validation");
                    }
                    ResponseStore.StoredResponse old = stored.get();
                    save(
                            key,
                            new ResponseStore.StoredResponse(
                                    old.result(),
                                    Optional.ofNullable(nm.headers().get("ETag"))
                                            .or(old::etag),
                                    Optional.ofNullable(nm.headers().get("Last-Modified"))
                                            .or(old::lastModified),
                                    Instant.now(),
                                    true));
                    return new FetchOutcome.Fetched(withSource(old.result(), source, start));
                }
                case Hop.Complete c -> {
                    FetchResult result = new FetchResult(
                            source,
                            url.uri(),
                            c.status(),
                            c.headers().toMultimap(),
                            c.body(),
                            c.contentType(),
                            c.charset(),
                            redirects,
                            Duration.ofNanos(System.nanoTime() - start));
                    if (c.status() == 200) {
                        save(
                                key,
                                new ResponseStore.StoredResponse(
                                        result,
                                        Optional.ofNullable(c.headers().get("ETag")),
                                        Optional.ofNullable(c.headers().get("Last-Modified")),
                                        Instant.now(),
                                        true));
                    }
                    return new FetchOutcome.Fetched(result);
                }
            }
        }
    }

    /** What one request came to. */
    private sealed interface Hop {
        record Stop(FetchOutcome outcome) implements Hop {}

        record Redirect(int status, String location) implements Hop {}

        record NotModified(Headers headers) implements Hop {}

        record Complete(int status, Headers headers, byte[] body, String contentType, Optional<Charset> charset)
                implements Hop {}
    }

    /** One request to {@code url}, with retries, inside a global and a per-host slot, after robots.txt. */
    private Hop exchange(String source, HttpUrl url, Optional<ResponseStore.StoredResponse> validate, long deadline)
            throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Duration wait;
            Optional<HostLimiter.Permit> permit = limiter.acquire(url.host() + ":" + url.port(), deadline);
            if (permit.isEmpty()) {
                return stop(new FetchOutcome.Failed(source, 0, timedOut(url, "waiting for a free connection slot")));
            }
            try (HostLimiter.Permit held = permit.get()) {
                if (robots.isPresent()) {
                    Optional<Refusal> refusal = robots.get().check(url, deadline);
                    if (refusal.isPresent()) {
                        return stop(refusal.get().toOutcome(source));
                    }
                }
                Call call = client.newCall(request(url, validate));
                call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                try (Response response = call.execute()) {
                    int code = response.code();
                    if (!retryable(code) || attempt >= config.maxRetries()) {
                        return handle(source, url, response);
                    }
                    Optional<Duration> retryAfter = retryAfter(response.header("Retry-After"));
                    if (retryAfter.isPresent() && retryAfter.get().compareTo(config.retryMaxWait()) > 0) {
                        return stop(new FetchOutcome.Failed(
                                source,
                                code,
                                "HTTP " + code + " from " + url + " asked to retry after "
                                        + retryAfter.get().toSeconds() + "s, longer than fetcher.retry_max_wait ("
                                        + config.retryMaxWait().toSeconds() + "s)"));
                    }
                    wait = retryAfter.isPresent() ? retryAfter.get() : backoff(attempt);
                    log.debug("HTTP {} from {}; retrying in {} ms", code, url, wait.toMillis());
                }
            } catch (IOException e) {
                Optional<Refusal> refusal = refusalIn(e);
                if (refusal.isPresent()) {
                    return stop(refusal.get().toOutcome(source));
                }
                if (System.nanoTime() >= deadline) {
                    return stop(new FetchOutcome.Failed(source, 0, timedOut(url, "fetching")));
                }
                if (!retryable(e) || attempt >= config.maxRetries()) {
                    return stop(new FetchOutcome.Failed(source, 0, describe(url, e)));
                }
                wait = backoff(attempt);
                log.debug("{}; retrying in {} ms", describe(url, e), wait.toMillis());
            }
            if (System.nanoTime() + wait.toNanos() >= deadline) {
                return stop(new FetchOutcome.Failed(source, 0, timedOut(url, "before the next retry could run")));
            }
            Thread.sleep(wait);
        }
    }

    private Hop handle(String source, HttpUrl url, Response response) throws IOException {
        int code = response.code();
        String location = response.header("Location");
        if (response.isRedirect() && location != null) {
            return new Hop.Redirect(code, location);
        }
        if (code == 304) {
            return new Hop.NotModified(response.headers());
        }
        if (code < 200 || code >= 300) {
            String reason = response.message().isBlank() ? "" : " " + response.message();
            return stop(new FetchOutcome.Failed(source, code, "HTTP " + code + reason + " from " + url));
        }
        MediaType mediaType = MediaType.parse(
                Optional.ofNullable(response.header("Content-Type")).orElse(""));
        Optional<String> declared =
                Optional.ofNullable(mediaType).map(m -> (m.type() + "/" + m.subtype()).toLowerCase(Locale.ROOT));
        if (declared.isPresent() && !ContentTypes.accepted(declared.get())) {
            return stop(ContentTypes.refusal(declared.get(), url.toString()).toOutcome(source));
        }
        long length = response.body().contentLength();
        if (length > config.maxBodySize()) {
            return stop(new FetchOutcome.Refused(
                    source,
                    "size",
                    "refused: " + url + " declares " + Sizes.human(length) + ", larger than fetcher.max_body_size ("
                            + Sizes.human(config.maxBodySize()) + ")"));
        }
        byte[] body;
        try (InputStream in = response.body().byteStream()) {
            body = bodies.read(
                    in, Optional.ofNullable(response.header("Content-Encoding")).orElse(""));
        }
        Optional<String> type =
                declared.or(() -> ContentTypes.ofFileName(url.encodedPath())).or(() -> ContentTypes.sniff(body));
        if (type.isEmpty()) {
            return stop(new FetchOutcome.Refused(
                    source, ContentTypes.RULE, "refused: " + url + " sent no Content-Type and its body looks binary"));
        }
        Optional<Charset> charset = Optional.ofNullable(mediaType).map(m -> m.charset(null));
        return new Hop.Complete(code, response.headers(), body, type.get(), charset);
    }

    private Request request(HttpUrl url, Optional<ResponseStore.StoredResponse> validate) {
        Request.Builder b = new Request.Builder()
                .url(url)
                .header("User-Agent", config.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", ACCEPT_ENCODING);
        validate.ifPresent(v -> {
            v.etag().ifPresent(etag -> b.header("If-None-Match", etag));
            v.lastModified().ifPresent(lm -> b.header("If-Modified-Since", lm));
        });
        return b.build();
    }

    /** robots.txt through the same guarded client: up to 5 redirects, each checked; at most 512 KiB read. */
    private RobotsStore.Answer loadRobots(HttpUrl robotsUrl, long deadline) throws IOException {
        HttpUrl url = robotsUrl;
        int status = 0;
        for (int hop = 0; hop <= ROBOTS_MAX_REDIRECTS; hop++) {
            Request request = new Request.Builder()
                    .url(url)
                    .header("User-Agent", config.userAgent())
                    .build();
            Call call = client.newCall(request);
            call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                status = response.code();
                String location = response.header("Location");
                if (!response.isRedirect() || location == null) {
                    byte[] body = response.isSuccessful()
                            ? response.body().byteStream().readNBytes(ROBOTS_MAX_BYTES)
                            : new byte[0];
                    return new RobotsStore.Answer(status, body, Optional.ofNullable(response.header("Content-Type")));
                }
                HttpUrl next = url.resolve(location);
                if (next == null) {
                    break;
                }
                switch (guard.check(next)) {
                    case Refusal refusal -> throw new BlockedException(refusal);
                    case UrlGuard.Allowed a -> url = a.url();
                }
            }
        }
        return new RobotsStore.Answer(status, new byte[0], Optional.empty()); // unavailable: nothing restricted
    }

    private FetchOutcome redirectElsewhere(String source, HttpUrl from, Hop.Redirect r) {
        var scheme = HAS_SCHEME.matcher(r.location());
        if (scheme.find()) {
            String name =
                    scheme.group().substring(0, scheme.group().length() - 1).toLowerCase(Locale.ROOT);
            if (!name.equals("http") && !name.equals("https")) {
                Refusal refusal = UrlGuard.schemeRefusal(name);
                return new FetchOutcome.Refused(
                        source, refusal.rule(), refusal.message() + " (redirected from " + from + ")");
            }
        }
        return new FetchOutcome.Failed(
                source,
                r.status(),
                "HTTP " + r.status() + " from " + from + " with an invalid Location: " + r.location());
    }

    private Optional<ResponseStore.StoredResponse> lookup(String key) {
        try {
            return store.lookup(key);
        } catch (RuntimeException e) {
            log.warn("response store lookup failed for {}; fetching without it", key, e);
            return Optional.empty();
        }
    }

    private void save(String key, ResponseStore.StoredResponse response) {
        try {
            store.store(key, response);
        } catch (RuntimeException e) {
            log.warn("response store could not keep {}; the fetch itself succeeded", key, e);
        }
    }

    private static String storeKey(HttpUrl url) {
        return url.newBuilder().fragment(null).build().toString();
    }

    private static FetchResult withSource(FetchResult r, String source, long start) {
        return new FetchResult(
                source,
                r.finalUri(),
                r.status(),
                r.headers(),
                r.body(),
                r.contentType(),
                r.charset(),
                r.redirects(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static Hop stop(FetchOutcome outcome) {
        return new Hop.Stop(outcome);
    }

    private String timedOut(HttpUrl url, String doing) {
        return "timed out after " + config.timeout().toMillis() / 1000.0 + "s (fetcher.timeout) " + doing + " " + url;
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private static boolean retryable(IOException e) {
        return !(e instanceof UnknownHostException
                || e instanceof SSLException
                || e instanceof UnsupportedEncodingException);
    }

    private Duration backoff(int attempt) {
        long capMillis = Math.min(config.retryMaxWait().toMillis(), BACKOFF_BASE.toMillis() << Math.min(attempt, 16));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capMillis / 2, capMillis + 1));
    }

    /** Whether {@code s} reads as a host name (not {@code notes.md}, a missing file) that lacks its scheme. */
    private static boolean looksLikeHost(String s) {
        return HOST_LIKE.matcher(s).matches()
                && !(s.indexOf('/') < 0 && ContentTypes.ofFileName(s).isPresent());
    }

    /** Retry-After as seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.chars().allMatch(Character::isDigit)) {
            return h.length() > 9
                    ? Optional.of(Duration.ofDays(365))
                    : Optional.of(Duration.ofSeconds(Long.parseLong(h)));
        }
        try {
            Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String describe(HttpUrl url, IOException e) {
        String where = url.host() + ":" + url.port();
        return switch (e) {
            case ConnectException c -> "could not connect to " + where + " (" + c.getMessage() + ")";
            case SocketTimeoutException t ->
                "timed out talking to " + where + " (" + t.getMessage()
                        + "; see fetcher.connect_timeout and fetcher.read_timeout)";
            case UnknownHostException u -> "unknown host " + url.host();
            case SSLException s -> "TLS with " + where + " failed: " + s.getMessage();
            default -> "fetching " + url + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        };
    }

    /** The guard's or a size limit's refusal anywhere in an exception's causes or suppressed exceptions. */
    private static Optional<Refusal> refusalIn(Throwable t) {
        return refusalIn(t, 0);
    }

    private static Optional<Refusal> refusalIn(Throwable t, int depth) {
        if (t == null || depth > 8) {
            return Optional.empty();
        }
        if (t instanceof BlockedException b) {
            return Optional.of(b.refusal());
        }
        if (t instanceof SizeLimitException s) {
            return Optional.of(s.refusal());
        }
        for (Throwable s : t.getSuppressed()) {
            Optional<Refusal> r = refusalIn(s, depth + 1);
            if (r.isPresent()) {
                return r;
            }
        }
        return refusalIn(t.getCause(), depth + 1);
    }
}
