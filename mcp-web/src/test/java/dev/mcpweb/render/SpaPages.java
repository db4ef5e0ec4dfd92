package dev.mcpweb.render;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The render fixtures: single-page apps whose content exists only after their scripts run, one for each
 * way such pages are built and each auto signal, and a control set of ordinary pages (scripts,
 * analytics, comment widgets, server-rendered frameworks) that must be read without a browser.
 */
public final class SpaPages {
    /** An app page: where it is, the sentence its scripts write, and the signal auto must see. */
    public record App(String path, String html, String renderedText, String signal) {}

    /** A page or API answer the fixtures load. */
    public record Resource(String type, String body) {}

    private static final String ARTICLE =
            "<h1>Harbour lights</h1><p>The harbour lights were first lit in 1852, when the"
                    + " town council paid for six oil lamps along the quay so that fishing boats could find the entrance"
                    + " after dark.</p><p>Gas replaced the oil in 1880 and electricity in 1921; the iron posts of the first"
                    + " lamps still stand beside the lifeboat station, painted green every spring by volunteers.</p>";

    private SpaPages() {}

    public static Map<String, App> apps() {
        Map<String, App> apps = new LinkedHashMap<>();
        add(
                apps,
                new App(
                        "/spa/inline",
                        shell(
                                "<div id=\"root\"></div>",
                                "document.getElementById('root').innerHTML ="
                                        + " '<main><h1>Inline app</h1><p>Written by an inline script into the root.</p></main>';"),
                        "Written by an inline script into the root.",
                        "app_shell"));
        add(
                apps,
                new App(
                        "/spa/api",
                        shell(
                                "<div id=\"app\"></div>",
                                "fetch('/api/article.json').then(r => r.json()).then(d => {"
                                        + " document.getElementById('app').innerHTML = '<article><h1>' + d.title + '</h1><p>'"
                                        + " + d.text + '</p></article>'; });"),
                        "Loaded from the same-origin JSON API after the page started.",
                        "app_shell"));
        add(
                apps,
                new App(
                        "/spa/delay",
                        "<!doctype html><html><head><title>Delayed</title></head><body>"
                                + "<noscript>You need to enable JavaScript to run this app.</noscript>"
                                + "<div id=\"container\"></div><script>setTimeout(() => {"
                                + " document.getElementById('container').innerHTML = '<p>Arrived one second after"
                                + " the page loaded, from a timer.</p>'; }, 1000);</script></body></html>",
                        "Arrived one second after the page loaded, from a timer.",
                        "noscript"));
        add(
                apps,
                new App(
                        "/spa/router",
                        shell(
                                "<div id=\"root\"></div>",
                                "const routes = {'/spa/router/docs': '<h1>Docs</h1><p>The"
                                        + " documentation route, drawn by the client-side router.</p>'};"
                                        + " history.replaceState({}, '', '/spa/router/docs');"
                                        + " document.getElementById('root').innerHTML = routes[location.pathname];"),
                        "The documentation route, drawn by the client-side router.",
                        "app_shell"));
        add(
                apps,
                new App(
                        "/spa/scroll",
                        infiniteScroll(),
                        "Feed item 1: the first screen of an endless feed",
                        "script_payload"));
        add(
                apps,
                new App(
                        "/spa/streamed",
                        "<!doctype html><html><head><title>Streamed</title></head><body><main id=\"page\"></main>"
                                + "<script>(self.__next_f = self.__next_f || []).push([0]);</script>"
                                + "<script>self.__next_f.push([1, \"1:I[\\\"chunks/page.js\\\",[],\\\"Page\\\"]\\n\"]);"
                                + "</script><script>document.getElementById('page').innerHTML = '<article><h1>Flight"
                                + "</h1><p>A streamed page whose text the client component writes after"
                                + " hydration.</p></article>';</script></body></html>",
                        "A streamed page whose text the client component writes after hydration.",
                        "streamed"));
        return apps;
    }

