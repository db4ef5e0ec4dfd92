package dev.mcpweb.fetch;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.FetcherConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The steps of the fetch chain built one by one as the {@link Fetcher} builds them, over a guarded client
 * whose allow-list opens 127.0.0.1 only, for tests of each step on its own against a real server on
 * 127.0.0.1, started here and stopped by {@link #close()}.
 */
final class FetchSteps implements AutoCloseable {
    final MockWebServer server = new MockWebServer();
    final FetcherConfig config;
    final UrlGuard guard;
    final OkHttpClient client;

    FetchSteps(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of(
                "fetcher.allowed_hosts", "127.0.0.1/32", "fetcher.respect_robots", "false", "fetcher.timeout", "10s"));
        all.putAll(overrides);
        this.config = Config.defaults().with(all).fetcher();
        this.guard = new UrlGuard(config.allowedHosts());
        this.client = Fetcher.client(config, guard, new GuardedDns(guard, Dns.SYSTEM));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GuardedExchange exchange() {
        return new GuardedExchange(
                config, client, new HostLimiter(config.maxConcurrent(), config.maxPerHost()), Optional.empty());
    }

    Retries retries() {
        return new Retries(config, exchange());
    }

    Redirects redirects() {
        return new Redirects(guard, config.maxRedirects(), retries());
    }

    Revalidation revalidation(ResponseStore store) {
        return new Revalidation(store, redirects());
    }

    static long deadline() {
        return System.nanoTime() + Duration.ofSeconds(10).toNanos();
    }

    /** The server's URL by its literal address (MockWebServer's own URLs say "localhost"). */
    HttpUrl url(String path) {
        return HttpUrl.get("http://127.0.0.1:" + server.getPort() + path);
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        server.close();
    }
}
