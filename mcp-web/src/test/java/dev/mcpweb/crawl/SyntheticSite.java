package dev.mcpweb.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * A generated web site on 127.0.0.1 for crawl tests: a home page, 10 sections of 32 articles each (320),
 * five news items, a print copy of every article (linked from it as "Print: title"), a newsletter link with
 * {@code utm_*} parameters to a planted answer, a sitemap index over two sitemaps (one a {@code .xml.gz}
 * file, one sent gzip-encoded), an RSS feed of the news, and traps: a
 * calendar linking to the next month forever, session-ID links that differ on every page, a redirect
 * loop, a 5 MB page, pages robots.txt disallows, and links to another site. Three planted articles answer
 * {@link #QUERY}; a few others share some of its words. It answers for {@link #HOST}, {@link #DOCS_HOST}
 * (same registrable domain) and {@link #ELSEWHERE} (another site), told apart by the Host header, and logs
 * every request with its time so tests can check what was fetched and when ({@code /_test/requests} on
 * {@code 127.0.0.1} answers how many, for tests in another process).
 */
public final class SyntheticSite implements AutoCloseable {
    public static final String HOST = "www.coast.test";
    public static final String DOCS_HOST = "docs.coast.test";
    public static final String ELSEWHERE = "www.elsewhere.test";
    public static final String QUERY = "when was the diaphone fog signal installed";

    static final List<String> SECTIONS = List.of(
            "engineering",
            "history",
            "keepers",
            "wildlife",
            "shipwrecks",
            "architecture",
            "visiting",
            "weather",
            "maps",
            "people");
    static final int PER_SECTION = 32;
    static final int NEWS = 5;
    /** Planted answers: section index and article index within it. */
    static final List<int[]> ANSWERS = List.of(new int[] {0, 27}, new int[] {1, 30}, new int[] {5, 31});

    private static final String[] WORDS = ("lamp lens tower keeper coast rock harbour boat storm light beam "
                    + "island cliff stair gallery lantern paraffin clockwork wick cottage supply relief winter tide "
                    + "gull seal puffin granite brick paint iron glass brass shutter prism bay reef wreck cargo chart")
            .split(" ");

    /** One request as the server saw it. */
    public record Request(long nanos, String host, String path) {}

    /** How the site is built: its robots.txt Crawl-delay (seconds, 0 for none) and whether it has sitemaps. */
    public record Options(double crawlDelaySeconds, boolean sitemaps) {
        public static Options plain() {
            return new Options(0, true);
        }
    }

    private final HttpServer server;
    private final Options options;
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final AtomicLong sessions = new AtomicLong();

    private SyntheticSite(Options options) throws IOException {
        this.options = options;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static SyntheticSite start(Options options) throws IOException {
        return new SyntheticSite(options);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://www.coast.test:PORT/path}. */
    public String url(String path) {
        return "http://" + HOST + ":" + port() + path;
    }

    /** The settings a pipeline needs to reach the site by name through the fetcher's own DNS hook. */
    public Map<String, String> settings() {
        return Map.of(
                "fetcher.resolve",
                HOST + "=127.0.0.1," + DOCS_HOST + "=127.0.0.1," + ELSEWHERE + "=127.0.0.1",
                "fetcher.allowed_hosts",
                HOST + "," + DOCS_HOST + "," + ELSEWHERE);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Paths of the planted answer pages. */
    public static List<String> answerPaths() {
        return ANSWERS.stream().map(a -> articlePath(a[0], a[1])).toList();
    }

    /** Every article path, in section order. */
    public static List<String> articlePaths() {
        return IntStream.range(0, SECTIONS.size())
                .boxed()
                .flatMap(s -> IntStream.range(0, PER_SECTION).mapToObj(i -> articlePath(s, i)))
                .toList();
    }

    static String articlePath(int section, int index) {
        return "/section/" + SECTIONS.get(section) + "/article-" + index + ".html";
    }

    public static String sectionPath(int section) {
        return "/section/" + SECTIONS.get(section) + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---------------------------------------------------------------- serving

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            host = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (host.equals("127.0.0.1") && path.equals("/_test/requests")) { // for tests in other processes
                send(
                        exchange,
                        200,
                        "text/plain",
                        String.valueOf(requests.size()).getBytes(StandardCharsets.UTF_8),
                        false);
                return;
            }
            requests.add(new Request(System.nanoTime(), host, path));
            if (host.equals(ELSEWHERE)) {
                html(exchange, page("Elsewhere", "<p>Another site entirely.</p>"));
                return;
            }
            if (host.equals(DOCS_HOST)) {
                html(exchange, path.equals("/robots.txt") ? null : page("Guide", "<p>The visitor guide.</p>"));
                return;
            }
            route(exchange, uri.getRawPath(), uri.getRawQuery());
        }
    }

    private void route(HttpExchange exchange, String path, String query) throws IOException {
        if (path.equals("/robots.txt")) {
            String robots = "User-agent: *\nDisallow: /private/\n"
                    + (options.crawlDelaySeconds() > 0 ? "Crawl-delay: " + options.crawlDelaySeconds() + "\n" : "")
                    + (options.sitemaps()
                            ? "Sitemap: " + url("/sitemap_index.xml") + "\nSitemap: " + url("/news/feed.rss") + "\n"
                            : "");
            send(exchange, 200, "text/plain", robots.getBytes(StandardCharsets.UTF_8), false);
        } else if (path.equals("/sitemap_index.xml") && options.sitemaps()) {
            send(exchange, 200, "application/xml", sitemapIndex().getBytes(StandardCharsets.UTF_8), false);
        } else if (path.equals("/sitemaps/main.xml.gz") && options.sitemaps()) {
            send(exchange, 200, "application/x-gzip", gzip(sitemap(0, 5).getBytes(StandardCharsets.UTF_8)), false);
        } else if (path.equals("/sitemaps/more.xml") && options.sitemaps()) {
            send(exchange, 200, "application/xml", sitemap(5, 10).getBytes(StandardCharsets.UTF_8), true);
        } else if (path.equals("/news/feed.rss") && options.sitemaps()) {
            send(exchange, 200, "application/rss+xml", feed().getBytes(StandardCharsets.UTF_8), false);
        } else if (path.matches("/news/item-[0-4]\\.html")) {
            html(
                    exchange,
                    page("News " + path.charAt(11), "<p>News from the society, item " + path.charAt(11) + ".</p>"));
        } else if (path.equals("/")) {
            html(exchange, home());
        } else if (path.startsWith("/section/")) {
            String[] parts = path.split("/");
            int section = SECTIONS.indexOf(parts[2]);
            if (section < 0) {
                notFound(exchange);
            } else if (parts.length == 3) {
                html(exchange, section(section));
            } else if (parts[3].matches("article-\\d+\\.html") && index(parts[3]) < PER_SECTION) {
                html(exchange, article(section, index(parts[3]), false));
            } else {
                notFound(exchange);
            }
        } else if (path.startsWith("/print/")) {
            String[] parts = path.split("/");
            int section = parts.length > 2 ? SECTIONS.indexOf(parts[2]) : -1;
            if (section < 0 || parts.length < 4 || index(parts[3]) >= PER_SECTION) {
                notFound(exchange);
            } else {
                html(exchange, article(section, index(parts[3]), true));
            }
        } else if (path.equals("/calendar")) {
            html(exchange, calendar(query == null ? "month=2026-01" : query));
        } else if (path.equals("/account") || path.startsWith("/account;")) {
            html(exchange, page("Sign in", "<p>Sign in to your account to manage donations.</p>"));
        } else if (path.equals("/loop/a") || path.equals("/loop/b")) {
            exchange.getResponseHeaders().set("Location", path.endsWith("a") ? "/loop/b" : "/loop/a");
            exchange.sendResponseHeaders(302, -1);
        } else if (path.equals("/archive/everything")) {
            html(exchange, bigPage());
        } else {
            notFound(exchange); // /private/ among them: a crawler that asks has already broken robots.txt
        }
    }

    private static int index(String file) {
        String digits = file.replaceAll("\\D", "");
        return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private void html(HttpExchange exchange, String html) throws IOException {
        if (html == null) {
            notFound(exchange);
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), false);
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), false);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean gzip)
            throws IOException {
        byte[] out = gzip ? gzip(body) : body;
        exchange.getResponseHeaders().set("Content-Type", type);
        if (gzip) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ---------------------------------------------------------------- pages

    /** Paths the sitemaps and the feed list: home, sections, articles, news (not the print copies or the traps). */
    public static List<String> sitemapPaths() {
        List<String> paths = new ArrayList<>(List.of("/"));
        IntStream.range(0, NEWS).forEach(i -> paths.add("/news/item-" + i + ".html"));
        for (int s = 0; s < SECTIONS.size(); s++) {
            paths.add(sectionPath(s));
            for (int i = 0; i < PER_SECTION; i++) {
                paths.add(articlePath(s, i));
            }
        }
        return paths;
    }

    private String sitemapIndex() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%s</loc></sitemap>
                  <sitemap><loc>%s</loc></sitemap>
                </sitemapindex>
                """.formatted(url("/sitemaps/main.xml.gz"), url("/sitemaps/more.xml"));
    }

    private String feed() {
        String items = IntStream.range(0, NEWS)
                .mapToObj(i -> "<item><title>News " + i + "</title><link>" + url("/news/item-" + i + ".html")
                        + "</link><pubDate>Mon, 0" + (i + 2) + " Nov 2026 10:00:00 GMT</pubDate></item>")
                .collect(Collectors.joining("\n"));
        return "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Society news</title><link>" + url("/")
                + "</link><description>News</description>\n" + items + "\n</channel></rss>\n";
    }

    private String sitemap(int fromSection, int toSection) {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        List<String> paths = new ArrayList<>();
        if (fromSection == 0) {
            paths.add("/");
            paths.add("/private/staff-rota.html"); // listed, but robots.txt disallows it
            paths.add("http://" + ELSEWHERE + ":" + port() + "/partner.html"); // another site's page
        }
        for (int s = fromSection; s < toSection; s++) {
            paths.add(sectionPath(s));
            for (int i = 0; i < PER_SECTION; i++) {
                paths.add(articlePath(s, i));
            }
        }
        for (String p : paths) {
            String loc = p.startsWith("http") ? p : url(p);
            xml.append("  <url><loc>")
                    .append(loc)
                    .append("</loc><lastmod>2026-11-0")
                    .append(1 + Math.abs(p.hashCode()) % 9)
                    .append("</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private String nav() {
        return "<nav><a href=\"/\">Home</a> "
                + SECTIONS.stream()
                        .map(s -> "<a href=\"/section/" + s + "/\">" + capital(s) + "</a>")
                        .collect(Collectors.joining(" "))
                + " <a href=\"/account?sid=" + sessions.incrementAndGet() + "\">Sign in</a>"
                + " <a href=\"/account;jsessionid=" + sessions.incrementAndGet() + "\">Account</a>"
                + " <a href=\"/calendar?month=2026-01\">Events calendar</a></nav>";
    }

    private String home() {
        String sections = IntStream.range(0, SECTIONS.size())
                .mapToObj(s -> "<li><a href=\"" + sectionPath(s) + "\">" + capital(SECTIONS.get(s)) + "</a>: "
                        + sectionBlurb(s) + "</li>")
                .collect(Collectors.joining("\n"));
        return page(
                "The Coast Lighthouse Society",
                "<h1>The Coast Lighthouse Society</h1><p>Stories of the lights on our coast and the people who kept"
                        + " them.</p><ul>" + sections + "</ul>"
                        + "<p>From our newsletter: <a href=\"" + articlePath(0, 27)
                        + "?utm_source=newsletter&amp;utm_medium=email\">" + title(0, 27) + "</a>.</p>"
                        + "<p>Read the <a href=\"/archive/everything\">complete archive</a> in one page, the staff"
                        + " <a href=\"/private/staff-rota.html\">rota</a>, our <a href=\"/loop/a\">old address</a>,"
                        + " the <a href=\"http://" + DOCS_HOST + ":" + port() + "/guide\">visitor guide</a> and our"
                        + " partner <a href=\"http://" + ELSEWHERE + ":" + port() + "/\">Elsewhere Trust</a>.</p>");
    }

    private static String sectionBlurb(int s) {
        return switch (SECTIONS.get(s)) {
            case "engineering" -> "lenses, lamps, clockwork and how each station's fog signal was sounded.";
            case "history" -> "the stations from their first lights to automation.";
            case "architecture" -> "towers, cottages and the buildings that housed signals and engines.";
            default -> "articles on " + SECTIONS.get(s) + " along the coast.";
        };
    }

    private String section(int s) {
        String items = IntStream.range(0, PER_SECTION)
                .mapToObj(i ->
                        "<li><a href=\"" + articlePath(s, i) + "\">" + title(s, i) + "</a> — " + teaser(s, i) + "</li>")
                .collect(Collectors.joining("\n"));
        return page(
                capital(SECTIONS.get(s)),
                "<h1>" + capital(SECTIONS.get(s)) + "</h1><ul>" + items + "</ul>"
                        + "<p>Staff: <a href=\"/private/notes-" + s + ".html\">section notes</a>.</p>");
    }

    private String article(int s, int i, boolean print) {
        Random random = new Random(s * 1000L + i);
        StringBuilder body = new StringBuilder("<h1>" + title(s, i) + "</h1>");
        body.append("<p>").append(answer(s, i)).append("</p>");
        for (int p = 0; p < 4; p++) {
            body.append("<p>");
            for (int w = 0; w < 40; w++) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 10 == 9 ? ". " : " ");
            }
            body.append("</p>");
        }
        if (!print) {
            body.append("<p><a href=\"/print/")
                    .append(SECTIONS.get(s))
                    .append("/")
                    .append(i)
                    .append("\">Print: ")
                    .append(title(s, i))
                    .append("</a>");
            if (i + 1 < PER_SECTION) {
                body.append(" · <a href=\"")
                        .append(articlePath(s, i + 1))
                        .append("\">Next: ")
                        .append(title(s, i + 1))
                        .append("</a>");
            }
            body.append("</p>");
        }
        return page(title(s, i), "<article>" + body + "</article>");
    }

    private String calendar(String query) {
        String month = query.replaceFirst("^month=", "");
        int year = Integer.parseInt(month.substring(0, 4));
        int m = Integer.parseInt(month.substring(5, 7));
        String next = m == 12 ? (year + 1) + "-01" : year + "-" + String.format("%02d", m + 1);
        String previous = m == 1 ? (year - 1) + "-12" : year + "-" + String.format("%02d", m - 1);
        return page(
                "Events in " + month,
                "<h1>Events in " + month + "</h1><p>No events this month.</p><p><a href=\"/calendar?month=" + previous
                        + "\">Previous month</a> <a href=\"/calendar?month=" + next + "\">Next month</a></p>");
    }

    private String bigPage() {
        StringBuilder body = new StringBuilder(5_300_000);
        Random random = new Random(5);
        while (body.length() < 5_000_000) {
            body.append("<p>");
            for (int w = 0; w < 60; w++) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            body.append("</p>\n");
        }
        return page("The complete archive", body.toString());
    }

    private String page(String title, String main) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body>" + nav() + "<main>" + main + "</main><footer>© The Coast Lighthouse Society"
                + "</footer></body></html>";
    }

    // ---------------------------------------------------------------- text

    private static final Set<String> PLANTED =
            ANSWERS.stream().map(a -> a[0] + "/" + a[1]).collect(Collectors.toSet());

    private static boolean planted(int s, int i) {
        return PLANTED.contains(s + "/" + i);
    }

    static String title(int s, int i) {
        if (planted(s, i)) {
            return switch (s) {
                case 0 -> "The diaphone fog signal at Skerry Point";
                case 1 -> "When the fog signal changed at Carrick Head";
                default -> "The fog signal house at Dun Rock";
            };
        }
        if (i == 3 && s == 4) {
            return "Lost in fog: the wreck of the Mary Ellen";
        }
        if (i == 9 && s == 7) {
            return "Signal flags and the weather station";
        }
        return capital(SECTIONS.get(s)) + " note " + (i + 1) + ": " + WORDS[(s * 7 + i) % WORDS.length] + " and "
                + WORDS[(s * 3 + i * 5) % WORDS.length];
    }

    private static String teaser(int s, int i) {
        if (planted(s, i)) {
            return "how the diaphone replaced the old fog horn, and the year it was installed.";
        }
        return "a short note on the " + WORDS[(s + i) % WORDS.length] + " of the station.";
    }

    private static String answer(int s, int i) {
        if (!planted(s, i)) {
            return "This note describes the " + WORDS[(s * 11 + i) % WORDS.length] + " at one of our stations.";
        }
        return switch (s) {
            case 0 -> "The diaphone fog signal at Skerry Point was installed in 1912, replacing a reed horn.";
            case 1 -> "At Carrick Head the diaphone fog signal was installed in 1927 and sounded until 1987.";
            default -> "The Dun Rock signal house got its diaphone fog signal, installed in 1931, after two wrecks.";
        };
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
