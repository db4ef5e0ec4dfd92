package dev.mcpweb.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * The redirect step of the fetch chain: follows each Location itself (the client never does), checks
 * every hop with the {@link UrlGuard} before connecting, stops at {@code fetcher.max_redirects} and at
 * the first loop, and records the chain. Only the first request carries the stored validators.
 */
final class Redirects {
    private final UrlGuard guard;
    private final int maxRedirects;
    private final Retries retries;

    Redirects(UrlGuard guard, int maxRedirects, Retries retries) {
        this.guard = guard;
        this.maxRedirects = maxRedirects;
        this.retries = retries;
    }

    /** Where the chain ended: the last URL asked, the URLs redirected from, and what it came to there. */
    record Landing(HttpUrl url, List<URI> redirects, Hop.Final hop) {}

    Landing follow(String source, HttpUrl first, Optional<ResponseStore.StoredResponse> validate, long deadline)
            throws InterruptedException {
        HttpUrl url = first;
        List<URI> redirects = new ArrayList<>();
        Set<HttpUrl> seen = new HashSet<>();
        seen.add(url);
        while (true) {
            switch (retries.exchange(source, url, redirects.isEmpty() ? validate : Optional.empty(), deadline)) {
                case Hop.Final end -> {
                    return new Landing(url, redirects, end);
                }
                case Hop.Redirect r -> {
                    HttpUrl next = url.resolve(r.location());
                    if (next == null) {
                        return stop(url, redirects, elsewhere(source, url, r));
                    }
                    if (redirects.size() >= maxRedirects) {
                        return stop(
                                url,
                                redirects,
                                new FetchOutcome.Failed(
                                        source,
                                        r.status(),
                                        "too many redirects: more than fetcher.max_redirects (" + maxRedirects
                                                + "), the last from " + url + " to " + next));
                    }
                    switch (guard.check(next)) {
                        case Refusal refusal -> {
                            return stop(
                                    url,
                                    redirects,
                                    new FetchOutcome.Refused(
                                            source,
                                            refusal.rule(),
                                            refusal.message() + " (redirected from " + url + ")"));
                        }
                        case UrlGuard.Allowed a -> next = a.url();
                    }
                    redirects.add(url.uri());
                    if (!seen.add(next)) {
                        String chain = redirects.stream().map(URI::toString).collect(Collectors.joining(" -> "));
                        return stop(
                                url,
                                redirects,
                                new FetchOutcome.Failed(source, r.status(), "redirect loop: " + chain + " -> " + next));
                    }
                    url = next;
                }
            }
        }
    }

    private static Landing stop(HttpUrl url, List<URI> redirects, FetchOutcome outcome) {
        return new Landing(url, redirects, new Hop.Stop(outcome));
    }

    /** A Location that is not an http(s) URL: another scheme is the guard's refusal, anything else invalid. */
    private static FetchOutcome elsewhere(String source, HttpUrl from, Hop.Redirect r) {
        var scheme = UrlGuard.HAS_SCHEME.matcher(r.location());
        if (scheme.find()) {
            String name =
                    scheme.group().substring(0, scheme.group().length() - 1).toLowerCase(Locale.ROOT);
            if (!name.equals("http") && !name.equals("https")) {
                Refusal refusal = UrlGuard.schemeRefusal(name);
                return new FetchOutcome.Refused(
                        source, refusal.rule(), refusal.message() + " (redirected from " + from + ")");
            }
        }
        return new FetchOutcome.Failed(
                source,
                r.status(),
                "HTTP " + r.status() + " from " + from + " with an invalid Location: " + r.location());
    }
}
