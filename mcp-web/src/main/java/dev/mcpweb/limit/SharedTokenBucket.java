package dev.mcpweb.limit;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A bucket in Redis that every replica draws on, standing in for a {@code local} one of the same size
 * while Redis cannot be reached (see {@link Limits}).
 */
final class SharedTokenBucket implements TokenBucket {
    private final Limits limits;
    private final String key;
    private final long perMinute;
    private final TokenBucket local;
    private volatile TokenBucket shared;

    SharedTokenBucket(Limits limits, String key, long perMinute, TokenBucket local) {
        this.limits = limits;
        this.key = key;
        this.perMinute = perMinute;
        this.local = local;
    }

    @Override
    public Duration tryTake(long tokens) {
        return apply(tokens, bucket -> bucket.tryTake(tokens));
    }

    @Override
    public Duration reserve(long tokens) {
        return apply(tokens, bucket -> bucket.reserve(tokens));
    }

    @Override
    public Duration wouldWait(long tokens) {
        return apply(tokens, bucket -> bucket.wouldWait(tokens));
    }

    private Duration apply(long tokens, Function<TokenBucket, Duration> use) {
        if (tokens <= 0) {
            return Duration.ZERO; // asks Redis nothing, so it proves nothing about Redis either
        }
        Optional<TokenBucket> remote = shared();
        if (remote.isPresent()) {
            try {
                Duration wait = use.apply(remote.get());
                limits.reached();
                return wait;
            } catch (RuntimeException e) { // Bucket4j reports Redis failures as unchecked exceptions
                limits.lost(e);
            }
        }
        return use.apply(local);
    }

    private Optional<TokenBucket> shared() {
        TokenBucket bucket = shared;
        if (bucket != null) {
            return limits.buckets().map(manager -> bucket);
        }
        Optional<ProxyManager<String>> manager = limits.buckets();
        manager.ifPresent(m ->
                shared = new Bucket4jTokenBucket(m.builder().build(key, () -> Limits.perMinute(perMinute)), perMinute));
        return Optional.ofNullable(shared);
    }
}
