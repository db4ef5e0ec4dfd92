package dev.mcpweb.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.mcpweb.config.BaseUrl;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The HTTP transport under the LangChain4j clients, on OkHttp. LangChain4j's own JDK client cannot do
 * three things this layer needs: abort a request when the calling thread is interrupted (its streams
 * run on the client's executor with no handle), time out a stream that goes silent (the JDK timeout
 * stops at the response headers), and show {@code Retry-After} (its {@code HttpException} drops the
 * headers). Here every exchange runs on its own virtual thread while the caller waits; an interrupt
 * cancels the OkHttp call, which closes the socket; the read timeout of streamed calls is the idle
 * timeout; and a failed status becomes an {@link HttpFailure} carrying the status and the hint.
 */
final class LlmHttpTransport implements HttpClient {
    private static final int MAX_ERROR_BODY = 16 * 1024;
    /** Chat answers are kilobytes; a body beyond this is a broken or hostile server. */
    private static final long MAX_BODY = 16L * 1024 * 1024;

    private final OkHttpClient plain;
    private final OkHttpClient streaming;
    private final Redactor redactor;
    private final BaseUrl baseUrl;
    private final Duration timeout;
    private final Duration idleTimeout;

    LlmHttpTransport(OkHttpClient base, BaseUrl baseUrl, Duration timeout, Duration idleTimeout, Redactor redactor) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.idleTimeout = idleTimeout;
        this.plain = base.newBuilder()
                .callTimeout(timeout)
                .readTimeout(timeout)
                .retryOnConnectionFailure(false)
                .build();
        this.streaming = plain.newBuilder().readTimeout(idleTimeout).build();
        this.redactor = redactor;
    }

    /** A builder LangChain4j model builders accept; it hands out this one transport. */
    HttpClientBuilder asBuilder() {
        LlmHttpTransport self = this;
        return new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return Duration.ofMillis(plain.connectTimeoutMillis());
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                return this;
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofMillis(plain.readTimeoutMillis());
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                return this;
            }

            @Override
            public HttpClient build() {
                return self;
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        return await(plain.newCall(toOkHttp(request)), false, () -> {}, call -> {
            try (Response response = call.execute()) {
                if (!response.isSuccessful()) {
                    throw failure(response);
                }
                if (response.body().source().request(MAX_BODY + 1)) {
                    throw HttpFailure.io("an answer larger than " + MAX_BODY / (1024 * 1024) + " MiB", null);
                }
                return SuccessfulHttpResponse.builder()
                        .statusCode(response.code())
                        .headers(response.headers().toMultimap())
                        .body(response.body().string())
                        .build();
            }
        });
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        OnceListener once = new OnceListener(listener);
        try {
            await(streaming.newCall(toOkHttp(request)), true, once::cancel, call -> {
                try (Response response = call.execute()) {
                    if (!response.isSuccessful()) {
                        throw failure(response);
                    }
                    once.onOpen(SuccessfulHttpResponse.builder()
                            .statusCode(response.code())
                            .headers(response.headers().toMultimap())
                            .build());
                    parser.parse(response.body().byteStream(), once);
                    once.onClose();
                    return null;
                }
            });
        } catch (HttpFailure e) {
            once.onError(e);
        } finally {
            once.done();
        }
    }

    void shutdown() {
        plain.dispatcher().executorService().shutdown();
        plain.connectionPool().evictAll();
    }

    private interface Exchange<T> {
        T run(Call call) throws IOException;
    }

    private <T> T await(Call call, boolean streamed, Runnable onCancel, Exchange<T> exchange) {
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw HttpFailure.cancelled();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread io = Thread.ofVirtual().name("llm-http").start(() -> {
            try {
                result.complete(exchange.run(call));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            onCancel.run();
            call.cancel();
            joinQuietly(io);
            Thread.currentThread().interrupt();
            throw HttpFailure.cancelled();
        } catch (ExecutionException e) {
            throw translate(e.getCause(), streamed);
        }
    }

    private static void joinQuietly(Thread io) {
        boolean interrupted = false;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (io.isAlive() && System.nanoTime() < end) {
            try {
                io.join(Duration.ofMillis(50));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private RuntimeException translate(Throwable t, boolean streamed) {
        if (t instanceof Error e) {
            throw e;
        }
        return switch (t) {
            case HttpFailure f -> f;
            case SocketTimeoutException e
            when String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect") ->
                HttpFailure.io("cannot connect (timed out)", e);
            case SocketTimeoutException e
            when streamed ->
                HttpFailure.io(
                        "the stream was silent for " + seconds(idleTimeout) + " (MCP_WEB_SUMMARIZER_IDLE_TIMEOUT)", e);
            case InterruptedIOException e ->
                HttpFailure.io("no answer within " + seconds(timeout) + " (MCP_WEB_SUMMARIZER_TIMEOUT)", e);
            case ConnectException e -> HttpFailure.io("cannot connect (" + e.getMessage() + ")", e);
            case IOException e -> HttpFailure.io("connection failed (" + e.getMessage() + ")", e);
            case RuntimeException e -> e;
            default -> new IllegalStateException(t);
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private HttpFailure failure(Response response) throws IOException {
        String body = response.peekBody(MAX_ERROR_BODY).string();
        return HttpFailure.status(response.code(), redactor.redact(body), retryAfter(response));
    }

    /** {@code retry-after-ms} (OpenAI), else {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(Response response) {
        String ms = response.header("retry-after-ms");
        if (ms != null) {
            try {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(ms.strip())));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }

    /** LangChain4j's request, with the base URL's query parameters (an {@code api_key=…}) added. */
    private Request toOkHttp(HttpRequest request) {
        HttpUrl url = HttpUrl.get(request.url());
        if (!baseUrl.query().isEmpty()) {
            String query = url.encodedQuery() == null ? baseUrl.query() : url.encodedQuery() + "&" + baseUrl.query();
            url = url.newBuilder().encodedQuery(query).build();
        }
        Request.Builder builder = new Request.Builder().url(url);
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.addHeader(name, value));
            }
        });

        RequestBody body = request.body() == null
                ? null
                : RequestBody.create(request.body(), MediaType.get("application/json; charset=utf-8"));
        if (body == null && request.method().name().equals("POST")) {
            body = RequestBody.create(new byte[0]);
        }
        return builder.method(request.method().name(), body).build();
    }

    /**
     * Passes events on until the exchange ends, at most one error and no close after an error, so
     * LangChain4j never completes a stream that failed or hears from a call the caller gave up on.
     */
    private final class OnceListener implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private final AtomicBoolean finished = new AtomicBoolean();

        OnceListener(ServerSentEventListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            if (!finished.get()) {
                delegate.onOpen(response);
            }
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (!finished.get()) {
                try {
                    delegate.onEvent(event, context);
                } catch (RuntimeException unreadable) {
                    // LangChain4j would log and skip the event, losing its text: fail the stream instead.
                    context.parsingHandle().cancel();
                    onError(unreadable);
                }
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            if (!finished.get()) {
                try {
                    delegate.onEvent(event);
                } catch (RuntimeException unreadable) {
                    onError(unreadable);
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            if (finished.compareAndSet(false, true)) {
                delegate.onError(error instanceof IOException io ? translate(io, true) : error);
            }
        }

        @Override
        public void onClose() {
            if (finished.compareAndSet(false, true)) {
                delegate.onClose();
            }
        }

        void cancel() {
            if (finished.compareAndSet(false, true)) {
                delegate.onError(HttpFailure.cancelled());
            }
        }

        void done() {
            finished.set(true);
        }
    }
}
