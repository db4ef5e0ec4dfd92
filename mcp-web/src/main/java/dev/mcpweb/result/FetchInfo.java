package dev.mcpweb.result;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.pipeline.RenderNote;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one fetch did: {@code mcp-web fetch --info}. A fetched source has the response fields, a
 * refused one its {@code rule}, a failed one its {@code status} when there was an HTTP answer.
 */
public record FetchInfo(
        @JsonPropertyDescription("The URL or file as given.")
        String source,

        Outcome outcome,

        @JsonPropertyDescription("The address answered, after redirects.")
        Optional<String> finalUrl,

        Optional<Integer> status,
        Optional<String> contentType,
        Optional<String> charset,

        @JsonPropertyDescription("Length of the body as received, after decompression.")
        Optional<Integer> bytes,

        @JsonPropertyDescription("The addresses redirected from, in order.")
        List<String> redirects,

        Optional<Timings> timings,

        @JsonPropertyDescription("Response headers, several values of one joined by \", \".")
        Optional<Map<String, String>> headers,

        @JsonPropertyDescription("The policy that refused the source.")
        Optional<String> rule,

        Optional<String> message,

        @JsonPropertyDescription("Whether the body is the page rendered in headless Chromium, and why.")
        Optional<RenderNote> render,

        @JsonPropertyDescription("Text in the body that addresses an AI (a suspected prompt injection); a page written"
                + " by JavaScript that could not be rendered.")
        List<String> warnings) {

    public FetchInfo {
        redirects = List.copyOf(redirects);
        warnings = List.copyOf(warnings);
    }

    /** This outcome of {@code render} with {@code warnings} about its body. */
    public FetchInfo with(RenderNote render, List<String> warnings) {
        return new FetchInfo(
                source,
                outcome,
                finalUrl,
                status,
                contentType,
                charset,
                bytes,
                redirects,
                timings,
                headers,
                rule,
                message,
                outcome == Outcome.FETCHED ? Optional.of(render) : Optional.empty(),
                warnings);
    }

    /** How the fetch ended. */
    public enum Outcome {
        FETCHED,
        REFUSED,
        FAILED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Timings(double totalMs) {}

    public static FetchInfo of(FetchOutcome outcome) {
        return switch (outcome) {
            case FetchOutcome.Fetched fetched -> {
                FetchResult r = fetched.result();
                Map<String, String> headers = new LinkedHashMap<>();
                r.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
                yield new FetchInfo(
                        outcome.source(),
                        Outcome.FETCHED,
                        Optional.of(r.finalUri().toString()),
                        Optional.of(r.status()),
                        Optional.of(r.contentType()),
                        r.charset().map(Charset::name),
                        Optional.of(r.body().length),
                        r.redirects().stream().map(URI::toString).toList(),
                        Optional.of(new Timings(r.elapsed().toNanos() / 1e6)),
                        Optional.of(headers),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of());
            }
            case FetchOutcome.Refused refused ->
                failure(outcome, Outcome.REFUSED, Optional.empty(), Optional.of(refused.rule()), refused.message());
            case FetchOutcome.Failed failed ->
                failure(
                        outcome,
                        Outcome.FAILED,
                        failed.status() == 0 ? Optional.empty() : Optional.of(failed.status()),
                        Optional.empty(),
                        failed.message());
        };
    }

    private static FetchInfo failure(
            FetchOutcome outcome, Outcome kind, Optional<Integer> status, Optional<String> rule, String message) {
        return new FetchInfo(
                outcome.source(),
                kind,
                Optional.empty(),
                status,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                rule,
                Optional.of(message),
                Optional.empty(),
                List.of());
    }
}
