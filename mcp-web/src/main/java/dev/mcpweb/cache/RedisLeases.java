package dev.mcpweb.cache;

import dev.mcpweb.cache.EntryStore.EntryKey;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Leases} on Redis. A lease is a key {@code l:<namespace>:<key>} holding its fencing token (from
 * the counter {@code fence}) with an expiry; claiming, renewing and giving it up are Lua scripts that
 * compare the token, so each is atomic. The entry is written under the lease by {@link RedisStore}'s put
 * script, which checks the lease and the token of the entry in the same step. Watchers learn that an
 * entry landed or a lease was given up from the pub/sub channel {@code landed} (one channel for every
 * entry: one subscription per process). A lease that expires sends nothing, so watchers also wake when
 * the lease they wait on would expire.
 */
final class RedisLeases implements Leases {
    private static final Logger log = LoggerFactory.getLogger(RedisLeases.class);
    private static final long RECONNECT_INTERVAL_MILLIS = 2_000;

    // ARGV: prefix, member, ttl millis. Returns the new token, or -(millis left) - 1 when the lease is held.
    private static final String CLAIM = """
            local lease = ARGV[1] .. 'l:' .. ARGV[2]
            local left = redis.call('PTTL', lease)
            if left ~= -2 then return -math.max(left, 0) - 1 end
            local token = redis.call('INCR', ARGV[1] .. 'fence')
            redis.call('SET', lease, token, 'PX', ARGV[3])
            return token
            """;

    // ARGV: prefix, member, token, ttl millis. Returns 1 when renewed, 0 when the lease is not this token's.
    private static final String RENEW = """
            local lease = ARGV[1] .. 'l:' .. ARGV[2]
            if redis.call('GET', lease) ~= ARGV[3] then return 0 end
            redis.call('PEXPIRE', lease, ARGV[4])
            return 1
            """;

    // ARGV: prefix, member, token. Returns 1 when given up, 0 when it was not this token's any more.
    private static final String RELEASE = """
            local lease = ARGV[1] .. 'l:' .. ARGV[2]
            if redis.call('GET', lease) ~= ARGV[3] then return 0 end
            redis.call('DEL', lease)
            redis.call('PUBLISH', ARGV[1] .. 'landed', ARGV[2])
            return 1
            """;

    private final RedisStore store;
    private final RedisClient client;
    private final String prefix;
    private final ConcurrentHashMap<String, Set<RedisWatch>> watches = new ConcurrentHashMap<>();
    private StatefulRedisPubSubConnection<String, String> subscription;
    private long nextSubscribeAttempt;
    private boolean closed;

    RedisLeases(RedisStore store, RedisClient client, String prefix) {
        this.store = store;
        this.client = client;
        this.prefix = prefix;
    }

    @Override
    public Claim claim(EntryKey key, long ttlMillis) throws StoreException {
        String member = member(key);
        long answer = store.call(
                r -> r.<Long>eval(CLAIM, ScriptOutputType.INTEGER, new String[0], args(prefix, member, ttlMillis)));
        return answer > 0 ? new Claim.Granted(new RedisLease(key, answer, ttlMillis)) : new Claim.Held(-answer - 1);
    }

    @Override
    public Watch watch(EntryKey key) {
        subscribe();
        RedisWatch watch = new RedisWatch(member(key));
        watches.computeIfAbsent(watch.member, m -> ConcurrentHashMap.newKeySet())
                .add(watch);
        return watch;
    }

    synchronized void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
    }

    /** Subscribes to the channel once; Lettuce subscribes again by itself after a reconnection. */
    private synchronized void subscribe() {
        long now = System.currentTimeMillis();
        if (subscription != null || closed || now < nextSubscribeAttempt) {
            return;
        }
        try {
            StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub(StringCodec.UTF8);
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String member) {
                    Set<RedisWatch> waiting = watches.get(member);
                    if (waiting != null) {
                        waiting.forEach(w -> w.signals.release());
                    }
                }
            });
            connection.sync().subscribe(prefix + "landed");
            subscription = connection;
        } catch (RedisException e) {
            // Watchers fall back to waking at the lease's expiry (at most a second apart) until it works.
            nextSubscribeAttempt = now + RECONNECT_INTERVAL_MILLIS;
            log.debug("cache: cannot subscribe to lease notifications yet", e);
        }
    }

    private static String member(EntryKey key) {
        return key.namespace() + ":" + key.key();
    }

    private static byte[][] args(String prefix, String member, long... numbers) {
        byte[][] args = new byte[2 + numbers.length][];
        args[0] = prefix.getBytes(StandardCharsets.UTF_8);
        args[1] = member.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < numbers.length; i++) {
            args[2 + i] = Long.toString(numbers[i]).getBytes(StandardCharsets.US_ASCII);
        }
        return args;
    }

    private final class RedisWatch implements Watch {
        final String member;
        final Semaphore signals = new Semaphore(0);

        RedisWatch(String member) {
            this.member = member;
        }

        @Override
        public boolean await(long millis) throws InterruptedException {
            boolean signalled = signals.tryAcquire(millis, TimeUnit.MILLISECONDS);
            signals.drainPermits();
            return signalled;
        }

        @Override
        public void close() {
            watches.computeIfPresent(member, (m, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }

    private final class RedisLease implements Lease {
        private final EntryKey key;
        private final long token;
        private final long ttlMillis;

        RedisLease(EntryKey key, long token, long ttlMillis) {
            this.key = key;
            this.token = token;
            this.ttlMillis = ttlMillis;
        }

        @Override
        public long token() {
            return token;
        }

        @Override
        public boolean renew() throws StoreException {
            Long renewed = store.call(r -> r.<Long>eval(
                    RENEW, ScriptOutputType.INTEGER, new String[0], args(prefix, member(key), token, ttlMillis)));
            return renewed == 1;
        }

        @Override
        public Optional<List<EntryKey>> put(byte[] value, long now, long maxSize, Map<EntryKey, Long> touches)
                throws StoreException {
            try {
                return Optional.of(store.put(key.namespace(), key.key(), value, now, maxSize, touches, token));
            } catch (StoreException e) {
                if (e.getCause() instanceof RedisCommandExecutionException refused
                        && String.valueOf(refused.getMessage()).startsWith("FENCED")) {
                    return Optional.empty();
                }
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                store.call(r -> r.<Long>eval(
                        RELEASE, ScriptOutputType.INTEGER, new String[0], args(prefix, member(key), token)));
            } catch (StoreException e) {
                // Redis away: the lease expires by itself.
                log.debug("cache: could not give up the lease on {}", member(key), e);
            }
        }
    }
}
