package dev.mcpweb.tools;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;

/**
 * Articles for {@code bench load}, served on 127.0.0.1: each path gets its own text (so its own cache
 * entries: the cache is keyed by content), short enough that one LLM call summarizes it and extraction
 * costs the CPU little, so that the LLM's latency is what a summary waits for.
 */
final class LoadPages implements AutoCloseable {
    private static final List<String> SUBJECTS = List.of(
            "The starter",
            "A baker",
            "The dough",
            "Rye flour",
            "The oven",
            "A proofing basket",
            "Whole wheat",
            "The crumb",
            "Hydration",
            "The crust");
    private static final List<String> VERBS =
            List.of("needs", "changes", "improves", "depends on", "slows", "speeds up", "shapes", "balances");
    private static final List<String> OBJECTS = List.of(
            "the rise overnight",
            "a warm kitchen",
            "the sour flavour",
            "an open crumb",
            "steam in the first minutes",
            "a longer fermentation",
            "the daily feeding",
            "the salt content",
            "a colder proof",
            "the final shape");

    private final HttpServer server;

    LoadPages() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body = article(exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The URL of the page at {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Five paragraphs of four sentences, the same for the same path and different for others. */
    static String article(String path) {
        SplittableRandom random = new SplittableRandom(path.hashCode());
        StringBuilder html = new StringBuilder("<html><head><title>Baking notes ")
                .append(path)
                .append("</title></head><body><article><h1>Baking notes ")
                .append(path)
                .append("</h1>\n");
        for (int p = 0; p < 5; p++) {
            html.append("<p>");
            for (int s = 0; s < 4; s++) {
                html.append(pick(SUBJECTS, random))
                        .append(' ')
                        .append(pick(VERBS, random))
                        .append(' ')
                        .append(pick(OBJECTS, random))
                        .append(" in batch ")
                        .append(random.nextInt(1000))
                        .append(". ");
            }
            html.append("</p>\n");
        }
        return html.append("</article></body></html>").toString();
    }

    private static String pick(List<String> words, SplittableRandom random) {
        return words.get(random.nextInt(words.size()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
