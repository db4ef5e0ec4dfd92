package dev.mcpweb.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.mcpweb.cli.Cli;
import dev.mcpweb.cli.ExitCode;
import dev.mcpweb.config.Config;
import dev.mcpweb.hostile.HostilePages;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.server.McpWebServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-web bench hostile}: starts the MCP server over Streamable HTTP on 127.0.0.1 in this JVM,
 * serves adversarial pages on 127.0.0.1, and measures ordinary calls from real MCP client sessions in
 * pairs of phases, several times in one run: alone, then while other sessions send the hostile pages,
 * round after round for as long as the ordinary calls last (so every loaded call is loaded). It reports
 * the ordinary calls' p50/p99 in both phases of each pair and their ratios (the median ratio is the
 * figure: the machine's own load changes between pairs, and falls on both phases of one), every hostile
 * call's outcome (a clear per-source error is fine, a stack trace or a dead server is not), and the
 * server's heap, and the JVM's collector and compilers ({@code bin/mcp-web} starts it with the options of
 * {@code serve}). Bounded in calls and time.
 */
@Command(
        name = "hostile",
        description = "Send adversarial pages to an in-process MCP server (HTTP, 127.0.0.1) while ordinary "
                + "calls run; report the ordinary calls' p50/p99 with and without them, the hostile calls' "
                + "outcomes and the heap.")
final class HostileBenchCommand implements Callable<Integer> {
    /** A Java stack frame or a chained cause: what must never reach a client. */
    private static final Pattern STACK_TRACE =
            Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|Caused by: |\\tat |Exception in thread");

