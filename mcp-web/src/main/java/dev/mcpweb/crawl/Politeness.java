package dev.mcpweb.crawl;

import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.fetch.SiteRules;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spaces a crawl's requests to one host by the host's robots.txt {@code Crawl-delay}, as polite crawlers
 * do: one request at a time to such a host, each starting at least the delay after the previous one
 * ended. Hosts without a delay are not held here (the fetcher's per-host limit still bounds how many
 * run at once). Shared by a crawl's workers.
 */
final class Politeness {
    private final Map<String, Long> nextStart = new HashMap<>();
    private final Set<String> busy = new HashSet<>();

    /** A host's turn; closing it ends the request and starts the delay. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for {@code host}'s turn; empty when it would not come before {@code deadlineNanos}. */
    synchronized Optional<Turn> await(String host, Duration delay, long deadlineNanos) throws InterruptedException {
        if (delay.isZero()) {
            return Optional.of(() -> {});
        }
        while (true) {
            long now = System.nanoTime();
            long start = nextStart.getOrDefault(host, now);
            if (!busy.contains(host) && start - now <= 0) {
                busy.add(host);
                return Optional.of(() -> release(host, delay));
            }
            long until = busy.contains(host) ? deadlineNanos : start;
            if (until - deadlineNanos > 0 || now - deadlineNanos >= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, Duration.ofNanos(until - now).toMillis()));
        }
    }

    /** The robots.txt rules of {@code url}'s site; none when robots.txt cannot be reached. */
    static SiteRules rulesOf(Fetcher fetcher, URI url) {
        try {
            return fetcher.siteRules(url);
        } catch (IOException e) {
            // each fetch meets the same error and reports it for its page
            return SiteRules.NONE;
        }
    }

    static Duration delayOf(SiteRules rules) {
        return rules.crawlDelay().orElse(Duration.ZERO);
    }

    /** The host and port requests are spaced by. */
    static String hostOf(URI url) {
        return url.getHost() + ":" + url.getPort();
    }

    private synchronized void release(String host, Duration delay) {
        busy.remove(host);
        nextStart.put(host, System.nanoTime() + delay.toNanos());
        notifyAll();
    }
}
