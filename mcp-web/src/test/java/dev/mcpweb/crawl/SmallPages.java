package dev.mcpweb.crawl;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The small English HTML pages that crawl tests' own servers answer with. */
final class SmallPages {
    private SmallPages() {}

    /** Answers 200 with a page titled {@code title} whose {@code <main>} holds {@code main}. */
    static void send(HttpExchange exchange, String title, String main) throws IOException {
        byte[] body = ("<!doctype html><html lang=\"en\"><head><title>" + title + "</title></head><body><main>" + main
                        + "</main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }
}
