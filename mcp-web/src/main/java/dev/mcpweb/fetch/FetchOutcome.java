package dev.mcpweb.fetch;

/**
 * What a fetch came to: {@link Fetched}, {@link Refused} by a policy (URL guard, robots.txt, file
 * roots, content type, size), or {@link Failed} (network, timeout, HTTP error). Nothing is thrown.
 */
public sealed interface FetchOutcome {
    /** The source as the user gave it. */
    String source();

    /** A user-facing one-line description of the outcome. */
    String message();

    record Fetched(FetchResult result) implements FetchOutcome {
        @Override
        public String source() {
            return result.source();
        }

        @Override
        public String message() {
            return "fetched " + result.finalUri() + " (" + result.status() + ", " + result.body().length + " bytes)";
        }
    }

    /** Refused by {@code rule} (e.g. {@code ssrf-guard}, {@code robots}, {@code file-roots}, {@code content-type}, {@code size}). */
    record Refused(String source, String rule, String message) implements FetchOutcome {
        /** Whether the source itself is malformed (neither a URL nor a path): the caller's mistake, not policy. */
        public boolean malformedSource() {
            return rule.equals(UrlGuard.INVALID_RULE);
        }
    }

    /** Failed for a reason outside policy; {@code status} is the HTTP status when there was one, else 0. */
    record Failed(String source, int status, String message) implements FetchOutcome {}
}
