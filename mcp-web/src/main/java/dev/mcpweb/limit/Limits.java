package dev.mcpweb.limit;

import dev.mcpweb.config.BaseUrl;
import dev.mcpweb.config.CacheConfig;
import dev.mcpweb.redis.RedisClients;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the token buckets of the rate limits live. With the cache on Redis ({@code cache.backend=redis})
 * a bucket is a key in that Redis, updated by Bucket4j's Lettuce proxy manager (compare-and-swap), so
 * every replica draws on the same bucket and a limit holds for the fleet; otherwise, and for every limit
 * while Redis cannot be reached, a bucket lives in this process. Losing Redis is logged, {@link
 * #degraded()} says so meanwhile (each replica then allows the whole limit by itself), and the buckets go
 * back to Redis by themselves when it answers again.
 */
public final class Limits implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Limits.class);
    private static final String PREFIX = "mcp-web:limit:";
    private static final long RETRY_MILLIS = RedisClients.TIMEOUT.toMillis();

    private final Optional<RedisClients> redis;
    private final String shown;
    private final LongSupplier nanoTime;
    private volatile ProxyManager<String> buckets;
    private StatefulRedisConnection<String, byte[]> connection;
    private volatile long retryAt;
    private volatile boolean degraded;

    private Limits(Optional<RedisClients> redis, String shown, LongSupplier nanoTime) {
        this.redis = redis;
        this.shown = shown;
        this.nanoTime = nanoTime;
    }

    /** Buckets in this process only. */
    public static Limits local() {
        return new Limits(Optional.empty(), "", System::nanoTime);
    }

    /** Buckets in the cache's Redis when the cache is on Redis, else in this process. */
    public static Limits of(CacheConfig cache) {
        if (!cache.enabled() || cache.backend() != CacheConfig.Backend.REDIS) {
            return local();
        }
        String shown = "Redis " + BaseUrl.mask(cache.redisUrl());
        return new Limits(
                Optional.of(RedisClients.create(cache.redisUrl(), shown, "limits", "counting the limits per replica")),
                shown,
                System::nanoTime);
    }

    /**
     * The bucket {@code name} of {@code perMinute} tokens refilled over a minute, full at first; shared by
     * every replica when the buckets are in Redis (the replicas must agree on {@code perMinute}).
     */
    public TokenBucket perMinute(String name, long perMinute) {
        TokenBucket local = TokenBucket.perMinute(perMinute, nanoTime);
        return redis.isEmpty() ? local : new SharedTokenBucket(this, PREFIX + name, perMinute, local);
    }

    /** Whether the buckets are meant to be in Redis but it cannot be reached now. */
    public boolean degraded() {
        return degraded;
    }

    @Override
    public void close() {
        redis.ifPresent(RedisClients::close);
    }

    /** The manager of buckets in Redis, or empty while Redis is away (tried again every 2 s). */
    Optional<ProxyManager<String>> buckets() {
        if (redis.isEmpty() || (degraded && System.currentTimeMillis() < retryAt)) {
            return Optional.empty();
        }
        ProxyManager<String> manager = buckets;
        if (manager != null) {
            return Optional.of(manager);
        }
        synchronized (this) {
            if (buckets == null) {
                try {
                    connection = redis.get().client().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                } catch (RedisException e) {
                    lost(e);
                    return Optional.empty();
                }
                buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                Duration.ofSeconds(10)))
                        .requestTimeout(RedisClients.TIMEOUT)
                        .build();
            }
            return Optional.of(buckets);
        }
    }

    /** A bucket in Redis answered. */
    void reached() {
        if (degraded) {
            degraded = false;
            log.info("limits: shared through {} again", shown);
        }
    }

    /** A bucket in Redis could not be used: local buckets until Redis answers again. */
    void lost(RuntimeException e) {
        retryAt = System.currentTimeMillis() + RETRY_MILLIS;
        if (!degraded) {
            degraded = true;
            log.warn(
                    "limits: cannot reach {} ({}); each replica counts the limits by itself until it returns",
                    shown,
                    e.getMessage());
        }
    }

    /** The configuration of a bucket of {@code perMinute} tokens a minute. */
    static BucketConfiguration perMinute(long perMinute) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
