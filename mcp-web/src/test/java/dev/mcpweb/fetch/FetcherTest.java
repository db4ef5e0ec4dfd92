package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.FetcherConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Dns;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fetcher against real servers on 127.0.0.1 (and 127.0.0.2), with the allow-list opened for exactly
 * the server a test means to reach. Nothing here sends traffic outside 127.0.0.0/8.
 */
class FetcherTest {
    private final MockWebServer server = new MockWebServer();
    private final List<Fetcher> fetchers = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        fetchers.forEach(Fetcher::close);
        server.close();
    }

    private static FetcherConfig config(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of(
                "fetcher.allowed_hosts", "127.0.0.1/32", "fetcher.respect_robots", "false", "fetcher.timeout", "10s"));
        all.putAll(overrides);
        return Config.defaults().with(all).fetcher();
    }

    private Fetcher fetcher(Map<String, String> overrides) {
        return fetcher(Fetcher.builder(config(overrides)));
    }

    private Fetcher fetcher(Fetcher.Builder builder) {
        Fetcher f = builder.build();
        fetchers.add(f);
        return f;
    }

    private Fetcher fetcher() {
        return fetcher(Map.of());
    }

    private String url(String path) {
        return url(server, path);
    }

    /** The server's URL by its literal address (MockWebServer's own URLs say "localhost"). */
    private static String url(MockWebServer server, String path) {
        return "http://" + server.getSocketAddress().getAddress().getHostAddress() + ":" + server.getPort() + path;
    }

    private static MockResponse ok(String contentType, String body) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", contentType)
                .body(body)
                .build();
    }

    private static MockResponse encoded(String contentType, String contentEncoding, byte[] body) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", contentType)
                .setHeader("Content-Encoding", contentEncoding)
                .body(new Buffer().write(body))
                .build();
    }

    /** Serves {@code robots} at /robots.txt and a small page everywhere else. */
    private void serveWithRobots(MockResponse robots) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().equals("/robots.txt") ? robots : ok("text/plain", "page");
            }
        });
    }

    private static MockResponse redirect(String location) {
        return new MockResponse.Builder()
                .code(302)
                .setHeader("Location", location)
                .build();
    }

    private static FetchResult fetched(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        return ((FetchOutcome.Fetched) outcome).result();
    }

    private static FetchOutcome.Refused refused(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Refused.class);
        return (FetchOutcome.Refused) outcome;
    }

    private static FetchOutcome.Failed failed(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Failed.class);
        return (FetchOutcome.Failed) outcome;
    }

    /** A resolver for made-up names; anything else is unknown (no real DNS in tests). */
    private static Dns dns(Map<String, List<String>> answers) {
        return host -> {
            List<String> a = answers.get(host);
            if (a == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> out = new java.util.ArrayList<>();
            for (String s : a) {
                out.add(InetAddress.getByName(s));
            }
            return out;
        };
    }

    @Test
    void aPageIsFetchedWithStatusTypeCharsetAndHeaders() {
        server.enqueue(ok("text/html; charset=UTF-8", "<html><body>hello</body></html>"));

        FetchResult r = fetched(fetcher().fetch(url("/page")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/html");
        assertThat(r.charset()).hasValue(StandardCharsets.UTF_8);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("hello");
        assertThat(r.finalUri().toString()).isEqualTo(url("/page"));
        assertThat(r.redirects()).isEmpty();
        assertThat(r.headers()).containsKey("content-type");
    }

    @Test
    void theServerSeesTheConfiguredUserAgentAndOurAcceptHeaders() throws InterruptedException {
        server.enqueue(ok("text/plain", "x"));
        fetcher(Map.of("fetcher.user_agent", "test-agent/9")).fetch(url("/"));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("test-agent/9");
        assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("gzip, deflate, br");
    }

    @Test
    void withoutTheAllowListTheLoopbackServerIsRefusedAndNeverContacted() {
        server.enqueue(ok("text/plain", "secret"));
        FetchOutcome outcome = fetcher(Map.of("fetcher.allowed_hosts", "")).fetch(url("/"));
        assertThat(refused(outcome).message()).isEqualTo("blocked: 127.0.0.1 is a loopback address");
        assertThat(refused(outcome).rule()).isEqualTo("ssrf-guard");
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "http://{0}:port/ is refused")
    @ValueSource(
            strings = {
                "2130706433",
                "0177.0.0.1",
                "0x7f.1",
                "127.1",
                "127.0.0.1.",
                "[::ffff:127.0.0.1]",
                "[::ffff:7f00:1]",
                "good.com@127.0.0.1",
                "%31%32%37.0.0.1",
                "\uff11\uff12\uff17.\uff10.\uff10.\uff11",
                "localhost",
                "localhost.",
                "LOCALHOST",
                "\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54"
            })
    void everyHostSpellingOfTheLoopbackServerIsRefused(String host) {
        server.enqueue(ok("text/plain", "secret"));
        Fetcher f = fetcher(Fetcher.builder(config(Map.of("fetcher.allowed_hosts", "")))
                .dns(dns(Map.of("localhost", List.of("127.0.0.1")))));

        FetchOutcome outcome = f.fetch("http://" + host + ":" + server.getPort() + "/");

        assertThat(refused(outcome).rule()).isEqualTo("ssrf-guard");
        assertThat(refused(outcome).message()).contains("127.0.0.1").contains("a loopback address");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void localhostIsRefusedWithTheAddressItResolvesTo() {
        Fetcher f = fetcher(Fetcher.builder(config(Map.of("fetcher.allowed_hosts", "")))
                .dns(dns(Map.of("localhost", List.of("127.0.0.1")))));
        assertThat(refused(f.fetch("http://localhost:" + server.getPort() + "/"))
                        .message())
                .isEqualTo("blocked: localhost resolves to 127.0.0.1, a loopback address");
    }

    @Test
    void theIpv6LoopbackIsRefused() {
        assertThat(refused(fetcher().fetch("http://[::1]:" + server.getPort() + "/"))
                        .message())
                .isEqualTo("blocked: ::1 is 0:0:0:0:0:0:0:1, a loopback address");
    }

    @Test
    void aRedirectFromAnAllowedHostToABlockedOneIsRefusedBeforeConnecting() throws IOException {
        try (MockWebServer allowed = new MockWebServer()) {
            allowed.start(InetAddress.getByName("127.0.0.2"), 0);
            allowed.enqueue(redirect(url("/internal")));
            server.enqueue(ok("text/plain", "internal secret"));

            FetchOutcome outcome =
                    fetcher(Map.of("fetcher.allowed_hosts", "127.0.0.2/32")).fetch(url(allowed, "/start"));

            assertThat(refused(outcome).message())
                    .startsWith("blocked: 127.0.0.1 is a loopback address")
                    .contains("redirected from " + url(allowed, "/start"));
            assertThat(allowed.getRequestCount()).isEqualTo(1);
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void aRedirectToANameThatResolvesToABlockedAddressIsRefused() throws IOException {
        server.enqueue(redirect("http://evil.test:" + server.getPort() + "/"));
        Fetcher f = fetcher(Fetcher.builder(config(Map.of())).dns(dns(Map.of("evil.test", List.of("10.0.0.7")))));

        FetchOutcome outcome = f.fetch(url("/"));

        assertThat(refused(outcome).message())
                .isEqualTo("blocked: evil.test resolves to 10.0.0.7, a private (RFC 1918) address");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        server.enqueue(redirect("file:///etc/passwd"));
        FetchOutcome outcome = fetcher().fetch(url("/"));
        assertThat(refused(outcome).rule()).isEqualTo("scheme");
        assertThat(refused(outcome).message()).contains("file:");
    }

    @Test
    void aNameWithSeveralAddressesOneBlockedIsRefusedWithoutAnyConnection() throws IOException {
        try (MockWebServer allowed = new MockWebServer()) {
            allowed.start(InetAddress.getByName("127.0.0.2"), 0);
            allowed.enqueue(ok("text/plain", "hello"));
            Fetcher f = fetcher(Fetcher.builder(config(Map.of("fetcher.allowed_hosts", "127.0.0.2/32")))
                    .dns(dns(Map.of("multi.test", List.of("127.0.0.2", "127.0.0.1")))));

            FetchOutcome outcome = f.fetch("http://multi.test:" + allowed.getPort() + "/");

            assertThat(refused(outcome).message())
                    .isEqualTo("blocked: multi.test resolves to 127.0.0.1, a loopback address");
            assertThat(allowed.getRequestCount()).isZero();
        }
    }

    @Test
    void aNameRebindingFromAnAllowedToABlockedAddressIsCaughtOnTheNextFetch() throws IOException {
        try (MockWebServer allowed = new MockWebServer()) {
            allowed.start(InetAddress.getByName("127.0.0.2"), 0);
            allowed.enqueue(new MockResponse.Builder()
                    .setHeader("Content-Type", "text/plain")
                    .setHeader("Connection", "close")
                    .body("first answer")
                    .build());
            AtomicInteger lookups = new AtomicInteger();
            Dns rebinding =
                    host -> List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.2" : "127.0.0.1"));
            Fetcher f = fetcher(Fetcher.builder(config(Map.of("fetcher.allowed_hosts", "127.0.0.2/32")))
                    .dns(rebinding));
            String target = "http://rebind.test:" + allowed.getPort() + "/";

            FetchResult first = fetched(f.fetch(target));
            FetchOutcome second = f.fetch(target);

            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("first answer");
            assertThat(refused(second).message())
                    .isEqualTo("blocked: rebind.test resolves to 127.0.0.1, a loopback address");
            assertThat(lookups).hasValue(2);
            assertThat(allowed.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void anAllowListedNameMayResolveToAnInternalAddress() {
        server.enqueue(ok("text/plain", "intranet page"));
        Fetcher f = fetcher(Fetcher.builder(config(Map.of("fetcher.allowed_hosts", "wiki.intranet")))
                .dns(dns(Map.of("wiki.intranet", List.of("127.0.0.1")))));

        FetchResult r = fetched(f.fetch("http://wiki.intranet:" + server.getPort() + "/"));

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("intranet page");
    }

    @Test
    void redirectsAreFollowedAndRecorded() {
        server.enqueue(redirect("/two"));
        server.enqueue(redirect(url("/three")));
        server.enqueue(ok("text/plain", "done"));

        FetchResult r = fetched(fetcher().fetch(url("/one")));

        assertThat(r.finalUri().toString()).isEqualTo(url("/three"));
        assertThat(r.redirects()).extracting(Object::toString).containsExactly(url("/one"), url("/two"));
    }

    @Test
    void aRedirectLoopIsDetected() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return redirect(request.getUrl().encodedPath().equals("/a") ? "/b" : "/a");
            }
        });

        FetchOutcome.Failed failure = failed(fetcher().fetch(url("/a")));

        assertThat(failure.message())
                .startsWith("redirect loop: ")
                .contains("/a -> ")
                .contains("/b -> ");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void redirectsStopAtTheConfiguredMaximum() {
        AtomicInteger n = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return redirect("/hop" + n.incrementAndGet());
            }
        });

        FetchOutcome.Failed failure =
                failed(fetcher(Map.of("fetcher.max_redirects", "3")).fetch(url("/")));

        assertThat(failure.message()).startsWith("too many redirects: more than fetcher.max_redirects (3)");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aGzipBombStopsAtTheDecompressedLimit() throws IOException {
        server.enqueue(encoded("text/html", "gzip", gzip(new byte[20 * 1024 * 1024])));

        FetchOutcome.Refused r =
                refused(fetcher(Map.of("fetcher.max_decompressed_size", "1MB")).fetch(url("/")));

        assertThat(r.rule()).isEqualTo("size");
        assertThat(r.message()).contains("fetcher.max_decompressed_size (1 MB)").contains("bomb");
    }

    @Test
    void gzipAndDeflateBodiesAreDecoded() throws IOException {
        byte[] text = "<p>compressed</p>".repeat(100).getBytes(StandardCharsets.UTF_8);
        server.enqueue(encoded("text/html", "gzip", gzip(text)));
        server.enqueue(encoded("text/html", "deflate", deflate(text, false)));
        server.enqueue(encoded("text/html", "deflate", deflate(text, true)));
        Fetcher f = fetcher();

        for (int i = 0; i < 3; i++) {
            assertThat(fetched(f.fetch(url("/" + i))).body()).isEqualTo(text);
        }
    }

    @Test
    void brotliBodiesAreDecodedAndTheirDecodedSizeIsCapped() {
        byte[] text = "<p>brotli</p>".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        server.enqueue(encoded("text/html", "br", brotliStored(text)));
        server.enqueue(encoded("text/html", "br", brotliStored(text)));

        assertThat(fetched(fetcher().fetch(url("/ok"))).body()).isEqualTo(text);
        FetchOutcome.Refused r =
                refused(fetcher(Map.of("fetcher.max_decompressed_size", "64KB")).fetch(url("/big")));
        assertThat(r.message()).contains("fetcher.max_decompressed_size (64 KB)");
    }

    @Test
    void aDeflateBombStopsAtTheDecompressedLimit() throws IOException {
        server.enqueue(encoded("text/plain", "deflate", deflate(new byte[8 * 1024 * 1024], false)));

        assertThat(refused(fetcher(Map.of("fetcher.max_decompressed_size", "512KB"))
                                .fetch(url("/")))
                        .rule())
                .isEqualTo("size");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhileStreaming() {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .chunkedBody("x".repeat(300_000), 4096)
                .build());

        FetchOutcome.Refused r =
                refused(fetcher(Map.of("fetcher.max_body_size", "100KB")).fetch(url("/")));

        assertThat(r.rule()).isEqualTo("size");
        assertThat(r.message()).contains("fetcher.max_body_size (100 KB)");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        server.enqueue(ok("text/plain", "y".repeat(200_000)));

        FetchOutcome.Refused r =
                refused(fetcher(Map.of("fetcher.max_body_size", "100KB")).fetch(url("/")));

        assertThat(r.message()).contains("declares").contains("fetcher.max_body_size");
    }

    @Test
    void aTrickleOfOneBytePerSecondEndsAtTheDeadline() {
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .body("z".repeat(60))
                .throttleBody(1, 1, TimeUnit.SECONDS)
                .build());

        FetchOutcome.Failed failure = failed(fetcher(Map.of("fetcher.timeout", "1500ms", "fetcher.max_retries", "0"))
                .fetch(url("/")));

        assertThat(failure.message()).startsWith("timed out after 1.5s (fetcher.timeout)");
    }

    @Test
    void unacceptedContentTypesAreRefusedWithoutReadingTheBody() {
        server.enqueue(ok("application/octet-stream", "\u0000\u0001binary"));
        server.enqueue(ok("image/png", "png"));

        Fetcher f = fetcher();
        FetchOutcome.Refused first = refused(f.fetch(url("/blob")));
        assertThat(first.rule()).isEqualTo("content-type");
        assertThat(first.message())
                .contains("application/octet-stream")
                .contains("HTML, XHTML, text, Markdown, JSON, XML and PDF");
        assertThat(refused(f.fetch(url("/img.png"))).message()).contains("image/png");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/html",
                "application/xhtml+xml",
                "text/plain",
                "text/markdown",
                "application/json",
                "application/ld+json",
                "application/xml",
                "application/rss+xml",
                "text/xml",
                "application/pdf",
                "text/csv"
            })
    void documentTypesAreAccepted(String type) {
        server.enqueue(ok(type, "content"));
        assertThat(fetched(fetcher().fetch(url("/"))).contentType()).isEqualTo(type);
    }

    @Test
    void anUnlabelledBodyIsSniffed() {
        server.enqueue(
                new MockResponse.Builder().body("<!DOCTYPE html><html></html>").build());
        server.enqueue(new MockResponse.Builder().body("%PDF-1.7 ...").build());
        Fetcher f = fetcher();
        assertThat(fetched(f.fetch(url("/a"))).contentType()).isEqualTo("text/html");
        assertThat(fetched(f.fetch(url("/b"))).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void theCharsetTheHeaderDeclaresIsReportedAndTheBytesAreUntouched() {
        Map<String, String> samples = Map.of(
                "Shift_JIS", "日本語のページ",
                "GB2312", "中文网页",
                "windows-1252", "“quoted” café – €5",
                "ISO-8859-1", "café crème");
        Fetcher f = fetcher();
        for (var sample : samples.entrySet()) {
            Charset charset = Charset.forName(sample.getKey());
            byte[] bytes = sample.getValue().getBytes(charset);
            server.enqueue(new MockResponse.Builder()
                    .setHeader(
                            "Content-Type",
                            "text/html; charset=\"" + sample.getKey().toLowerCase(java.util.Locale.ROOT) + "\"")
                    .body(new Buffer().write(bytes))
                    .build());

            FetchResult r = fetched(f.fetch(url("/" + sample.getKey())));

            assertThat(r.charset()).as(sample.getKey()).hasValue(charset);
            assertThat(r.body()).as(sample.getKey()).isEqualTo(bytes);
        }
        server.enqueue(ok("text/html; charset=no-such-charset", "x"));
        server.enqueue(ok("text/html", "x"));
        assertThat(fetched(f.fetch(url("/bad"))).charset()).isEmpty();
        assertThat(fetched(f.fetch(url("/none"))).charset()).isEmpty();
    }

    @Test
    void httpErrorsFailWithTheStatus() {
        server.enqueue(new MockResponse.Builder().code(404).body("nope").build());
        FetchOutcome.Failed failure = failed(fetcher().fetch(url("/missing")));
        assertThat(failure.status()).isEqualTo(404);
        assertThat(failure.message()).startsWith("HTTP 404").contains(url("/missing"));
    }

    @Test
    void serverErrorsAndTooManyRequestsAreRetried() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "0")
                .build());
        server.enqueue(ok("text/plain", "third time lucky"));

        FetchResult r = fetched(fetcher(Map.of("fetcher.max_retries", "2")).fetch(url("/")));

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("third time lucky");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void retriesAreBounded() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(502).build();
            }
        });

        FetchOutcome.Failed failure =
                failed(fetcher(Map.of("fetcher.max_retries", "1")).fetch(url("/")));

        assertThat(failure.status()).isEqualTo(502);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRetryAfterLongerThanTheCapFailsAtOnce() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "3600")
                .build());

        FetchOutcome.Failed failure =
                failed(fetcher(Map.of("fetcher.retry_max_wait", "5s")).fetch(url("/")));

        assertThat(failure.status()).isEqualTo(429);
        assertThat(failure.message()).contains("retry after 3600s").contains("fetcher.retry_max_wait (5s)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() throws IOException {
        int port;
        try (MockWebServer gone = new MockWebServer()) {
            gone.start(InetAddress.getByName("127.0.0.1"), 0);
            port = gone.getPort();
        }
        FetchOutcome.Failed failure =
                failed(fetcher(Map.of("fetcher.max_retries", "1")).fetch("http://127.0.0.1:" + port + "/"));
        assertThat(failure.status()).isZero();
        assertThat(failure.message()).startsWith("could not connect to 127.0.0.1:" + port);
    }

    @Test
    void robotsTxtDisallowRefusesThePageAndIsFetchedOncePerHost() {
        AtomicInteger robotsRequests = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/robots.txt")) {
                    robotsRequests.incrementAndGet();
                    return ok("text/plain", "User-agent: mcp-web\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n");
                }
                return ok("text/plain", "page " + request.getUrl().encodedPath());
            }
        });
        Fetcher f = fetcher(Map.of("fetcher.respect_robots", "true"));

        FetchOutcome.Refused r = refused(f.fetch(url("/private/page")));
        FetchResult open = fetched(f.fetch(url("/public")));

        assertThat(r.rule()).isEqualTo("robots");
        assertThat(r.message())
                .contains(url("/robots.txt"))
                .contains("disallows /private/page")
                .contains("mcp-web");
        assertThat(new String(open.body(), StandardCharsets.UTF_8)).isEqualTo("page /public");
        assertThat(robotsRequests).hasValue(1);
    }

    @Test
    void robotsAnswersAreKeptInTheRobotsStoreForTheNextRun() {
        AtomicInteger robotsRequests = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/robots.txt")) {
                    robotsRequests.incrementAndGet();
                    return ok("text/plain", "User-agent: *\nDisallow: /private\n");
                }
                return ok("text/plain", "page");
            }
        });
        Map<String, byte[]> bytes = new ConcurrentHashMap<>();
        RobotsStore store = (robotsUrl, load) -> {
            Optional<RobotsStore.Answer> kept =
                    Optional.ofNullable(bytes.get(robotsUrl)).flatMap(RobotsStore::decode);
            if (kept.isPresent()) {
                return kept.get();
            }
            RobotsStore.Answer answer = load.load();
            bytes.put(robotsUrl, RobotsStore.encode(answer));
            return answer;
        };
        FetcherConfig withRobots = config(Map.of("fetcher.respect_robots", "true"));

        fetched(fetcher(Fetcher.builder(withRobots).robotsStore(store)).fetch(url("/a")));
        FetchOutcome laterRun =
                fetcher(Fetcher.builder(withRobots).robotsStore(store)).fetch(url("/private/b"));

        assertThat(refused(laterRun).rule()).isEqualTo("robots");
        assertThat(robotsRequests).hasValue(1);
        assertThat(bytes).containsOnlyKeys(url("/robots.txt"));
    }

    @Test
    void robotsTxtAnswering5xxDisallowsTheSite() {
        serveWithRobots(new MockResponse.Builder().code(503).build());

        FetchOutcome.Refused r =
                refused(fetcher(Map.of("fetcher.respect_robots", "true")).fetch(url("/any")));

        assertThat(r.rule()).isEqualTo("robots");
        assertThat(r.message()).contains("answered HTTP 503").contains("RFC 9309");
    }

    @Test
    void anUnknownHostIsReportedAsSuchNotAsARobotsRefusal() {
        Fetcher f =
                fetcher(Fetcher.builder(config(Map.of("fetcher.respect_robots", "true", "fetcher.allowed_hosts", "")))
                        .dns(dns(Map.of())));

        FetchOutcome.Failed failed = failed(f.fetch("https://no-such-host.test/page"));

        assertThat(failed.message()).isEqualTo("unknown host no-such-host.test");
    }

    @Test
    void aRefusedConnectionIsReportedAsSuchNotAsARobotsRefusal() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        Fetcher f = fetcher(Map.of("fetcher.respect_robots", "true", "fetcher.max_retries", "0"));

        FetchOutcome.Failed failed = failed(f.fetch("http://127.0.0.1:" + port + "/page"));

        assertThat(failed.message())
                .startsWith("could not connect to 127.0.0.1:" + port)
                .doesNotContain("robots");
    }

    @Test
    void aNameTheGuardRefusesIsReportedAsTheGuardsRefusalNotRobots() {
        // As a name from /etc/hosts pointing inward would resolve; the hook stands in for the system resolver.
        Fetcher f =
                fetcher(Fetcher.builder(config(Map.of("fetcher.respect_robots", "true", "fetcher.allowed_hosts", "")))
                        .dns(dns(Map.of("intranet.test", List.of("127.0.0.1")))));

        FetchOutcome.Refused r = refused(f.fetch("http://intranet.test:" + server.getPort() + "/page"));

        assertThat(r.rule()).isEqualTo("ssrf-guard");
        assertThat(r.message())
                .isEqualTo("blocked: intranet.test resolves to 127.0.0.1, a loopback address")
                .doesNotContain("robots");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void robotsTxtAnswering4xxAllowsEverything() {
        serveWithRobots(new MockResponse.Builder().code(404).build());

        assertThat(fetched(fetcher(Map.of("fetcher.respect_robots", "true")).fetch(url("/any")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void ignoringRobotsFetchesWhatRobotsTxtDisallows() {
        serveWithRobots(ok("text/plain", "User-agent: *\nDisallow: /\n"));

        fetched(fetcher(Map.of("fetcher.respect_robots", "false")).fetch(url("/x")));

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aFreshStoredResponseIsServedWithoutAsking() {
        MapStore store = new MapStore();
        FetchResult cached = FetchResult.ofBytes(
                java.net.URI.create(url("/page")), "text/plain", "from store".getBytes(StandardCharsets.UTF_8));
        store.entries.put(
                url("/page"),
                new ResponseStore.StoredResponse(cached, Optional.of("\"v1\""), Optional.empty(), Instant.now(), true));

        FetchResult r =
                fetched(fetcher(Fetcher.builder(config(Map.of())).store(store)).fetch(url("/page")));

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("from store");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aStaleStoredResponseIsRevalidatedAndA304RefreshesIt() throws InterruptedException {
        MapStore store = new MapStore();
        FetchResult cached = FetchResult.ofBytes(
                java.net.URI.create(url("/page")), "text/plain", "old body".getBytes(StandardCharsets.UTF_8));
        Instant then = Instant.parse("2020-01-01T00:00:00Z");
        store.entries.put(
                url("/page"),
                new ResponseStore.StoredResponse(
                        cached, Optional.of("\"v1\""), Optional.of("Wed, 01 Jan 2020 00:00:00 GMT"), then, false));
        server.enqueue(
                new MockResponse.Builder().code(304).setHeader("ETag", "\"v1\"").build());

        FetchResult r =
                fetched(fetcher(Fetcher.builder(config(Map.of())).store(store)).fetch(url("/page")));

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(request.getHeaders().get("If-Modified-Since")).isEqualTo("Wed, 01 Jan 2020 00:00:00 GMT");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("old body");
        assertThat(store.entries.get(url("/page")).storedAt()).isAfter(then);
        assertThat(store.entries.get(url("/page")).fresh()).isTrue();
    }

    @Test
    void aNew200IsStoredWithItsValidators() {
        MapStore store = new MapStore();
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "text/plain")
                .setHeader("ETag", "\"abc\"")
                .setHeader("Last-Modified", "Wed, 01 Jan 2025 00:00:00 GMT")
                .body("new")
                .build());

        fetched(fetcher(Fetcher.builder(config(Map.of())).store(store)).fetch(url("/page#frag")));

        ResponseStore.StoredResponse kept = store.entries.get(url("/page"));
        assertThat(kept.etag()).hasValue("\"abc\"");
        assertThat(kept.lastModified()).hasValue("Wed, 01 Jan 2025 00:00:00 GMT");
        assertThat(new String(kept.result().body(), StandardCharsets.UTF_8)).isEqualTo("new");
    }

    @Test
    void fetchAllKeepsTheOrderOfTheSources() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return ok("text/plain", request.getUrl().encodedPath());
            }
        });
        List<String> sources = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> url("/p" + i))
                .toList();

        List<FetchOutcome> outcomes = fetcher().fetchAll(sources);

        assertThat(outcomes)
                .extracting(o -> new String(fetched(o).body(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(sources.stream()
                        .map(s -> s.substring(s.lastIndexOf('/')))
                        .toList());
    }

    @Test
    void theNumberOfFetchesInFlightToOneHostReachesButNeverPassesTheLimit() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch firstThree = new CountDownLatch(3);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    firstThree.countDown();
                    firstThree.await(5, TimeUnit.SECONDS); // hold the first requests until three are in
                    return ok("text/plain", "ok");
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        List<String> sources = java.util.stream.IntStream.range(0, 24)
                .mapToObj(i -> url("/c" + i))
                .toList();

        List<FetchOutcome> outcomes =
                fetcher(Map.of("fetcher.max_per_host", "3")).fetchAll(sources);

        assertThat(outcomes).allMatch(o -> o instanceof FetchOutcome.Fetched);
        assertThat(firstThree.getCount()).isZero();
        assertThat(peak.get()).isEqualTo(3);
    }

    @Test
    void aSourceThatIsNeitherAUrlNorAPathIsRefusedWithAHint() {
        FetchOutcome.Refused r = refused(fetcher().fetch("example.com"));
        assertThat(r.message()).contains("did you mean https://example.com");
        assertThat(refused(fetcher().fetch("example.com:8080/x")).message())
                .contains("did you mean https://example.com:8080/x");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION, raw))) {
            d.write(data);
        }
        return out.toByteArray();
    }

    /**
     * A valid brotli stream made of uncompressed meta-blocks (RFC 7932 section 9.2): no encoder is needed,
     * and the decoder and its output cap are exercised all the same.
     */
    private static byte[] brotliStored(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0, first = 1; off < data.length; first = 0) {
            int len = Math.min(65536, data.length - off);
            // bits, least significant first: [WBITS=0 on the first block] ISLAST=0, MNIBBLES=0 (4 nibbles),
            // MLEN-1 in 16 bits, ISUNCOMPRESSED=1; then padding to a byte boundary.
            long bits = (long) (len - 1) << 3 | 1L << 19;
            bits <<= first;
            int count = 20 + first;
            for (int i = 0; i < (count + 7) / 8; i++) {
                out.write((int) (bits >>> (8 * i)) & 0xff);
            }
            out.write(data, off, len);
            off += len;
        }
        out.write(0x03); // ISLAST=1, ISLASTEMPTY=1
        return out.toByteArray();
    }
}
