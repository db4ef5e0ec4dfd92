package dev.mcpweb.fetch;

import dev.mcpweb.config.FetcherConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One request to one URL, the innermost step of the fetch chain: it waits for a global and a per-host
 * slot, asks robots.txt, sends the request on the guarded client (its DNS and sockets check every
 * address) and reads the answer into a {@link Hop}, refusing unaccepted types and oversized bodies.
 * It neither retries nor follows redirects.
 */
final class GuardedExchange {
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/markdown;q=0.9,"
            + "text/plain;q=0.8,application/json;q=0.8,application/pdf;q=0.8,*/*;q=0.1";
    private static final String ACCEPT_ENCODING = "gzip, deflate, br";

    private final FetcherConfig config;
    private final Call.Factory client;
    private final HostLimiter limiter;
    private final Optional<RobotsPolicy> robots;
    private final BodyReader bodies;

    GuardedExchange(FetcherConfig config, Call.Factory client, HostLimiter limiter, Optional<RobotsPolicy> robots) {
        this.config = config;
        this.client = client;
        this.limiter = limiter;
        this.robots = robots;
        this.bodies = new BodyReader(config.maxBodySize(), config.maxDecompressedSize());
    }

    /**
     * Sends one request for {@code url}, conditional on {@code validate}'s validators when present;
     * throws what the connection threw (the guard's refusals among them, as {@link BlockedException}).
     */
    Hop exchange(String source, HttpUrl url, Optional<ResponseStore.StoredResponse> validate, long deadline)
            throws IOException, InterruptedException {
        Optional<HostLimiter.Permit> permit = limiter.acquire(url.host() + ":" + url.port(), deadline);
        if (permit.isEmpty()) {
            return stop(new FetchOutcome.Failed(
                    source, 0, TimedOut.message(config.timeout(), url, "waiting for a free connection slot")));
        }
        try (HostLimiter.Permit held = permit.get()) {
            if (robots.isPresent()) {
                Optional<Refusal> refusal = robots.get().check(url, deadline);
                if (refusal.isPresent()) {
                    return stop(refusal.get().toOutcome(source));
                }
            }
            Call call = client.newCall(request(url, validate));
            call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                return read(source, url, response);
            }
        }
    }

    private Hop read(String source, HttpUrl url, Response response) throws IOException {
        int code = response.code();
        String location = response.header("Location");
        if (response.isRedirect() && location != null) {
            return new Hop.Redirect(code, location);
        }
        if (code == 304) {
            return new Hop.NotModified(response.headers());
        }
        if (code < 200 || code >= 300) {
            String reason = response.message().isBlank() ? "" : " " + response.message();
            FetchOutcome.Failed failed =
                    new FetchOutcome.Failed(source, code, "HTTP " + code + reason + " from " + url);
            return code == 429 || code >= 500
                    ? new Hop.Retryable(code, Optional.ofNullable(response.header("Retry-After")), failed)
                    : stop(failed);
        }
        MediaType mediaType = MediaType.parse(
                Optional.ofNullable(response.header("Content-Type")).orElse(""));
        Optional<String> declared =
                Optional.ofNullable(mediaType).map(m -> (m.type() + "/" + m.subtype()).toLowerCase(Locale.ROOT));
        if (declared.isPresent() && !ContentTypes.accepted(declared.get())) {
            return stop(ContentTypes.refusal(declared.get(), url.toString()).toOutcome(source));
        }
        long length = response.body().contentLength();
        if (length > config.maxBodySize()) {
            return stop(new FetchOutcome.Refused(
                    source,
                    "size",
                    "refused: " + url + " declares " + Sizes.human(length) + ", larger than fetcher.max_body_size ("
                            + Sizes.human(config.maxBodySize()) + ")"));
        }
        byte[] body;
        try (InputStream in = response.body().byteStream()) {
            body = bodies.read(
                    in, Optional.ofNullable(response.header("Content-Encoding")).orElse(""));
        }
        Optional<String> type =
                declared.or(() -> ContentTypes.ofFileName(url.encodedPath())).or(() -> ContentTypes.sniff(body));
        if (type.isEmpty()) {
            return stop(new FetchOutcome.Refused(
                    source, ContentTypes.RULE, "refused: " + url + " sent no Content-Type and its body looks binary"));
        }
        Optional<Charset> charset = Optional.ofNullable(mediaType).map(m -> m.charset(null));
        return new Hop.Complete(code, response.headers(), body, type.get(), charset);
    }

    private Request request(HttpUrl url, Optional<ResponseStore.StoredResponse> validate) {
        Request.Builder b = new Request.Builder()
                .url(url)
                .header("User-Agent", config.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", ACCEPT_ENCODING);
        validate.ifPresent(v -> {
            v.etag().ifPresent(etag -> b.header("If-None-Match", etag));
            v.lastModified().ifPresent(lm -> b.header("If-Modified-Since", lm));
        });
        return b.build();
    }

    private static Hop stop(FetchOutcome outcome) {
        return new Hop.Stop(outcome);
    }
}
