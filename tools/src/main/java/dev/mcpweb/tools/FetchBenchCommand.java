package dev.mcpweb.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.mcpweb.cli.Cli;
import dev.mcpweb.cli.ExitCode;
import dev.mcpweb.config.Config;
import dev.mcpweb.config.FetcherConfig;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.Fetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-web bench fetch}: fetches pages from HTTP servers on 127.0.0.1 with as many workers as
 * {@code fetcher.max_concurrent}, through the whole fetcher (guard, robots, limits, body reading), and
 * reports pages per second and p50/p99 latency, the median of several rounds after two warm-up rounds.
 */
@Command(
        name = "fetch",
        description = "Fetch pages from loopback servers at the configured concurrency; "
                + "report pages/s and p50/p99 latency (median of rounds).")
final class FetchBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pages", defaultValue = "400", description = "Pages per round (default ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--hosts",
            defaultValue = "4",
            description = "Loopback servers (distinct host:port, so the per-host limit applies to each; "
                    + "default ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--page-size", defaultValue = "16384", description = "Bytes per page (default ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    private record Round(double pagesPerSecond, double p50Millis, double p99Millis, int failures) {}

    @Override
    public Integer call() throws Exception {
        Cli cli = (Cli) spec.root().userObject();
        Config config = cli.loadConfig().with(Map.of("fetcher.allowed_hosts", "127.0.0.1/32"), "bench fetch");
        FetcherConfig fc = config.fetcher();
        byte[] page = page(pageSize);
        List<HttpServer> servers = new ArrayList<>();
        try (ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
                Fetcher fetcher = Fetcher.create(config)) {
            List<String> bases = new ArrayList<>();
            for (int i = 0; i < hosts; i++) {
                HttpServer server = server(page, serverThreads);
                servers.add(server);
                bases.add("http://127.0.0.1:" + server.getAddress().getPort());
            }
            int workers = fc.maxConcurrent();
            for (int w = 0; w < 2; w++) {
                round(fetcher, bases, pages, workers); // warm-up: JIT, connections, robots.txt
            }
            List<Round> measured = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                measured.add(round(fetcher, bases, pages, workers));
            }
            report(fc, measured);
            return measured.stream().allMatch(r -> r.failures() == 0) ? ExitCode.OK : ExitCode.FAILED;
        } finally {
            servers.forEach(s -> s.stop(0));
        }
    }

    private static HttpServer server(byte[] page, ExecutorService threads) throws IOException {
        // Without TCP_NODELAY the JDK server's header and body writes meet delayed ACKs: ~40 ms a page.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            boolean robots = exchange.getRequestURI().getPath().equals("/robots.txt");
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(robots ? 404 : 200, robots ? -1 : page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!robots) {
                    out.write(page);
                }
            }
        });
        server.start();
        return server;
    }

    private static Round round(Fetcher fetcher, List<String> bases, int count, int workers)
            throws InterruptedException {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String url = bases.get(i % bases.size()) + "/page/" + i;
                        long t0 = System.nanoTime();
                        FetchOutcome outcome = fetcher.fetch(url);
                        latencies[i] = System.nanoTime() - t0;
                        if (!(outcome instanceof FetchOutcome.Fetched)) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Round(count / seconds, percentile(latencies, 50), percentile(latencies, 99), failures.get());
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> f) {
        double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private void report(FetcherConfig fc, List<Round> measured) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        double pps = median(measured, Round::pagesPerSecond);
        double p50 = median(measured, Round::p50Millis);
        double p99 = median(measured, Round::p99Millis);
        int failures = measured.stream().mapToInt(Round::failures).sum();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode()
                    .put("benchmark", "fetch")
                    .put("pages_per_round", pages)
                    .put("page_bytes", pageSize)
                    .put("hosts", hosts)
                    .put("max_concurrent", fc.maxConcurrent())
                    .put("max_per_host", fc.maxPerHost())
                    .put("pages_per_second", pps)
                    .put("p50_ms", p50)
                    .put("p99_ms", p99)
                    .put("failures", failures);
            ArrayNode rounds = root.putArray("rounds");
            measured.forEach(r -> rounds.addObject()
                    .put("pages_per_second", r.pagesPerSecond())
                    .put("p50_ms", r.p50Millis())
                    .put("p99_ms", r.p99Millis()));
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.printf(
                    Locale.ROOT,
                    "fetch: %d pages of %d bytes per round from %d loopback hosts, %d workers "
                            + "(fetcher.max_concurrent=%d, max_per_host=%d)%n",
                    pages,
                    pageSize,
                    hosts,
                    fc.maxConcurrent(),
                    fc.maxConcurrent(),
                    fc.maxPerHost());
            for (int i = 0; i < measured.size(); i++) {
                Round r = measured.get(i);
                out.printf(
                        Locale.ROOT,
                        "  round %d: %8.0f pages/s  p50 %6.2f ms  p99 %6.2f ms%n",
                        i + 1,
                        r.pagesPerSecond(),
                        r.p50Millis(),
                        r.p99Millis());
            }
            out.printf(
                    Locale.ROOT,
                    "median of %d rounds: %.0f pages/s, p50 %.2f ms, p99 %.2f ms, %d failures%n",
                    measured.size(),
                    pps,
                    p50,
                    p99,
                    failures);
        }
        out.flush();
    }

    private static byte[] page(int size) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>bench</title></head><body>");
        while (html.length() < size - 20) {
            html.append("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n");
        }
        html.setLength(Math.max(0, size - 14));
        html.append("</body></html>");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }
}