    /** Ordinary pages: static HTML that holds its text, whatever scripts come with it. */
    public static Map<String, String> ordinary() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(
                "/plain/article",
                page("<article>" + ARTICLE + "</article>", "<script>console.log('analytics');</script>"));
        pages.put(
                "/plain/tag-manager",
                page(
                        "<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-X\"></iframe></noscript>"
                                + "<article>" + ARTICLE + "</article>",
                        "<script>window.dataLayer = window.dataLayer || []; dataLayer.push({event: 'view'});</script>"));
        pages.put(
                "/plain/comments",
                page(
                        "<article>" + ARTICLE + "</article><div id=\"disqus_thread\"></div><noscript>Please enable"
                                + " JavaScript to view the comments powered by Disqus.</noscript>",
                        "<script src=\"/embed.js\"></script>"));
        pages.put(
                "/plain/widget-root",
                page(
                        "<article>" + ARTICLE + "</article><div id=\"root\"></div>",
                        "<script>/* newsletter widget */</script>"));
        pages.put(
                "/plain/next-pages",
                page(
                        "<div id=\"__next\"><article>" + ARTICLE + "</article></div>",
                        "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{\"slug\":"
                                + "\"harbour\"}},\"page\":\"/[slug]\"}</script>"));
        pages.put(
                "/plain/next-app",
                page(
                        "<main>" + ARTICLE + "</main>",
                        "<script>(self.__next_f = self.__next_f || []).push([0]);</script>"
                                + "<script>self.__next_f.push([1, \"0:[\\\"$\\\",\\\"main\\\",null,{}]\\n\"]);</script>"));
        pages.put(
                "/plain/react-streamed",
                page(
                        "<main><template id=\"B:0\"></template><!--$?-->Loading…<!--/$--></main>"
                                + "<div hidden id=\"S:0\"><article>" + ARTICLE + "</article></div>",
                        "<script>$RC = function (a, b) {}; $RC(\"B:0\", \"S:0\");</script>"));
        pages.put("/plain/short", page("<p>Contact us at the harbour office.</p>", "<script>var x = 1;</script>"));
        return pages;
    }

    /** Every page and API answer, by path, for a test server. */
    public static Map<String, Resource> resources() {
        Map<String, Resource> all = new LinkedHashMap<>();
        apps().values().forEach(a -> all.put(a.path(), new Resource("text/html; charset=utf-8", a.html())));
        ordinary().forEach((path, html) -> all.put(path, new Resource("text/html; charset=utf-8", html)));
        all.put(
                "/api/article.json",
                new Resource(
                        "application/json",
                        "{\"title\": \"From the API\", \"text\": \"Loaded from the same-origin JSON API after the page"
                                + " started.\"}"));
        all.put("/embed.js", new Resource("text/javascript", "/* comments widget */"));
        return all;
    }

    /** The fixtures served on 127.0.0.1 until closed. */
    public static final class Site implements AutoCloseable {
        private final HttpServer server;

        private Site(HttpServer server) {
            this.server = server;
        }

        public String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Serves {@link #resources()} on a free port of 127.0.0.1. */
    public static Site serve() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        resources()
                .forEach((path, r) -> server.createContext(path, exchange -> {
                    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", r.type());
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                }));
        server.start();
        return new Site(server);
    }

    private static void add(Map<String, App> apps, App app) {
        apps.put(app.path(), app);
    }

    private static String shell(String mount, String script) {
        return "<!doctype html><html><head><title>App</title></head><body>" + mount + "<script>" + script
                + "</script></body></html>";
    }

    private static String page(String body, String scripts) {
        return "<!doctype html><html><head><title>Harbour</title></head><body><nav><a href=\"/\">Home</a></nav>" + body
                + scripts + "</body></html>";
    }

    /** A feed whose items come as inline data (tens of KB) and are drawn a screen at a time as one scrolls. */
    private static String infiniteScroll() {
        String items = IntStream.rangeClosed(1, 400)
                .mapToObj(i -> "\"Feed item " + i + ": the " + (i == 1 ? "first screen" : "next entry")
                        + " of an endless feed of harbour news, drawn as the reader scrolls\"")
                .collect(Collectors.joining(",", "[", "]"));
        return "<!doctype html><html><head><title>Feed</title></head><body><h1>Feed</h1><div id=\"feed\"></div>"
                + "<div id=\"more\"></div><script>const items = " + items + "; let shown = 0;"
                + " function screen() { const feed = document.getElementById('feed');"
                + " for (const text of items.slice(shown, shown + 10)) { const p = document.createElement('p');"
                + " p.textContent = text; feed.appendChild(p); } shown += 10; }"
                + " screen(); new IntersectionObserver(e => { if (e[0].isIntersecting) screen(); })"
                + ".observe(document.getElementById('more'));</script></body></html>";
    }
}
