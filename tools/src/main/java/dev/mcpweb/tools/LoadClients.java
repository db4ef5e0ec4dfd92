package dev.mcpweb.tools;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clients of {@code bench load}: {@code clients} MCP sessions over Streamable HTTP, each calling
 * {@code summarize_urls} one request after another until {@code requests} are done or the time is up. A
 * request is a page from a small set of hot pages ({@code repeatShare} of them) or a page of its own.
 * When a call sent after the halfway fault finds its session gone (the replica holding it died: HTTP 404),
 * the client starts a new session and sends the request again, as MCP clients must: the request had not
 * run anywhere. A call that was running when the fault hit is not sent again: it counts as failed.
 */
final class LoadClients {
    /** A call's outcome, and the LLM calls the summary cost when it was computed. */
    record Call(String path, double millis, boolean ok, int llmCalls, String error) {}

    /** What the clients saw. {@code restartedSessions} counts the sessions found gone and started again. */
    record Outcome(List<Call> calls, int notRun, int restartedSessions, double wallMillis) {}

    private final URI mcp;
    private final LoadPages pages;
    private final Duration callTimeout;
    /** When the halfway fault hit ({@link System#nanoTime}); none yet. */
    private final AtomicLong faultNanos = new AtomicLong(Long.MAX_VALUE);

    LoadClients(URI mcp, LoadPages pages, Duration callTimeout) {
        this.mcp = mcp;
        this.pages = pages;
        this.callTimeout = callTimeout;
    }

    /** The pages of {@code requests} requests: {@code /hot/N} for repeated ones, {@code /page/RUN-I} otherwise. */
    static List<String> plan(int requests, double repeatShare, int hotPages, String run, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> paths = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            paths.add(
                    random.nextDouble() < repeatShare ? "/hot/" + random.nextInt(hotPages) : "/page/" + run + "-" + i);
        }
        return paths;
    }

    /**
     * Runs {@code paths} over {@code clients} sessions; {@code halfway} runs once, on the thread of the call
     * that completes the first half; nothing new starts after {@code deadlineNanos}.
     */
    Outcome run(List<String> paths, int clients, Runnable halfway, long deadlineNanos) throws InterruptedException {
        List<McpSyncClient> sessions = new ArrayList<>();
        try (ExecutorService opening = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<McpSyncClient>> opened = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                opened.add(opening.submit(this::session));
            }
            for (Future<McpSyncClient> session : opened) {
                sessions.add(session.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not open an MCP session through " + mcp + ": " + e.getCause(), e);
        }
        Call[] calls = new Call[paths.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger restarted = new AtomicInteger();
        int half = Math.max(1, paths.size() / 2);
        long t0 = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (McpSyncClient first : sessions) {
                AtomicReference<McpSyncClient> session = new AtomicReference<>(first);
                workers.submit(() -> {
                    for (int i = next.getAndIncrement();
                            i < paths.size() && System.nanoTime() < deadlineNanos;
                            i = next.getAndIncrement()) {
                        calls[i] = call(session, paths.get(i), restarted);
                        if (completed.incrementAndGet() == half) {
                            faultNanos.set(System.nanoTime());
                            halfway.run();
                        }
                    }
                    session.get().closeGracefully();
                });
            }
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        List<Call> done = Arrays.stream(calls).filter(Objects::nonNull).toList();
        return new Outcome(done, paths.size() - done.size(), restarted.get(), wall);
    }

    private Call call(AtomicReference<McpSyncClient> session, String path, AtomicInteger restarted) {
        McpSchema.CallToolRequest request = new McpSchema.CallToolRequest(
                "summarize_urls", Map.of("urls", List.of(pages.url(path)), "max_length", 60));
        long t0 = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            try {
                McpSchema.CallToolResult result = session.get().callTool(request);
                double millis = (System.nanoTime() - t0) / 1e6;
                if (Boolean.TRUE.equals(result.isError())) {
                    return new Call(path, millis, false, 0, text(result));
                }
                return new Call(path, millis, true, llmCalls(result), "");
            } catch (RuntimeException e) {
                // The session is unusable either way: its replica died, or its stream broke mid-call.
                replace(session);
                if (sessionGone(e) && attempt == 0 && t0 > faultNanos.get()) {
                    restarted.incrementAndGet();
                    continue; // sent after the fault to a session that had gone: it never ran
                }
                return new Call(path, (System.nanoTime() - t0) / 1e6, false, 0, String.valueOf(e.getMessage()));
            }
        }
    }

    private void replace(AtomicReference<McpSyncClient> session) {
        session.getAndSet(null).close();
        session.set(session());
    }

    /** A 404 for the session; the SDK reports it to the waiting call as the session having terminated. */
    private static boolean sessionGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof McpTransportSessionNotFoundException
                    || String.valueOf(t.getMessage()).contains("session with server terminated")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A new session; an initialize that fails is tried twice more (reported on stderr): opening sessions is
     * not what is measured, and one may land on the replica that just died.
     */
    private McpSyncClient session() {
        for (int attempt = 1; ; attempt++) {
            try {
                return initialized();
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.err.println("bench load: initialize failed (" + e.getMessage() + "); trying again");
            }
        }
    }

    private McpSyncClient initialized() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        mcp.resolve("/").toString())
                .endpoint(mcp.getPath())
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(callTimeout)
                .clientInfo(new McpSchema.Implementation("bench-load", "1"))
                .build();
        try {
            client.initialize();
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static int llmCalls(McpSchema.CallToolResult result) {
        return result.structuredContent() instanceof Map<?, ?> content
                        && content.get("stats") instanceof Map<?, ?> stats
                        && stats.get("llm_calls") instanceof Number n
                ? n.intValue()
                : 0;
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .map(c -> c instanceof McpSchema.TextContent t ? t.text() : "")
                .reduce("", String::concat);
    }

    /**
     * The cache's figures per namespace as {@code get_cache_stats} reports them (on Redis: every replica's
     * together): namespace → hit rate.
     */
    Map<String, Double> cacheHitRates() {
        McpSyncClient client = session();
        try {
            McpSchema.CallToolResult stats =
                    client.callTool(new McpSchema.CallToolRequest("get_cache_stats", Map.of()));
            Map<String, Double> rates = new LinkedHashMap<>();
            if (stats.structuredContent() instanceof Map<?, ?> content
                    && content.get("namespaces") instanceof Map<?, ?> namespaces) {
                namespaces.forEach((name, figures) -> rates.put(
                        String.valueOf(name),
                        figures instanceof Map<?, ?> f && f.get("hit_rate") instanceof Number rate
                                ? rate.doubleValue()
                                : 0.0));
            }
            return rates;
        } finally {
            client.closeGracefully();
        }
    }

    /** The calls of a summary of each page when it was computed (0 for pages only ever served from the cache). */
    static Map<String, Integer> llmCallsPerPage(List<Call> calls) {
        Map<String, Integer> perPage = new ConcurrentHashMap<>();
        calls.forEach(c -> perPage.merge(c.path(), c.llmCalls(), Math::max));
        return perPage;
    }

    static Optional<String> firstError(List<Call> calls) {
        return calls.stream().filter(c -> !c.ok()).map(Call::error).findFirst();
    }
}
