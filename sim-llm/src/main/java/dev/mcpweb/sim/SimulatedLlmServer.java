package dev.mcpweb.sim;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LLM server for tests, benchmarks and trying mcp-web without a model, on 127.0.0.1. It speaks
 * OpenAI chat completions ({@code /v1/chat/completions}), Anthropic messages ({@code /v1/messages})
 * and Ollama chat ({@code /api/chat}), plain and streamed, closely enough for the real client
 * libraries. It answers with the first sentence of each paragraph of the user message, cut to the
 * requested length; it takes time like a real endpoint (time to first token, time per token, and a
 * limit on concurrent requests beyond which requests queue), to the model's schedule: from the moment a
 * request gets a slot, streamed token {@code i} is sent at {@code ttft + i × perToken} and a plain
 * answer at {@code ttft + n × perToken}, each against an absolute deadline so timer overshoot never
 * adds up; it injects failures when told to, by rate
 * or by a script for the next requests; and it counts what it saw ({@link #stats()},
 * {@link #requests()}).
 */
public final class SimulatedLlmServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedLlmServer.class);
    private static final int MAX_RECORDED = 10_000;

    /**
     * How the server behaves. {@code failRate} is the chance that a request without a scripted fault
     * gets one of {@code randomFaults}; {@code apiKey}, when present, must come with every
     * OpenAI/Anthropic request.
     */
    public record Settings(
            Duration ttft,
            Duration perToken,
            int maxConcurrent,
            double failRate,
            List<Fault> randomFaults,
            long seed,
            Optional<String> apiKey) {
        public Settings {
            randomFaults = List.copyOf(randomFaults);
            if (maxConcurrent < 1 || failRate < 0 || failRate > 1) {
                throw new IllegalArgumentException("maxConcurrent >= 1 and 0 <= failRate <= 1");
            }
        }

        /** No latency, no failures, 64 requests at once. */
        public static Settings instant() {
            return new Settings(
                    Duration.ZERO,
                    Duration.ZERO,
                    64,
                    0,
                    List.of(Fault.rateLimited(Duration.ofSeconds(1)), Fault.serverError()),
                    42,
                    Optional.empty());
        }

        public Settings withLatency(Duration ttft, Duration perToken) {
            return new Settings(ttft, perToken, maxConcurrent, failRate, randomFaults, seed, apiKey);
        }

        public Settings withMaxConcurrent(int max) {
            return new Settings(ttft, perToken, max, failRate, randomFaults, seed, apiKey);
        }

        public Settings withFailures(double rate, List<Fault> faults) {
            return new Settings(ttft, perToken, maxConcurrent, rate, faults, seed, apiKey);
        }

        public Settings withApiKey(String key) {
            return new Settings(ttft, perToken, maxConcurrent, failRate, randomFaults, seed, Optional.of(key));
        }
    }

    /** A failure to inject into one request. */
    public sealed interface Fault {
        /** An HTTP error status, with a {@code Retry-After} hint when present. */
        record Status(int status, Optional<Duration> retryAfter) implements Fault {}

        /** Silence: before the answer (plain) or after the first token (streamed). */
        record Stall(Duration duration) implements Fault {}

        /** The connection drops after {@code tokens} tokens (plain: halfway through the body). */
        record Cut(int tokens) implements Fault {}

        /** A 200 whose JSON is broken. */
        record Malformed() implements Fault {}

        /** A stream that ends cleanly after {@code tokens} tokens, without its final events (plain: no effect). */
        record EndEarly(int tokens) implements Fault {}

        static Fault rateLimited(Duration retryAfter) {
            return new Status(429, Optional.of(retryAfter));
        }

        static Fault serverError() {
            return new Status(500, Optional.empty());
        }

        static Fault status(int status) {
            return new Status(status, Optional.empty());
        }

        static Fault stall(Duration duration) {
            return new Stall(duration);
        }

        static Fault cutAfter(int tokens) {
            return new Cut(tokens);
        }

        static Fault malformed() {
            return new Malformed();
        }

        static Fault endAfter(int tokens) {
            return new EndEarly(tokens);
        }
    }

    /** What the server counted so far; {@code inFlight} includes requests queued behind the limit. */
    public record Stats(
            long requests,
            int inFlight,
            int peakInFlight,
            long inputTokens,
            long outputTokens,
            long aborted,
            long faults) {}

    /** One request as the server saw it, and how it ended ({@code ok}, {@code aborted}, a fault name). */
    public record Recorded(
            long seq,
            String path,
            boolean stream,
            String model,
            String system,
            String user,
            int maxTokens,
            long arrivedNanos,
            String outcome) {}

    private final Settings settings;
    private final ServerSocket listener;
    private final Semaphore slots;
    // Counts input tokens as a gpt-4 class server would (cl100k_base), for the usage figures it reports.
    private final Encoding tokens = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private final Deque<Fault> script = new ArrayDeque<>();
    private final Random random;
    private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<Long, Recorded> recorded = new LinkedHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();
    private final AtomicLong aborted = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final Thread acceptor;

    private SimulatedLlmServer(Settings settings, int port) throws IOException {
        this.settings = settings;
        this.slots = new Semaphore(settings.maxConcurrent(), true);
        this.random = new Random(settings.seed());
        this.listener = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("sim-llm-accept").start(this::acceptLoop);
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static SimulatedLlmServer start(Settings settings) throws IOException {
        return new SimulatedLlmServer(settings, 0);
    }

    /** Starts a server on {@code port} of 127.0.0.1 (0 picks a free one). */
    public static SimulatedLlmServer start(Settings settings, int port) throws IOException {
        return new SimulatedLlmServer(settings, port);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} (Ollama's base URL). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code http://127.0.0.1:PORT/v1}, the base URL for OpenAI and Anthropic clients. */
    public String v1Url() {
        return baseUrl() + "/v1";
    }

    /** The next requests get these faults, in order ({@code null} is not allowed; use a normal request). */
    public void script(Fault... next) {
        synchronized (script) {
            script.addAll(List.of(next));
        }
    }

    public Stats stats() {
        return new Stats(
                requests.get(),
                inFlight.get(),
                peak.get(),
                inputTokens.get(),
                outputTokens.get(),
                aborted.get(),
                faults.get());
    }

    /** The requests seen so far (the most recent {@value #MAX_RECORDED}), in arrival order. */
    public List<Recorded> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded.values());
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.forEach(HttpConnection::close);
        acceptor.interrupt();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread.ofVirtual().name("sim-llm-conn").start(() -> serve(socket));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warn("simulated LLM server: accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (HttpConnection connection = new HttpConnection(socket)) {
            connections.add(connection);
            try {
                while (true) {
                    Optional<HttpConnection.Request> request = connection.next();
                    if (request.isEmpty()
                            || !handle(connection, request.get())
                            || !request.get().keepAlive()) {
                        return;
                    }
                }
            } finally {
                connections.remove(connection);
            }
        } catch (SocketException gone) {
            // the client hung up between requests
        } catch (IOException e) {
            LOG.debug("simulated LLM server: connection failed: {}", e.getMessage());
        }
    }

    /** Answers one request; false when the connection is no longer usable. */
    private boolean handle(HttpConnection connection, HttpConnection.Request request) throws IOException {
        if (request.method().equals("GET")) {
            return getRoute(connection, request);
        }
        Optional<Dialect> dialect = Dialect.forPath(request.path());
        if (dialect.isEmpty() || !request.method().equals("POST")) {
            connection.respond(
                    404,
                    "application/json",
                    Map.of(),
                    Dialect.OPENAI.error(404, "no route " + request.method() + " " + request.path()));
            return true;
        }
        Dialect d = dialect.get();
        Dialect.Prompt prompt;
        try {
            prompt = d.parse(request.body());
        } catch (IOException e) {
            connection.respond(
                    400, "application/json", Map.of(), d.error(400, "cannot parse the request: " + e.getMessage()));
            return true;
        }
        long seq = requests.incrementAndGet();
        long arrived = System.nanoTime();
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        record(new Recorded(
                seq,
                request.path(),
                prompt.stream(),
                prompt.model(),
                prompt.system(),
                prompt.user(),
                prompt.maxTokens(),
                arrived,
                "running"));
        Settlement settlement = new Settlement(seq);
        boolean slot = false;
        try {
            Optional<Fault> fault = nextFault();
            fault.ifPresent(f -> faults.incrementAndGet());
            Optional<String> refused = fault.isPresent() ? Optional.empty() : checkKey(d, request);
            if (refused.isPresent()) {
                connection.beforeLastByte(() -> settlement.settle("401"));
                connection.respond(401, "application/json", Map.of(), d.error(401, refused.get()));
                return true;
            }
            slots.acquire();
            slot = true;
            long admitted = System.nanoTime(); // the latency model's clock starts when a slot is free
            int in = tokens.countTokensOrdinary(prompt.system()) + tokens.countTokensOrdinary(prompt.user());
            inputTokens.addAndGet(in);
            Answer answer = Answer.to(prompt.user(), prompt.maxTokens());
            Call call = new Call(connection, d, prompt, answer, in, seq, fault, admitted);
            String outcome = fault.map(SimulatedLlmServer::name).orElse("ok");
            connection.beforeLastByte(() -> settlement.settle(outcome));
            boolean completed = prompt.stream() ? stream(call) : plain(call);
            return completed && !(fault.orElse(null) instanceof Fault.Cut);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            return false;
        } finally {
            connection.beforeLastByte(() -> {});
            if (slot) {
                slots.release();
            }
            settlement.settle("aborted"); // unless the answer was sent
        }
    }

    /**
     * Ends a request's count once: before the last byte of its answer is sent, or, when the client
     * hung up first, as {@code aborted}. Counting it over any later would let a client that already
     * has its answer start another call while this one still counts, and see the server report more
     * calls at once than the client ever had open.
     */
    private final class Settlement {
        private final long seq;
        private boolean settled;

        Settlement(long seq) {
            this.seq = seq;
        }

        void settle(String outcome) {
            if (settled) {
                return;
            }
            settled = true;
            if (outcome.equals("aborted")) {
                aborted.incrementAndGet();
            }
            inFlight.decrementAndGet();
            finish(seq, outcome);
        }
    }

    /** One chat request being answered; {@code admittedNanos} is when it got a slot. */
    private record Call(
            HttpConnection connection,
            Dialect dialect,
            Dialect.Prompt prompt,
            Answer answer,
            int inputTokens,
            long seq,
            Optional<Fault> fault,
            long admittedNanos) {
        Fault faultOrNull() {
            return fault.orElse(null);
        }

        /** Nanoseconds an injected stall adds to the schedule. */
        long stallNanos() {
            return faultOrNull() instanceof Fault.Stall stall ? stall.duration().toNanos() : 0;
        }
    }

    private boolean plain(Call call) throws IOException {
        HttpConnection connection = call.connection();
        Answer answer = call.answer();
        if (call.faultOrNull() instanceof Fault.Status s) {
            return sendStatus(connection, call.dialect(), s);
        }
        // The whole answer is due ttft + n x perToken after admission (plus any injected stall), on an
        // absolute deadline so that time spent building the answer is not added to the model's.
        long due = call.admittedNanos()
                + call.stallNanos()
                + settings.ttft().toNanos()
                + settings.perToken().toNanos() * answer.tokens().size();
        if (!connection.pauseUntil(due)) {
            return false;
        }
        byte[] body = call.dialect().plain(call.prompt(), answer, call.inputTokens(), call.seq());
        if (!(call.faultOrNull() instanceof Fault.Cut)) {
            outputTokens.addAndGet(answer.tokens().size());
        }
        switch (call.faultOrNull()) {
            case Fault.Malformed m ->
                connection.respond(200, "application/json", Map.of(), Arrays.copyOf(body, body.length / 2));
            case Fault.Cut c -> {
                connection.respondTruncated(200, "application/json", body);
                return true;
            }
            case null, default -> connection.respond(200, "application/json", Map.of(), body);
        }
        return true;
    }

    private boolean stream(Call call) throws IOException {
        HttpConnection connection = call.connection();
        Dialect d = call.dialect();
        Dialect.Prompt prompt = call.prompt();
        long seq = call.seq();
        if (call.faultOrNull() instanceof Fault.Status s) {
            return sendStatus(connection, call.dialect(), s);
        }
        // Token i is due at admission + ttft + i x perToken (after token 0, plus any injected stall):
        // every wait is to an absolute deadline, so a late wake-up is caught up, never accumulated.
        long firstToken = call.admittedNanos() + settings.ttft().toNanos();
        long perToken = settings.perToken().toNanos();
        if (!connection.pauseUntil(firstToken)) {
            return false;
        }
        connection.startChunked(d.streamType());
        for (String event : d.streamStart(prompt, call.inputTokens(), seq)) {
            connection.chunk(event);
        }
        List<String> tokens = call.answer().tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (call.faultOrNull() instanceof Fault.EndEarly end && i == end.tokens()) {
                connection.endChunked();
                return true;
            }
            if (call.faultOrNull() instanceof Fault.Cut cut && i == cut.tokens()) {
                connection.abort();
                return true;
            }
            if (call.faultOrNull() instanceof Fault.Malformed && i == 1) {
                connection.chunk(d.malformedEvent());
            }
            if (i > 0 && !connection.pauseUntil(firstToken + call.stallNanos() + i * perToken)) {
                return false;
            }
            connection.chunk(d.streamToken(prompt, tokens.get(i), seq));
            outputTokens.incrementAndGet();
        }
        if (call.faultOrNull() instanceof Fault.Cut) {
            connection.abort();
            return true;
        }
        for (String event : d.streamEnd(prompt, call.answer(), call.inputTokens(), seq)) {
            connection.chunk(event);
        }
        connection.endChunked();
        return true;
    }

    private static boolean sendStatus(HttpConnection connection, Dialect d, Fault.Status s) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        s.retryAfter().ifPresent(wait -> {
            headers.put("Retry-After", Long.toString(Math.max(0, (wait.toMillis() + 999) / 1000)));
            headers.put("retry-after-ms", Long.toString(wait.toMillis()));
        });
        String message = switch (s.status()) {
            case 429 -> "Rate limit reached (simulated); retry after the Retry-After delay";
            case 404 -> "The model does not exist (simulated)";
            default -> "Simulated failure " + s.status();
        };
        connection.respond(s.status(), "application/json", headers, d.error(s.status(), message));
        return true;
    }

    private Optional<String> checkKey(Dialect d, HttpConnection.Request request) {
        if (settings.apiKey().isEmpty() || d == Dialect.OLLAMA) {
            return Optional.empty();
        }
        String given = d == Dialect.ANTHROPIC
                ? request.header("x-api-key").orElse("")
                : request.header("authorization").orElse("").replaceFirst("(?i)^Bearer ", "");
        // Echo the key as a careless server would, so tests can prove the client never repeats it.
        return given.equals(settings.apiKey().get())
                ? Optional.empty()
                : Optional.of("Incorrect API key provided: " + given);
    }

    private Optional<Fault> nextFault() {
        synchronized (script) {
            if (!script.isEmpty()) {
                return Optional.of(script.poll());
            }
        }
        synchronized (random) {
            if (settings.failRate() > 0
                    && !settings.randomFaults().isEmpty()
                    && random.nextDouble() < settings.failRate()) {
                return Optional.of(settings.randomFaults()
                        .get(random.nextInt(settings.randomFaults().size())));
            }
        }
        return Optional.empty();
    }

    private boolean getRoute(HttpConnection connection, HttpConnection.Request request) throws IOException {
        String body = switch (request.path()) {
            case "/v1/models", "/models" ->
                "{\"object\":\"list\",\"data\":[{\"id\":\"sim\",\"object\":\"model\",\"owned_by\":\"mcp-web\"}]}";
            case "/api/tags" -> "{\"models\":[{\"name\":\"sim\",\"model\":\"sim\"}]}";
            case "/", "/health" -> "{\"status\":\"ok\"}";
            default -> null;
        };
        if (body == null) {
            connection.respond(
                    404, "application/json", Map.of(), Dialect.OPENAI.error(404, "no route " + request.path()));
        } else {
            connection.respond(200, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    private static String name(Fault fault) {
        return switch (fault) {
            case Fault.Status s -> Integer.toString(s.status());
            case Fault.Stall s -> "stall";
            case Fault.Cut c -> "cut";
            case Fault.EndEarly e -> "end-early";
            case Fault.Malformed m -> "malformed";
        };
    }

    private void record(Recorded r) {
        synchronized (recorded) {
            recorded.put(r.seq(), r);
            if (recorded.size() > MAX_RECORDED) {
                recorded.remove(recorded.keySet().iterator().next());
            }
        }
    }

    private void finish(long seq, String outcome) {
        synchronized (recorded) {
            Recorded r = recorded.get(seq);
            if (r != null) {
                recorded.put(
                        seq,
                        new Recorded(
                                r.seq(),
                                r.path(),
                                r.stream(),
                                r.model(),
                                r.system(),
                                r.user(),
                                r.maxTokens(),
                                r.arrivedNanos(),
                                outcome));
            }
        }
    }
}
