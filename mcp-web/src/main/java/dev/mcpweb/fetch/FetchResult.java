package dev.mcpweb.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fetched resource: where it ended up, what the server said, and the body bytes (already
 * decompressed). {@code contentType} is the lower-case media type without parameters
 * ({@code text/html}); {@code charset} is the one the response declared, if any. For a local file,
 * {@code status} is 200 and {@code finalUri} is its {@code file:} URI.
 */
public record FetchResult(
        String source,
        URI finalUri,
        int status,
        Map<String, List<String>> headers,
        byte[] body,
        String contentType,
        Optional<Charset> charset,
        List<URI> redirects,
        Duration elapsed) {

    public FetchResult {
        headers = Map.copyOf(headers);
        redirects = List.copyOf(redirects);
    }

    /** A result for bytes that did not come over HTTP (tests, local files, piped input). */
    public static FetchResult ofBytes(URI uri, String contentType, byte[] body) {
        return new FetchResult(
                uri.toString(), uri, 200, Map.of(), body, contentType, Optional.empty(), List.of(), Duration.ZERO);
    }

    /** This result as fetched for {@code source}, in the time since {@code startNanos}. */
    FetchResult withSource(String source, long startNanos) {
        return new FetchResult(
                source,
                finalUri,
                status,
                headers,
                body,
                contentType,
                charset,
                redirects,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
