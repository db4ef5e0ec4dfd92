package dev.mcpweb.fetch;

import dev.mcpweb.config.FetcherConfig;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry step of the fetch chain: runs a {@link GuardedExchange} again after a 429, a 5xx or a
 * network error that may pass, at most {@code fetcher.max_retries} times, waiting as Retry-After asks
 * (up to {@code fetcher.retry_max_wait}) or with exponential backoff and jitter, never past the
 * fetch's deadline. A refusal by the guard or a size limit is never retried, and every failure is
 * turned into a message that names its cause.
 */
final class Retries {
    private static final Logger log = LoggerFactory.getLogger(Retries.class);
    private static final Duration BACKOFF_BASE = Duration.ofMillis(250);

    private final FetcherConfig config;
    private final GuardedExchange exchange;

    Retries(FetcherConfig config, GuardedExchange exchange) {
        this.config = config;
        this.exchange = exchange;
    }

    /** The first answer that is not worth another attempt, or the failure that ended the attempts. */
    Hop.Answer exchange(String source, HttpUrl url, Optional<ResponseStore.StoredResponse> validate, long deadline)
            throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Duration wait;
            boolean last = attempt >= config.maxRetries();
            try {
                switch (exchange.exchange(source, url, validate, deadline)) {
                    case Hop.Answer answer -> {
                        return answer;
                    }
                    case Hop.Retryable r
                    when last -> {
                        return stop(r.failure());
                    }
                    case Hop.Retryable r -> {
                        Optional<Duration> retryAfter = r.retryAfter().flatMap(Retries::retryAfter);
                        if (retryAfter.isPresent() && retryAfter.get().compareTo(config.retryMaxWait()) > 0) {
                            return stop(new FetchOutcome.Failed(
                                    source,
                                    r.status(),
                                    "HTTP " + r.status() + " from " + url + " asked to retry after "
                                            + retryAfter.get().toSeconds() + "s, longer than fetcher.retry_max_wait ("
                                            + config.retryMaxWait().toSeconds() + "s)"));
                        }
                        wait = retryAfter.isPresent() ? retryAfter.get() : backoff(attempt);
                        log.debug("HTTP {} from {}; retrying in {} ms", r.status(), url, wait.toMillis());
                    }
                }
            } catch (IOException e) {
                Optional<Refusal> refusal = refusalIn(e);
                if (refusal.isPresent()) {
                    return stop(refusal.get().toOutcome(source));
                }
                if (System.nanoTime() >= deadline) {
                    return stop(
                            new FetchOutcome.Failed(source, 0, TimedOut.message(config.timeout(), url, "fetching")));
                }
                if (!retryable(e) || last) {
                    return stop(new FetchOutcome.Failed(source, 0, describe(url, e)));
                }
                wait = backoff(attempt);
                log.debug("{}; retrying in {} ms", describe(url, e), wait.toMillis());
            }
            if (System.nanoTime() + wait.toNanos() >= deadline) {
                return stop(new FetchOutcome.Failed(
                        source, 0, TimedOut.message(config.timeout(), url, "before the next retry could run")));
            }
            Thread.sleep(wait);
        }
    }

    /** Retry-After as seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.chars().allMatch(Character::isDigit)) {
            return h.length() > 9
                    ? Optional.of(Duration.ofDays(365))
                    : Optional.of(Duration.ofSeconds(Long.parseLong(h)));
        }
        try {
            Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Hop.Stop stop(FetchOutcome outcome) {
        return new Hop.Stop(outcome);
    }

    private static boolean retryable(IOException e) {
        return !(e instanceof UnknownHostException
                || e instanceof SSLException
                || e instanceof UnsupportedEncodingException);
    }

    private Duration backoff(int attempt) {
        long capMillis = Math.min(config.retryMaxWait().toMillis(), BACKOFF_BASE.toMillis() << Math.min(attempt, 16));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capMillis / 2, capMillis + 1));
    }

    private static String describe(HttpUrl url, IOException e) {
        String where = url.host() + ":" + url.port();
        return switch (e) {
            case ConnectException c -> "could not connect to " + where + " (" + c.getMessage() + ")";
            case SocketTimeoutException t ->
                "timed out talking to " + where + " (" + t.getMessage()
                        + "; see fetcher.connect_timeout and fetcher.read_timeout)";
            case UnknownHostException u -> "unknown host " + url.host();
            case SSLException s -> "TLS with " + where + " failed: " + s.getMessage();
            default -> "fetching " + url + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        };
    }

    /** The guard's or a size limit's refusal anywhere in an exception's causes or suppressed exceptions. */
    private static Optional<Refusal> refusalIn(Throwable t) {
        return refusalIn(t, 0);
    }

    private static Optional<Refusal> refusalIn(Throwable t, int depth) {
        if (t == null || depth > 8) {
            return Optional.empty();
        }
        if (t instanceof BlockedException b) {
            return Optional.of(b.refusal());
        }
        if (t instanceof SizeLimitException s) {
            return Optional.of(s.refusal());
        }
        for (Throwable s : t.getSuppressed()) {
            Optional<Refusal> r = refusalIn(s, depth + 1);
            if (r.isPresent()) {
                return r;
            }
        }
        return refusalIn(t.getCause(), depth + 1);
    }
}
