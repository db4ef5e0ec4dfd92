package dev.mcpweb.fetch;

import java.nio.charset.Charset;
import java.util.Optional;
import okhttp3.Headers;

/**
 * What one request came to. Each step of the fetch chain consumes the variants that are its job: the
 * {@link Retries} take a {@link Retryable} answer, the {@link Redirects} a {@link Redirect}; the
 * {@link Revalidation} gets what is left, a {@link Final} hop.
 */
sealed interface Hop {
    /** What the retries pass on: anything but a retryable answer. */
    sealed interface Answer extends Hop {}

    /** What the redirects pass on: the end of the chain. */
    sealed interface Final extends Answer {}

    /** The fetch ends here with {@code outcome}. */
    record Stop(FetchOutcome outcome) implements Final {}

    /** A 304 to a conditional request. */
    record NotModified(Headers headers) implements Final {}

    /** A 2xx with its body read and its type known. */
    record Complete(int status, Headers headers, byte[] body, String contentType, Optional<Charset> charset)
            implements Final {}

    /** A 3xx with a Location, not yet resolved or checked. */
    record Redirect(int status, String location) implements Answer {}

    /** A 429 or 5xx: worth another attempt, else it ends the fetch as {@code failure}. */
    record Retryable(int status, Optional<String> retryAfter, FetchOutcome.Failed failure) implements Hop {}
}