    private static final String SMALL = """
            <html><head><title>Sourdough</title></head><body><article><h1>Sourdough starters</h1>
            <p>A sourdough starter takes about five to seven days to become active enough to bake with.</p>
            <p>Feed it flour and water every day and keep it warm; discard half before each feeding.</p>
            </article></body></html>""";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--ordinary",
            defaultValue = "500",
            description = "Ordinary calls per phase, enough for a p99 (default ${DEFAULT-VALUE}).")
    int ordinary;

    @Option(
            names = "--runs",
            defaultValue = "3",
            description = "Pairs of phases, alone then loaded (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--clients",
            defaultValue = "3",
            description = "MCP sessions sending ordinary calls (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--hostile-rounds",
            defaultValue = "2",
            description = "Least rounds of hostile calls per loaded phase, each every hostile page once; more "
                    + "are sent while the phase's ordinary calls last (default ${DEFAULT-VALUE}).")
    int hostileRounds;

    @Option(
            names = "--text-megabytes",
            defaultValue = "9",
            description = "Size of the huge text page in MB (default ${DEFAULT-VALUE}).")
    int textMegabytes;

    @Option(
            names = "--nested",
            defaultValue = "100000",
            description = "Elements in the deeply nested HTML page (default ${DEFAULT-VALUE}).")
    int nested;

    @Option(
            names = "--pdf-pages",
            defaultValue = "400",
            description = "Pages of the PDF that all draw one stream (default ${DEFAULT-VALUE}).")
    int pdfPages;

    @Option(
            names = "--call-timeout",
            defaultValue = "120",
            description = "Deadline for one MCP call in seconds (default ${DEFAULT-VALUE}).")
    int callTimeoutSeconds;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    /** One hostile page: its path on the page server, its media type, its bytes and the tool that gets it. */
    private record HostilePage(String name, String type, byte[] body, String tool) {}

    /** What one hostile call came back with. */
    private record Outcome(String page, String tool, boolean error, boolean stackTrace, long millis, String message) {}

    private record Latencies(long[] sortedNanos, int failures) {
        int calls() {
            return sortedNanos.length;
        }

        double p50Millis() {
            return percentile(sortedNanos, 50);
        }

        double p99Millis() {
            return percentile(sortedNanos, 99);
        }

        /** Both phases' calls together. */
        Latencies plus(Latencies other) {
            long[] all = java.util.stream.LongStream.concat(
                            java.util.Arrays.stream(sortedNanos), java.util.Arrays.stream(other.sortedNanos))
                    .sorted()
                    .toArray();
            return new Latencies(all, failures + other.failures);
        }
    }

    /** One pair of phases: the ordinary calls alone, then beside the hostile pages. */
    private record Pair(Latencies alone, Latencies loaded) {
        double p50Ratio() {
            return loaded.p50Millis() / alone.p50Millis();
        }

        double p99Ratio() {
            return loaded.p99Millis() / alone.p99Millis();
        }
    }

    private record Heap(long maxBytes, long peakUsedBytes, long peakLiveBytes, long liveAfterGcBytes) {}

    @Override
    public Integer call() throws Exception {
        Cli cli = (Cli) spec.root().userObject();
        Path cacheDir = Files.createTempDirectory("mcp-web-bench-hostile");
        Config config = cli.loadConfig()
                .with(
                        Map.of(
                                "cache.dir", cacheDir.toString(),
                                "fetcher.allowed_hosts", "127.0.0.1/32",
                                "fetcher.respect_robots", "false",
                                // every session of the bench comes from 127.0.0.1, one client to the limiter
                                "server.rate_limit", "0",
                                "summarizer.provider", "extractive"),
                        "bench hostile");
        List<HostilePage> hostile = hostilePages();
        HttpServer pages = pageServer(hostile);
        McpWebServer server = McpWebServer.create(config, meters -> Pipeline.create(config, meters), "bench");
        McpWebServer.HttpEndpoint endpoint = server.serveHttp("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + pages.getAddress().getPort();
        List<McpSyncClient> sessions = new ArrayList<>();
        try (HeapSampler heap = new HeapSampler()) {
            for (int i = 0; i < clients + hostile.size(); i++) {
                sessions.add(session(endpoint.uri()));
            }
            List<McpSyncClient> ordinarySessions = sessions.subList(0, clients);
            List<McpSyncClient> hostileSessions = sessions.subList(clients, sessions.size());
            ordinaryPhase(ordinarySessions, base, "warm", Math.max(clients, ordinary / 3)); // JIT, connections
            heap.reset();
            List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger rounds = new AtomicInteger();
            List<Pair> pairs = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Latencies alone = ordinaryPhase(ordinarySessions, base, "alone-" + run, ordinary);
                Latencies loaded;
                AtomicBoolean ordinaryDone = new AtomicBoolean();
                AtomicBoolean hostileDone = new AtomicBoolean();
                try (ExecutorService attackers = Executors.newVirtualThreadPerTaskExecutor()) {
                    Future<?> attack = attackers.submit(() -> {
                        attack(hostileSessions, hostile, base, rounds, ordinaryDone, outcomes);
                        hostileDone.set(true);
                    });
                    awaitHostileStarted(endpoint.uri(), hostileDone);
                    loaded = ordinaryPhase(ordinarySessions, base, "loaded-" + run, ordinary);
                    ordinaryDone.set(true);
                    attack.get();
                }
                pairs.add(new Pair(alone, loaded));
            }
            boolean alive = serverAnswers(endpoint.uri(), sessions.getFirst());
            report(pairs, rounds.get(), outcomes, heap.finish(), alive);
            boolean clean = alive
                    && outcomes.stream().noneMatch(Outcome::stackTrace)
                    && pairs.stream()
                            .allMatch(
                                    p -> p.alone().failures() == 0 && p.loaded().failures() == 0);
            return clean ? ExitCode.OK : ExitCode.FAILED;
        } finally {
            sessions.forEach(McpSyncClient::closeGracefully);
            endpoint.close();
            server.close();
            pages.stop(0);
            deleteTree(cacheDir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private List<HostilePage> hostilePages() {
        return List.of(
                new HostilePage("spaces", "text/plain", utf8(HostilePages.spacesLine(200_000)), "fetch_url"),
                new HostilePage("emphasis", "text/markdown", utf8(HostilePages.openEmphasis(100_000)), "fetch_url"),
                new HostilePage(
                        "huge-text",
                        "text/plain",
                        utf8(HostilePages.naturalText(textMegabytes << 20, 1)),
                        "summarize_urls"),
                new HostilePage("nested", "text/html", utf8(HostilePages.nestedHtml(nested)), "fetch_url"),
                new HostilePage("pdf", "application/pdf", HostilePages.amplifyingPdf(pdfPages, 16), "fetch_url"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Serves {@code /hostile/NAME/ROUND} and {@code /small/N} on 127.0.0.1. Text pages start with their
     * round, small pages name their path: no call is a cache hit of another's content.
     */
    private static HttpServer pageServer(List<HostilePage> hostile) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            HostilePage page = path.length > 2 && path[1].equals("hostile")
                    ? hostile.stream()
                            .filter(p -> p.name().equals(path[2]))
                            .findFirst()
                            .orElse(null)
                    : null;
            byte[] body = page == null
                    ? utf8(SMALL.replace(
                            "</h1>", "</h1><p>Page " + exchange.getRequestURI().getPath() + ".</p>"))
                    : page.type().equals("application/pdf") ? page.body() : withRound(page.body(), path);
            exchange.getResponseHeaders()
                    .set("Content-Type", page == null ? "text/html; charset=utf-8" : page.type() + "; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static byte[] withRound(byte[] body, String[] path) {
        byte[] round = utf8("round " + (path.length > 3 ? path[3] : "0") + "\n");
        byte[] out = java.util.Arrays.copyOf(round, round.length + body.length);
        System.arraycopy(body, 0, out, round.length, body.length);
        return out;
    }

    private McpSyncClient session(URI mcp) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        mcp.resolve("/").toString())
                .endpoint(mcp.getPath())
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(callTimeoutSeconds))
                .clientInfo(new McpSchema.Implementation("bench-hostile", "1"))
                .build();
        client.initialize();
        return client;
    }

    /**
     * {@code count} ordinary calls spread over the sessions, one in flight per session: fetch_url and
     * summarize_urls of a small page (a new URL each, so no cache hit) and get_cache_stats, in turn.
     */
    private static Latencies ordinaryPhase(List<McpSyncClient> sessions, String base, String phase, int count)
            throws InterruptedException {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (McpSyncClient session : sessions) {
                workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String url = base + "/small/" + phase + "-" + i;
                        McpSchema.CallToolRequest request = switch (i % 3) {
                            case 0 -> new McpSchema.CallToolRequest("fetch_url", Map.of("url", url));
                            case 1 ->
                                new McpSchema.CallToolRequest(
                                        "summarize_urls", Map.of("urls", List.of(url), "max_length", 50));
                            default -> new McpSchema.CallToolRequest("get_cache_stats", Map.of());
                        };
                        long t0 = System.nanoTime();
                        try {
                            if (Boolean.TRUE.equals(session.callTool(request).isError())) {
                                failures.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - t0;
                    }
                });
            }
        }
        java.util.Arrays.sort(nanos);
        return new Latencies(nanos, failures.get());
    }

    /**
     * Every hostile page once per round, each from its own session, all at once; rounds one after
     * another, at least {@code hostileRounds} and on until {@code ordinaryDone}. Rounds are numbered
     * across phases, so that each asks for new URLs.
     */
    private void attack(
            List<McpSyncClient> sessions,
            List<HostilePage> hostile,
            String base,
            AtomicInteger rounds,
            AtomicBoolean ordinaryDone,
            List<Outcome> outcomes) {
        for (int round = 0; round < hostileRounds || !ordinaryDone.get(); round++) {
            int r = rounds.getAndIncrement();
            try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < hostile.size(); i++) {
                    HostilePage page = hostile.get(i);
                    McpSyncClient session = sessions.get(i);
                    calls.submit(
                            () -> outcomes.add(hostileCall(session, page, base + "/hostile/" + page.name() + "/" + r)));
                }
            }
        }
    }

    private static Outcome hostileCall(McpSyncClient session, HostilePage page, String url) {
        Map<String, Object> arguments = page.tool().equals("summarize_urls")
                ? Map.of("urls", List.of(url), "max_length", 100)
                : Map.of("url", url);
        long t0 = System.nanoTime();
        String text;
        boolean error;
        try {
            McpSchema.CallToolResult result = session.callTool(new McpSchema.CallToolRequest(page.tool(), arguments));
            Object failures = result.structuredContent() instanceof Map<?, ?> m ? m.get("failures") : null;
            error = Boolean.TRUE.equals(result.isError()) || (failures instanceof List<?> l && !l.isEmpty());
            String content = result.content().stream()
                    .map(c -> c instanceof McpSchema.TextContent t ? t.text() : "")
                    .collect(java.util.stream.Collectors.joining(" "));
            // a source's failure inside a successful summary is in structuredContent, not in the text
            text = failures instanceof List<?> l && !l.isEmpty() ? l + " " + content : content;
        } catch (RuntimeException e) {
            text = "call failed: " + e;
            error = true;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Outcome(
                page.name(), page.tool(), error, STACK_TRACE.matcher(text).find(), millis, gist(text));
    }

    /** The error message, or the first words of the answer, on one short line. */
    private static String gist(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    /** Waits (at most 30 s) until {@code /health} shows the CPU threads at work, so the loaded phase is loaded. */
    private static void awaitHostileStarted(URI mcp, AtomicBoolean done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ObjectMapper json = new ObjectMapper();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < until && !done.get()) {
                String health = http.send(
                                HttpRequest.newBuilder(mcp.resolve("/health")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                if (json.readTree(health).path("cpu_busy").asInt() > 0) {
                    return;
                }
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // poll interval
            }
        }
    }

    /** After the hostile load: does {@code /health} answer and does a tool call still work? */
    private static boolean serverAnswers(URI mcp, McpSyncClient session) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(mcp.resolve("/health"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            McpSchema.CallToolResult stats =
                    session.callTool(new McpSchema.CallToolRequest("get_cache_stats", Map.of()));
            return health.statusCode() == 200 && !Boolean.TRUE.equals(stats.isError());
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /**
     * The heap of this JVM, which is the server's: the peak used (sampled every 20 ms) and the peak live
     * (the heap pools' usage after their latest collection), then the live heap after a full GC.
     */
    private static final class HeapSampler implements AutoCloseable {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private final Thread sampler =
                Thread.ofPlatform().daemon().name("heap-sampler").start(this::sample);

        void reset() {
            ManagementFactory.getMemoryMXBean().gc();
            peakUsed.set(0);
            peakLive.set(0);
        }

        private void sample() {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                long live = pools.stream()
                        .filter(p -> p.getCollectionUsage() != null)
                        .mapToLong(p -> p.getCollectionUsage().getUsed())
                        .sum();
                peakLive.accumulateAndGet(live, Math::max);
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }

        Heap finish() {
            close();
            ManagementFactory.getMemoryMXBean().gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return new Heap(heap.getMax(), peakUsed.get(), peakLive.get(), heap.getUsed());
        }

        @Override
        public void close() {
            sampler.interrupt();
        }
    }

    private void report(List<Pair> pairs, int rounds, List<Outcome> outcomes, Heap heap, boolean alive)
            throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Pair all = pairs.stream()
                .reduce((a, b) -> new Pair(a.alone().plus(b.alone()), a.loaded().plus(b.loaded())))
                .orElseThrow();
        double medianP50 =
                Stats.median(pairs.stream().mapToDouble(Pair::p50Ratio).toArray());
        double medianP99 =
                Stats.median(pairs.stream().mapToDouble(Pair::p99Ratio).toArray());
        long stackTraces = outcomes.stream().filter(Outcome::stackTrace).count();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode().put("benchmark", "hostile");
            ObjectNode ordinaryNode = root.putObject("ordinary");
            phase(ordinaryNode.putObject("alone"), all.alone());
            phase(ordinaryNode.putObject("loaded"), all.loaded());
            ordinaryNode.put("p50_ratio", all.p50Ratio()).put("p99_ratio", all.p99Ratio());
            ordinaryNode.put("median_p50_ratio", medianP50).put("median_p99_ratio", medianP99);
            ArrayNode runsNode = ordinaryNode.putArray("runs");
            for (Pair pair : pairs) {
                ObjectNode run = runsNode.addObject();
                phase(run.putObject("alone"), pair.alone());
                phase(run.putObject("loaded"), pair.loaded());
                run.put("p50_ratio", pair.p50Ratio()).put("p99_ratio", pair.p99Ratio());
            }
            root.put("hostile_rounds", rounds);
            ArrayNode hostileNode = root.putArray("hostile");
            outcomes.forEach(o -> hostileNode
                    .addObject()
                    .put("page", o.page())
                    .put("tool", o.tool())
                    .put("error", o.error())
                    .put("stack_trace", o.stackTrace())
                    .put("ms", o.millis())
                    .put("message", o.message()));
            root.putObject("heap")
                    .put("max_bytes", heap.maxBytes())
                    .put("peak_used_bytes", heap.peakUsedBytes())
                    .put("peak_live_bytes", heap.peakLiveBytes())
                    .put("live_after_gc_bytes", heap.liveAfterGcBytes());
            root.put("jvm", jvm());
            root.put("stack_traces", stackTraces).put("server_alive", alive);
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.printf(
                    Locale.ROOT,
                    "hostile: %d runs of %d ordinary calls per phase from %d MCP sessions over HTTP, alone then "
                            + "loaded (%d hostile rounds in all)%n",
                    pairs.size(),
                    ordinary,
                    clients,
                    rounds);
            out.printf(
                    Locale.ROOT,
                    "  %-6s %10s %10s %7s %10s %10s %7s%n",
                    "run",
                    "p50 alone",
                    "loaded",
                    "ratio",
                    "p99 alone",
                    "loaded",
                    "ratio");
            for (int i = 0; i < pairs.size(); i++) {
                row(out, String.valueOf(i + 1), pairs.get(i));
            }
            row(out, "all", all);
            out.printf(Locale.ROOT, "  median ratio over runs: p50 %.2fx, p99 %.2fx%n", medianP50, medianP99);
            out.printf(
                    Locale.ROOT,
                    "  failures: %d alone, %d loaded%n",
                    all.alone().failures(),
                    all.loaded().failures());
            out.printf(Locale.ROOT, "hostile calls, per page:%n");
            Map<String, List<Outcome>> byPage = new java.util.LinkedHashMap<>();
            outcomes.forEach(o -> byPage.computeIfAbsent(o.page() + " " + o.tool(), k -> new ArrayList<>())
                    .add(o));
            byPage.forEach((page, list) -> {
                long[] millis =
                        list.stream().mapToLong(Outcome::millis).sorted().toArray();
                Outcome last = list.getLast();
                out.printf(
                        Locale.ROOT,
                        "  %-24s %3d calls, %3d errors, %s%6d ms median, %6d ms max  %s%n",
                        page,
                        list.size(),
                        list.stream().filter(Outcome::error).count(),
                        list.stream().anyMatch(Outcome::stackTrace) ? "STACK TRACE " : "",
                        millis[millis.length / 2],
                        millis[millis.length - 1],
                        last.message());
            });
            out.printf(
                    Locale.ROOT,
                    "heap: max %d MB, peak used %d MB, peak live %d MB, live after GC %d MB%n",
                    heap.maxBytes() >> 20,
                    heap.peakUsedBytes() >> 20,
                    heap.peakLiveBytes() >> 20,
                    heap.liveAfterGcBytes() >> 20);
            out.printf(Locale.ROOT, "jvm: %s%n", jvm());
            out.printf(Locale.ROOT, "stack traces: %d; server alive after: %s%n", stackTraces, alive ? "yes" : "NO");
        }
        out.flush();
    }

    /**
     * This JVM's collectors and compilers, which are the server's: {@code bin/mcp-web} gives the bench the
     * options of {@code serve} (SerialGC, C1 only), so that it measures the server as users start it.
     */
    private static String jvm() {
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName)
                .collect(java.util.stream.Collectors.joining(", "));
        String level = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                .getVMOption("TieredStopAtLevel")
                .getValue();
        return collectors + "; " + (level.equals("1") ? "C1 only" : "JIT up to tier " + level);
    }

    private static void row(PrintWriter out, String name, Pair pair) {
        out.printf(
                Locale.ROOT,
                "  %-6s %7.1f ms %7.1f ms %6.2fx %7.1f ms %7.1f ms %6.2fx%n",
                name,
                pair.alone().p50Millis(),
                pair.loaded().p50Millis(),
                pair.p50Ratio(),
                pair.alone().p99Millis(),
                pair.loaded().p99Millis(),
                pair.p99Ratio());
    }

    private static void phase(ObjectNode node, Latencies l) {
        node.put("calls", l.calls())
                .put("failures", l.failures())
                .put("p50_ms", l.p50Millis())
                .put("p99_ms", l.p99Millis());
    }
}
