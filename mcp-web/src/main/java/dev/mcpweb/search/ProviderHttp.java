package dev.mcpweb.search;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.config.BaseUrl;
import dev.mcpweb.search.SearchException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One exchange with a search provider over OkHttp: a deadline on the whole call, the answer read up to
 * {@link #MAX_BODY} (after decompression), parsed as JSON, and every way it can go wrong turned into a
 * {@link SearchException} naming the provider, where it is (masked) and the option to check. Secrets
 * are scrubbed from anything quoted back.
 */
final class ProviderHttp implements AutoCloseable {
    /** A page of results is tens of kilobytes; an answer beyond this is a broken or hostile server. */
    static final long MAX_BODY = 4L * 1024 * 1024;

    private static final int MAX_QUOTED = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the user must fix, per provider: its address and what a 401 or 403 refuses ({@code the key}, or
     * {@code the request} where there is no key), both named as options.
     */
    record Place(
            String provider,
            String shownUrl,
            String urlOption,
            String refused,
            String refusedHint,
            List<String> secrets) {}

    private final Place place;
    private final Duration timeout;
    private final OkHttpClient client;

    ProviderHttp(Place place, Duration timeout) {
        this.place = place;
        this.timeout = timeout;
        this.client = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .callTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    /**
     * {@code base} (a trailing slash dropped) with {@code path} added, or, when that is no http(s) URL, the
     * failure that says which option to fix.
     */
    static HttpUrl endpoint(String base, String path, String option) throws SearchException {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        HttpUrl url = HttpUrl.parse(trimmed.endsWith(path) ? trimmed : trimmed + path);
        if (url == null) {
            throw new SearchException(
                    Kind.NOT_CONFIGURED,
                    option + " is not an http(s) URL: " + BaseUrl.mask(base)
                            + "; give the API's address, e.g. http://127.0.0.1:8888, or leave it unset for the default");
        }
        return url;
    }

    /** Sends {@code request} and returns its answer, a JSON object. */
    JsonNode exchange(Request request) throws SearchException {
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw status(response);
            }
            if (response.body().source().request(MAX_BODY + 1)) {
                throw failed("answered with more than " + MAX_BODY / (1024 * 1024)
                        + " MiB, which is no page of search results");
            }
            byte[] body = response.body().bytes();
            JsonNode answer;
            try {
                answer = JSON.readTree(body);
            } catch (JacksonException e) {
                throw failed("answered with something that is not JSON ("
                        + response.header("Content-Type", "no Content-Type") + ": "
                        + quoted(new String(body, 0, Math.min(body.length, MAX_QUOTED), StandardCharsets.UTF_8))
                        + "); check that " + place.urlOption() + " points at the API");
            }
            if (!answer.isObject()) {
                throw malformed("the answer is not a JSON object");
            }
            return answer;
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** What an I/O failure means to the user; a caller that was interrupted (the call cancelled) stays so. */
    private SearchException translate(IOException e) {
        if (Thread.currentThread().isInterrupted()) {
            return new SearchException(Kind.FAILED, "the search was cancelled");
        }
        return switch (e) {
            case InterruptedIOException timeout ->
                failed("did not answer within " + seconds(this.timeout) + " (search.timeout, MCP_WEB_SEARCH_TIMEOUT)");
            case UnknownHostException unknown -> unreachable("unknown host");
            default -> unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : quoted(e.getMessage()));
        };
    }

    /** A failure of the answer's content: a field missing or of the wrong type. */
    SearchException malformed(String what) {
        return failed("answered with JSON that is not search results (" + what + ")");
    }

    private SearchException status(Response response) throws IOException {
        int code = response.code();
        String http = " (HTTP " + code + ")";
        if (code == 401 || code == 403) {
            return new SearchException(
                    Kind.REFUSED,
                    "search provider refused " + place.refused() + http + ": " + place.provider() + " at "
                            + place.shownUrl() + "; " + place.refusedHint());
        }
        if (code == 429) {
            String wait = response.header("Retry-After");
            return failed("is limiting this key's request rate" + http + "; retry "
                    + (wait == null
                            ? "later"
                            : "after " + quoted(wait) + (wait.strip().matches("\\d+") ? " s" : ""))
                    + ", or raise the plan's limit");
        }
        if (code >= 500) {
            return failed("failed" + http + "; retry later");
        }
        if (code >= 300 && code < 400) {
            return failed("redirected" + http + " to " + quoted(response.header("Location", "nowhere"))
                    + "; put the address it redirects to in " + place.urlOption());
        }
        String excerpt = quoted(response.peekBody(MAX_QUOTED).string());
        return new SearchException(
                Kind.REFUSED,
                "search provider " + place.provider() + " rejected the request" + http
                        + (excerpt.isBlank() ? "" : ": " + excerpt.strip()));
    }

    private SearchException unreachable(String why) {
        return new SearchException(
                Kind.FAILED,
                "cannot reach search provider " + place.provider() + " at " + place.shownUrl() + " (" + why
                        + "); check " + place.urlOption() + " and that the service is up");
    }

    private SearchException failed(String what) {
        return new SearchException(
                Kind.FAILED, "search provider " + place.provider() + " at " + place.shownUrl() + " " + what);
    }

    /** Text from the provider, secrets scrubbed and control characters flattened, on one short line. */
    private String quoted(String text) {
        String out = text;
        for (String secret : place.secrets()) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, "****");
            }
        }
        out = out.replaceAll("[\\p{Cntrl}\\s]+", " ");
        return out.length() <= MAX_QUOTED ? out : out.substring(0, MAX_QUOTED) + "…";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
