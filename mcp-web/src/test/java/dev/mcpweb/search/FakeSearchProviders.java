package dev.mcpweb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SearXNG, Brave and Tavily as fakes on 127.0.0.1, one server with a prefix each ({@code /searxng},
 * {@code /brave}, {@code /tavily}): each answers its real API's path and method with JSON shaped like the
 * real answer, built from {@link #results(List)}, and refuses a wrong key with 401 as the real ones do
 * (echoing the key, so tests can check it is scrubbed). {@link #misbehave} makes every provider answer
 * badly instead: an HTTP status, HTML, JSON of the wrong shape, a huge body, or nothing for seconds.
 * Every request is kept for tests to check.
 */
public final class FakeSearchProviders implements AutoCloseable {
    public static final String BRAVE_KEY = "BSA-test-key-0123456789";
    public static final String TAVILY_KEY = "tvly-test-key-0123456789";

    /** One result to give, as the providers' JSON carries it. */
    public record Hit(String title, String url, String snippet) {}

    /**
     * One request as the fake saw it: query parameters decoded, header names lower-case, and the client's
     * port, which tells one connection from another.
     */
    public record Seen(
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> headers,
            String body,
            int clientPort) {}

    /** Ways to answer badly. */
    public enum Misbehaviour {
        NONE,
        SERVER_ERROR,
        RATE_LIMITED,
        HTML,
        WRONG_SHAPE,
        HUGE,
        SLOW
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicReference<List<Hit>> hits = new AtomicReference<>(List.of());
    private final AtomicReference<Misbehaviour> misbehaviour = new AtomicReference<>(Misbehaviour.NONE);
    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();

    private FakeSearchProviders() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static FakeSearchProviders start() throws IOException {
        return new FakeSearchProviders();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeSearchProviders results(List<Hit> results) {
        hits.set(List.copyOf(results));
        return this;
    }

    public FakeSearchProviders misbehave(Misbehaviour how) {
        misbehaviour.set(how);
        return this;
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** The settings that make {@code provider} (searxng, brave, tavily) the one used, with the right key. */
    public Map<String, String> settings(String provider) {
        return switch (provider) {
            case "searxng" -> Map.of("search.searxng_url", base() + "/searxng");
            case "brave" ->
                Map.of(
                        "search.provider",
                        "brave",
                        "search.brave_url",
                        base() + "/brave",
                        "search.brave_api_key",
                        BRAVE_KEY);
            case "tavily" ->
                Map.of(
                        "search.provider",
                        "tavily",
                        "search.tavily_url",
                        base() + "/tavily",
                        "search.tavily_api_key",
                        TAVILY_KEY);
            default -> throw new IllegalArgumentException(provider);
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            seen.add(new Seen(
                    exchange.getRequestMethod(),
                    path,
                    query,
                    headers,
                    body,
                    exchange.getRemoteAddress().getPort()));
            String method = exchange.getRequestMethod();
            if (path.equals("/searxng/search") && method.equals("GET")) {
                if (!"json".equals(query.get("format"))) { // SearXNG refuses formats its settings do not list
                    send(exchange, 403, "text/html", "<html><body>403 Forbidden</body></html>");
                } else if (!misbehaved(exchange, "{\"results\": \"none today\"}")) {
                    send(
                            exchange,
                            200,
                            "application/json",
                            searxng(query.getOrDefault("q", "")).toString());
                }
            } else if (path.equals("/brave/res/v1/web/search") && method.equals("GET")) {
                String key = headers.getOrDefault("x-subscription-token", "");
                if (!key.equals(BRAVE_KEY)) {
                    send(exchange, 401, "application/json", """
                            {"type":"ErrorResponse","error":{"id":"1","status":401,"code":"SUBSCRIPTION_TOKEN_INVALID",\
                            "detail":"The provided subscription token %s is invalid."}}""".formatted(key));
                } else if (!misbehaved(exchange, "{\"type\": \"search\", \"web\": {\"results\": \"none today\"}}")) {
                    int count = Integer.parseInt(query.getOrDefault("count", "20"));
                    send(
                            exchange,
                            200,
                            "application/json",
                            brave(query.getOrDefault("q", ""), count).toString());
                }
            } else if (path.equals("/tavily/search") && method.equals("POST")) {
                String key = headers.getOrDefault("authorization", "");
                if (!key.equals("Bearer " + TAVILY_KEY)) {
                    send(
                            exchange,
                            401,
                            "application/json",
                            "{\"detail\":{\"error\":\"Unauthorized: missing or invalid API key " + key + "\"}}");
                } else if (!misbehaved(exchange, "{\"query\": \"fog\", \"results\": \"none today\"}")) {
                    JsonNode request = JSON.readTree(body);
                    send(
                            exchange,
                            200,
                            "application/json",
                            tavily(
                                            request.path("query").asText(),
                                            request.path("max_results").asInt(5))
                                    .toString());
                }
            } else {
                send(exchange, 404, "application/json", "{\"detail\":\"Not Found\"}");
            }
        }
    }

    /** Answers badly as {@link #misbehaviour} says ({@code wrongShape} is JSON without a list of results); false when it says to answer well. */
    private boolean misbehaved(HttpExchange exchange, String wrongShape) throws IOException {
        switch (misbehaviour.get()) {
            case NONE -> {
                return false;
            }
            case SERVER_ERROR -> send(exchange, 500, "text/plain", "Internal Server Error");
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().set("Retry-After", "30");
                send(exchange, 429, "application/json", "{\"error\":\"rate limited\"}");
            }
            case HTML -> send(exchange, 200, "text/html", "<!doctype html><html><body><h1>Search</h1></body></html>");
            case WRONG_SHAPE -> send(exchange, 200, "application/json", wrongShape);
            case HUGE -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0); // chunked: the size is not announced
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("{\"results\": [{\"title\": \"".getBytes(StandardCharsets.UTF_8));
                    byte[] block = "a".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 96; i++) { // 6 MiB
                        out.write(block);
                    }
                    out.write("\"}]}".getBytes(StandardCharsets.UTF_8));
                } catch (IOException clientGaveUp) {
                    // the client stops reading at its cap
                }
            }
            case SLOW -> {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 200, "application/json", "{\"results\": []}");
            }
        }
        return true;
    }

    private ObjectNode searxng(String q) {
        ObjectNode answer = JSON.createObjectNode().put("query", q).put("number_of_results", 0);
        ArrayNode results = answer.putArray("results");
        int position = 0;
        for (Hit h : hits.get()) {
            position++;
            ObjectNode r = results.addObject()
                    .put("url", h.url())
                    .put("title", h.title())
                    .put("content", h.snippet())
                    .put("engine", "duckduckgo")
                    .put("template", "default.html")
                    .put("score", 4.0 / position)
                    .put("category", "general");
            r.putArray("engines").add("duckduckgo").add("brave");
            r.putArray("positions").add(position);
        }
        answer.putArray("answers");
        answer.putArray("corrections");
        answer.putArray("infoboxes");
        answer.putArray("suggestions").add(q + " history");
        answer.putArray("unresponsive_engines");
        return answer;
    }

    private ObjectNode brave(String q, int count) {
        ObjectNode answer = JSON.createObjectNode().put("type", "search");
        answer.putObject("query").put("original", q).put("more_results_available", true);
        List<Hit> all = hits.get();
        if (all.isEmpty()) {
            return answer; // Brave leaves "web" out when nothing matched
        }
        ObjectNode web = answer.putObject("web").put("type", "search").put("family_friendly", true);
        ArrayNode results = web.putArray("results");
        for (Hit h : all.subList(0, Math.min(count, all.size()))) {
            ObjectNode r = results.addObject()
                    .put("title", h.title())
                    .put("url", h.url())
                    .put("is_source_local", false)
                    .put("description", h.snippet())
                    .put("language", "en")
                    .put("type", "search_result")
                    .put("subtype", "generic");
            r.putObject("profile").put("name", "Coast").put("url", h.url());
        }
        return answer;
    }

    private ObjectNode tavily(String q, int max) {
        ObjectNode answer = JSON.createObjectNode().put("query", q);
        answer.putNull("follow_up_questions");
        answer.putNull("answer");
        answer.putArray("images");
        ArrayNode results = answer.putArray("results");
        List<Hit> all = hits.get();
        for (Hit h : all.subList(0, Math.min(max, all.size()))) {
            results.addObject()
                    .put("title", h.title())
                    .put("url", h.url())
                    .put("content", h.snippet())
                    .put("score", 0.9)
                    .putNull("raw_content");
        }
        answer.put("response_time", 0.42);
        return answer;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
