package dev.mcpweb.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Obeys robots.txt as RFC 9309 says: a 2xx file is parsed (crawler-commons) for the configured user
 * agent's product token; 4xx means no restrictions; 5xx and 429 mean the whole site is disallowed. A
 * network error (no such host, connection refused, timeout) is thrown to the caller rather than called
 * a robots.txt refusal: the page is not fetched either way, as the RFC wants of an unreachable file,
 * but the user is told the real cause, which is the page's host being unreachable. Rules are cached
 * per origin in memory ({@code cache.robots_ttl}; 5xx answers only briefly) and, through a
 * {@link RobotsStore}, between runs.
 */
final class RobotsPolicy {
    static final String RULE = "robots";

    private static final Duration FAILURE_TTL = Duration.ofMinutes(1);

    /** How robots.txt is fetched; the fetcher supplies one that goes through the guard. */
    @FunctionalInterface
    interface Loader {
        RobotsStore.Answer load(HttpUrl robotsUrl, long deadlineNanos) throws IOException;
    }

    private record Rules(BaseRobotRules rules, String robotsUrl, Optional<String> unavailable) {}

    private final String agent;
    private final Loader loader;
    private final RobotsStore store;
    private final Duration ttl;
    /**
     * Rules by origin, made at the first check: the CLI reading local files never asks for robots.txt, and
     * making the cache (Caffeine's classes, the JDK's logging behind them) was a few milliseconds of its start.
     */
    private volatile Cache<String, Rules> cache;

    RobotsPolicy(String userAgent, Duration ttl, Loader loader, RobotsStore store) {
        this.agent = productToken(userAgent);
        this.loader = loader;
        this.store = store;
        this.ttl = ttl;
    }

    private Cache<String, Rules> cache() {
        Cache<String, Rules> made = cache;
        if (made == null) {
            synchronized (this) {
                made = cache;
                if (made == null) {
                    made = Caffeine.newBuilder()
                            .maximumSize(10_000)
                            .expireAfter(Expiry.<String, Rules>creating(
                                    (origin, rules) -> rules.unavailable().isPresent() && FAILURE_TTL.compareTo(ttl) < 0
                                            ? FAILURE_TTL
                                            : ttl))
                            .build();
                    cache = made;
                }
            }
        }
        return made;
    }

    /**
     * A refusal when robots.txt of {@code url}'s origin does not let our agent fetch it; throws when
     * robots.txt could not be fetched at all (a network error, or the guard refusing the host).
     */
    Optional<Refusal> check(HttpUrl url, long deadlineNanos) throws IOException {
        Rules rules = rules(url, deadlineNanos);
        if (rules.rules().isAllowed(url.toString())) {
            return Optional.empty();
        }
        String why = rules.unavailable()
                .map(u -> rules.robotsUrl() + " " + u + ", so RFC 9309 treats the whole site as disallowed")
                .orElseGet(() -> rules.robotsUrl() + " disallows " + url.encodedPath() + " for user agent " + agent);
        return Optional.of(new Refusal(
                RULE,
                "blocked by robots.txt: " + why
                        + " (the operator can override with fetcher.respect_robots=false, or --ignore-robots on"
                        + " the command line)"));
    }

    /** The rules of {@code url}'s origin as a crawler needs them; throws as {@link #check} does. */
    SiteRules site(HttpUrl url, long deadlineNanos) throws IOException {
        BaseRobotRules rules = rules(url, deadlineNanos).rules();
        long delayMs = rules.getCrawlDelay();
        return new SiteRules(
                rules::isAllowed,
                delayMs > 0 ? Optional.of(Duration.ofMillis(delayMs)) : Optional.empty(),
                rules.getSitemaps());
    }

    private Rules rules(HttpUrl url, long deadlineNanos) throws IOException {
        String origin = url.scheme() + "://" + url.host() + ":" + url.port();
        try {
            return cache().get(origin, o -> load(url, deadlineNanos));
        } catch (UncheckedIOException e) { // not cached: the next fetch asks again
            throw e.getCause();
        }
    }

    private Rules load(HttpUrl url, long deadlineNanos) {
        HttpUrl robotsUrl = url.newBuilder()
                .encodedPath("/robots.txt")
                .query(null)
                .fragment(null)
                .username("")
                .password("")
                .build();
        String where = robotsUrl.toString();
        RobotsStore.Answer response;
        try {
            response = store.answer(where, () -> loader.load(robotsUrl, deadlineNanos));
        } catch (IOException e) {
            // Not "blocked by robots.txt": the network's own error, which is also the page's (see fetchWeb).
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while fetching " + where));
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
            BaseRobotRules rules = parser.parseContent(
                    where, response.body(), response.contentType().orElse("text/plain"), List.of(agent));
            return new Rules(rules, where, Optional.empty());
        }
        if (status == 429 || status >= 500) {
            return new Rules(disallowAll(), where, Optional.of("answered HTTP " + status));
        }
        // 3xx after too many redirects and 4xx: robots.txt is unavailable, so nothing is restricted.
        return new Rules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), where, Optional.empty());
    }

    private static BaseRobotRules disallowAll() {
        return new SimpleRobotRules(RobotRulesMode.ALLOW_NONE);
    }

    /** The product token robots.txt groups are matched against: {@code mcp-web} in {@code mcp-web/0.1 (...)}. */
    static String productToken(String userAgent) {
        String token = userAgent.strip().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
        return token.isEmpty() ? "*" : token;
    }
}
