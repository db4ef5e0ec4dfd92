package dev.mcpweb.fetch;

/** A policy refusal inside the fetch stage: the rule that refused and a message naming what it saw. */
record Refusal(String rule, String message) implements UrlGuard.Verdict {
    FetchOutcome.Refused toOutcome(String source) {
        return new FetchOutcome.Refused(source, rule, message);
    }
}
