package dev.mcpweb.llm;

import dev.mcpweb.config.SummarizerConfig;
import dev.mcpweb.limit.Limits;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a provider with what every caller needs: at most {@code max_concurrent} calls in flight, a
 * requests- and tokens-per-minute limiter shared by all callers, and retries with exponential backoff
 * and jitter on transient failures (429, 5xx, timeouts, dropped connections, cut or silent streams),
 * honouring {@code Retry-After} up to a cap. Permanent failures (400, 401, 403, 404) are not retried.
 * A retried stream resumes where the caller's deltas stopped, so the caller never sees text twice.
 * Every retry is counted, in total ({@link #retries()}) and per call when the caller passes a counter.
 */
public final class ResilientProvider implements LlmProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientProvider.class);

    /** How hard to try: retries, backoff, the {@code Retry-After} cap, concurrency and rate limits. */
    record Policy(
            int maxRetries,
            Duration baseBackoff,
            Duration maxBackoff,
            Duration maxRetryAfter,
            int maxConcurrent,
            int requestsPerMinute,
            int tokensPerMinute) {
        static Policy of(SummarizerConfig config) {
            return new Policy(
                    config.maxRetries(),
                    Duration.ofMillis(500),
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(60),
                    config.maxConcurrent(),
                    config.requestsPerMinute(),
                    config.tokensPerMinute());
        }
    }

    private final LlmProvider delegate;
    private final Policy policy;
    private final TokenBudget budget;
    private final Semaphore inFlight;
    private final RateLimiter limiter;
    private final LongAdder retries = new LongAdder();

    ResilientProvider(LlmProvider delegate, Policy policy, TokenBudget budget) {
        this(
                delegate,
                policy,
                budget,
                new RateLimiter(policy.requestsPerMinute(), policy.tokensPerMinute(), System::nanoTime));
    }

    /** Rate-limited by buckets of {@code limits} named after the provider and its model. */
    ResilientProvider(LlmProvider delegate, Policy policy, TokenBudget budget, Limits limits) {
        this(
                delegate,
                policy,
                budget,
                new RateLimiter(
                        limits,
                        "llm:" + delegate.name() + ":" + delegate.model(),
                        policy.requestsPerMinute(),
                        policy.tokensPerMinute()));
    }

    private ResilientProvider(LlmProvider delegate, Policy policy, TokenBudget budget, RateLimiter limiter) {
        this.delegate = delegate;
        this.policy = policy;
        this.budget = budget;
        this.inFlight = new Semaphore(policy.maxConcurrent(), true);
        this.limiter = limiter;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String model() {
        return delegate.model();
    }

    /** The token budget of this provider's model. */
    public TokenBudget budget() {
        return budget;
    }

    /** Retries made by every call so far. */
    public long retries() {
        return retries.sum();
    }

    @Override
    public Completion complete(LlmRequest request) throws LlmException {
        return complete(request, new LongAdder());
    }

    /** As {@link #complete(LlmRequest)}, adding this call's retries to {@code retryCounter}. */
    public Completion complete(LlmRequest request, LongAdder retryCounter) throws LlmException {
        return withRetries(request, retryCounter, () -> delegate.complete(request));
    }

    @Override
    public Completion stream(LlmRequest request, Consumer<String> onDelta) throws LlmException {
        return stream(request, onDelta, new LongAdder());
    }

    /** As {@link #stream(LlmRequest, Consumer)}, adding this call's retries to {@code retryCounter}. */
    public Completion stream(LlmRequest request, Consumer<String> onDelta, LongAdder retryCounter) throws LlmException {
        StringBuilder delivered = new StringBuilder();
        return withRetries(request, retryCounter, () -> {
            StringBuilder seen = new StringBuilder();
            boolean[] checked = {delivered.isEmpty()};
            return delegate.stream(request, delta -> {
                int before = seen.length();
                seen.append(delta);
                if (seen.length() <= delivered.length()) {
                    return;
                }
                if (!checked[0]) {
                    checked[0] = true;
                    if (!seen.substring(0, delivered.length()).contentEquals(delivered)) {
                        LOG.warn(
                                "{} answered differently after a retry; the streamed text and the final "
                                        + "answer may differ",
                                delegate.name());
                    }
                }
                String fresh = seen.substring(Math.max(before, delivered.length()));
                delivered.append(fresh);
                onDelta.accept(fresh);
            });
        });
    }

    @Override
    public void close() {
        delegate.close();
    }

    private interface Attempt {
        Completion run() throws LlmException;
    }

    private Completion withRetries(LlmRequest request, LongAdder retryCounter, Attempt attempt) throws LlmException {
        int tokens = budget.count(request.system()) + budget.count(request.user()) + request.maxTokens();
        for (int retry = 0; ; retry++) {
            try {
                limiter.acquire(tokens);
                inFlight.acquire();
                try {
                    return attempt.run();
                } finally {
                    inFlight.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled();
            } catch (LlmException e) {
                if (e.kind() != LlmException.Kind.TRANSIENT) {
                    throw e;
                }
                if (retry >= policy.maxRetries()) {
                    throw retry == 0
                            ? e
                            : new LlmException(
                                    e.kind(),
                                    e.status(),
                                    e.getMessage() + " (gave up after " + retry + " retries)",
                                    e.getCause());
                }
                Duration wait = delay(retry, retryAfter(e));
                LOG.info(
                        "{}: {}; retry {}/{} in {} ms",
                        delegate.name(),
                        e.getMessage(),
                        retry + 1,
                        policy.maxRetries(),
                        wait.toMillis());
                retries.increment();
                retryCounter.increment();
                try {
                    TimeUnit.NANOSECONDS.sleep(wait.toNanos());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw cancelled();
                }
            }
        }
    }

    /** {@code Retry-After} when the server sent one (capped), else exponential backoff with jitter. */
    Duration delay(int retry, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration hint = retryAfter.get();
            return hint.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : hint;
        }
        long ceiling =
                Math.min(policy.maxBackoff().toNanos(), policy.baseBackoff().toNanos() << Math.min(retry, 20));
        long half = ceiling / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private static Optional<Duration> retryAfter(LlmException e) {
        return e.getCause() instanceof HttpFailure failure ? failure.retryAfter() : Optional.empty();
    }

    private LlmException cancelled() {
        return new LlmException(LlmException.Kind.CANCELLED, "cancelled: " + delegate.name() + " call");
    }
}
