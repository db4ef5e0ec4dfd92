package dev.mcpweb.tools;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The clients of {@code bench load}: {@code clients} MCP sessions over Streamable HTTP, each calling
 * {@code summarize_urls} one request after another until {@code requests} are done or the time is up. A
 * request is a page from a small set of hot pages ({@code repeatShare} of them) or a page of its own.
 * When a call sent after the halfway fault finds its session gone (the replica holding it died: HTTP 404),
 * the client starts a new session and sends the request again, as MCP clients must: the request had not
 * run anywhere. A call in flight when the fault hit that the fault cut (no answer, or its session gone) is
 * sent once more on a new session, as an agent would resend a read-only call; it counts as cut, and as
 * retried ok or failed. The calls in flight are counted here, on the client side, at the fault: a replica's
 * own count misses the calls still on their way to it.
 */
final class LoadClients {
    /**
     * A call's outcome, the LLM calls the summary cost when it was computed, and whether it was sent again
     * on a new session after its first attempt failed for want of its replica.
     */
    record Call(String path, double millis, boolean ok, int llmCalls, String error, boolean retried) {}

    /** When a call ran, seen from the halfway fault. */
    enum Phase {
        BEFORE,
        IN_FLIGHT,
        AFTER
    }

    /**
     * What the clients saw. {@code restartedSessions} counts the sessions found gone and started again;
     * {@code phases} says, call by call, whether it ended before the fault, was in flight at it, or started
     * after it (all {@code BEFORE} when there was no fault).
     */
    record Outcome(List<Call> calls, List<Phase> phases, int notRun, int restartedSessions, double wallMillis) {
        /** The calls of {@code phase}: how many, how many were sent again, ok when sent again, failed. */
        Tally tally(Phase phase) {
            int count = 0, retried = 0, retriedOk = 0, failed = 0;
            for (int i = 0; i < calls.size(); i++) {
                if (phases.get(i) == phase) {
                    Call c = calls.get(i);
                    count++;
                    retried += c.retried() ? 1 : 0;
                    retriedOk += c.ok() && c.retried() ? 1 : 0;
                    failed += c.ok() ? 0 : 1;
                }
            }
            return new Tally(count, retried, retriedOk, failed);
        }
    }

    /** Calls of one phase: how many, how many were sent again on a new session, of those ok, and failed. */
    record Tally(int calls, int retried, int retriedOk, int failed) {}

    private final URI mcp;
    private final LoadPages pages;
    private final Duration callTimeout;
    /** When the halfway fault hit ({@link System#nanoTime}); none yet. */
    private final AtomicLong faultNanos = new AtomicLong(Long.MAX_VALUE);
    /** The calls sent and not yet answered, by index. */
    private final Set<Integer> inFlight = ConcurrentHashMap.newKeySet();
    /** The calls in flight when the fault hit: empty until it does. */
    private volatile Set<Integer> inFlightAtFault = Set.of();
    /**
     * Calls start under the read side; the halfway fault runs under the write side, so no call starts
     * between the count of those in flight and the fault itself.
     */
    private final ReentrantReadWriteLock faultLock = new ReentrantReadWriteLock();
    /** Per call index: whether it started after the fault (a call writes only its own slot). */
    private boolean[] startedAfterFault = new boolean[0];

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
     * Counts the calls in flight now as those the fault hits: {@code halfway} calls it right before the
     * fault. Returns their number.
     */
    int faultHits() {
        inFlightAtFault = Set.copyOf(inFlight);
        faultNanos.set(System.nanoTime());
        return inFlightAtFault.size();
    }

    /**
     * Runs {@code paths} over {@code clients} sessions; {@code halfway} runs once, on the thread of the call
     * that completes the first half, while no call starts; nothing new starts after {@code deadlineNanos}.
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
        startedAfterFault = new boolean[paths.size()];
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
                        calls[i] = call(i, session, paths.get(i), restarted);
                        if (completed.incrementAndGet() == half) {
                            faultLock.writeLock().lock();
                            try {
                                halfway.run();
                            } finally {
                                faultLock.writeLock().unlock();
                            }
                        }
                    }
                    McpSyncClient last = session.get();
                    if (last != null) {
                        last.closeGracefully();
                    }
                });
            }
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        List<Call> done = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < calls.length; i++) {
            if (calls[i] != null) {
                done.add(calls[i]);
                phases.add(
                        inFlightAtFault.contains(i)
                                ? Phase.IN_FLIGHT
                                : startedAfterFault[i] ? Phase.AFTER : Phase.BEFORE);
            }
        }
        return new Outcome(done, phases, paths.size() - done.size(), restarted.get(), wall);
    }

    private Call call(int index, AtomicReference<McpSyncClient> session, String path, AtomicInteger restarted) {
        McpSchema.CallToolRequest request = new McpSchema.CallToolRequest(
                "summarize_urls", Map.of("urls", List.of(pages.url(path)), "max_length", 60));
        faultLock.readLock().lock();
        long t0;
        try {
            inFlight.add(index);
            t0 = System.nanoTime();
            startedAfterFault[index] = t0 > faultNanos.get();
        } finally {
            faultLock.readLock().unlock();
        }
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    McpSchema.CallToolResult result = session.get().callTool(request);
                    double millis = (System.nanoTime() - t0) / 1e6;
                    if (Boolean.TRUE.equals(result.isError())) {
                        return new Call(path, millis, false, 0, text(result), attempt > 0);
                    }
                    return new Call(path, millis, true, llmCalls(result), "", attempt > 0);
                } catch (RuntimeException e) {
                    // The session is unusable either way: its replica died, or its stream broke mid-call.
                    try {
                        replace(session);
                    } catch (RuntimeException opening) {
                        // no new session now: this call fails, and the client's next call tries again
                        return new Call(
                                path,
                                (System.nanoTime() - t0) / 1e6,
                                false,
                                0,
                                "no new session after " + e.getMessage() + ": " + opening.getMessage(),
                                attempt > 0);
                    }
                    if (attempt == 0 && startedAfterFault[index] && sessionGone(e)) {
                        restarted.incrementAndGet();
                        continue; // sent after the fault to a session that had gone: it never ran
                    }
                    if (attempt == 0 && inFlightAtFault.contains(index)) {
                        continue; // cut by the fault: sent once more, as an agent would resend a read-only call
                    }
                    return new Call(
                            path,
                            (System.nanoTime() - t0) / 1e6,
                            false,
                            0,
                            String.valueOf(e.getMessage()),
                            attempt > 0);
                }
            }
        } finally {
            inFlight.remove(index);
        }
    }

    /** Closes the session (none when opening the last one failed) and opens a new one. */
    private void replace(AtomicReference<McpSyncClient> session) {
        McpSyncClient old = session.getAndSet(null);
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException e) {
                // The SDK's close() throws a NullPointerException for a client whose session was invalidated
                // on a 404 and whose re-initialization failed: that session is gone either way.
                System.err.println("bench load: closing a dead session: " + e);
            }
        }
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
