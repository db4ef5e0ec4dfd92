package dev.mcpweb.cache;

import dev.mcpweb.config.BaseUrl;
import dev.mcpweb.redis.RedisClients;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScoredValueScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared tier on Redis, for replicas that share one cache. An entry is one hash ({@code c}: created
 * at, {@code v}: the value) written and read by single commands, so no reader ever sees half of one, and
 * it expires by Redis at its namespace's {@code keptFor}. Beside the entries, Lua scripts keep (each
 * atomically) a sorted set of access times of every entry, for least-recently-used eviction down to
 * {@code cache.max_size} across all namespaces, and per-namespace counters shared by every replica.
 * Entries Redis expired stay counted until the next prune sweeps them, as SQLite keeps expired rows until
 * its prune. Redis unreachable (at start or later) is a {@link StoreException} that is not damage: the
 * cache serves its memory tier meanwhile, and the connection comes back by itself.
 */
final class RedisStore implements EntryStore {
    private static final String PREFIX = "mcp-web:";
    private static final long RECONNECT_INTERVAL_MILLIS = RedisClients.TIMEOUT.toMillis();
    private static final int SWEEP_BATCH = 500;
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    /** Lua shared by the scripts: forgetting an entry's bookkeeping, and evicting down to a size. */
    private static final String LIB = """
            local p = ARGV[1]
            local function forget(member)
              redis.call('ZREM', p .. 'lru', member)
              local meta = redis.call('HGET', p .. 'meta', member)
              if not meta then return nil end
              redis.call('HDEL', p .. 'meta', member)
              local size = tonumber(string.match(meta, '^(%d+)'))
              local ns = string.match(member, '^([^:]+)')
              redis.call('HINCRBY', p .. 'c:' .. ns, 'entries', -1)
              redis.call('HINCRBY', p .. 'c:' .. ns, 'bytes', -size)
              redis.call('DECRBY', p .. 'bytes', size)
              return ns
            end
            local function total() return tonumber(redis.call('GET', p .. 'bytes') or '0') end
            local function evict(maxSize, keep)
              local evicted = {}
              while total() > maxSize do
                local oldest = redis.call('ZRANGE', p .. 'lru', 0, 31)
                local progressed = false
                for _, member in ipairs(oldest) do
                  if member ~= keep and total() > maxSize then
                    local alive = redis.call('DEL', p .. 'e:' .. member) == 1
                    local ns = forget(member)
                    if alive and ns then
                      redis.call('HINCRBY', p .. 'c:' .. ns, 'evictions', 1)
                      table.insert(evicted, member)
                    end
                    progressed = true
                  end
                end
                if not progressed then break end
              end
              return evicted
            end
            """;

    // ARGV: prefix, namespace, key, now, maxSize, ttl millis (negative: none), value, fencing token (0: none).
    // Returns the evicted. Under a lease (token not 0) the write is refused with a FENCED error when another
    // holds the lease or a later holder wrote the entry; otherwise it ends the lease and tells the watchers.
    private static final String PUT = LIB + """
            local member = ARGV[2] .. ':' .. ARGV[3]
            local entry = p .. 'e:' .. member
            local lease = p .. 'l:' .. member
            local token = ARGV[8]
            if token ~= '0' then
              local holder = redis.call('GET', lease)
              local fence = tonumber(redis.call('HGET', entry, 'f') or '0')
              if (holder and holder ~= token) or fence > tonumber(token) then
                return redis.error_reply('FENCED lease of ' .. member .. ' is held by ' .. tostring(holder))
              end
              if holder then redis.call('DEL', lease) end
              redis.call('PUBLISH', p .. 'landed', member)
            end
            forget(member)
            redis.call('DEL', entry)
            redis.call('HSET', entry, 'c', ARGV[4], 'v', ARGV[7], 'f', token)
            if tonumber(ARGV[6]) >= 0 then redis.call('PEXPIRE', entry, ARGV[6]) end
            redis.call('ZADD', p .. 'lru', ARGV[4], member)
            redis.call('HSET', p .. 'meta', member, #ARGV[7] .. ':' .. ARGV[4])
            redis.call('HINCRBY', p .. 'c:' .. ARGV[2], 'entries', 1)
            redis.call('HINCRBY', p .. 'c:' .. ARGV[2], 'bytes', #ARGV[7])
            redis.call('INCRBY', p .. 'bytes', #ARGV[7])
            return evict(tonumber(ARGV[5]), member)
            """;

    // ARGV: prefix, n, n pairs (namespace, cutoff), then members. Removes the members that Redis expired
    // or that were created at or before their namespace's cutoff; returns how many.
    private static final String SWEEP = LIB + """
            local n = tonumber(ARGV[2])
            local cutoffs = {}
            for i = 0, n - 1 do cutoffs[ARGV[3 + 2 * i]] = tonumber(ARGV[4 + 2 * i]) end
            local removed = 0
            for i = 3 + 2 * n, #ARGV do
              local member = ARGV[i]
              local meta = redis.call('HGET', p .. 'meta', member)
              local ns = string.match(member, '^([^:]+)')
              local cutoff = cutoffs[ns]
              local created = meta and tonumber(string.match(meta, ':(%d+)$')) or 0
              local gone = redis.call('EXISTS', p .. 'e:' .. member) == 0
              if gone or (cutoff and created <= cutoff) then
                redis.call('DEL', p .. 'e:' .. member)
                if forget(member) then removed = removed + 1 end
              end
            end
            return removed
            """;

    // ARGV: prefix, maxSize. Returns the evicted.
    private static final String EVICT = LIB + "return evict(tonumber(ARGV[2]), '')";

    private final RedisClients client;
    private final String where;
    private final Map<String, Long> ttlMillis;
    private final RedisLeases leases;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private long nextConnectAttempt;

    private RedisStore(RedisClients client, String where, Map<String, Long> ttlMillis) {
        this.client = client;
        this.where = where;
        this.ttlMillis = ttlMillis;
        this.leases = new RedisLeases(this, client.client(), PREFIX);
    }

    /**
     * The store at {@code url}, entries of each namespace expiring after {@code ttlMillis} (negative: never).
     * Opening never waits for Redis: an unreachable one fails operations until it answers.
     */
    static Backend backend(String url, Map<String, Long> ttlMillis) {
        String shown = "Redis " + BaseUrl.mask(url);
        return new Backend() {
            @Override
            public EntryStore open() throws StoreException {
                RedisClients client;
                try {
                    client = RedisClients.create(url, shown, "cache", "serving from the memory tier");
                } catch (IllegalArgumentException e) {
                    throw new StoreException(
                            "cache.redis_url is not a Redis URL (" + e.getMessage()
                                    + "); give one like redis://127.0.0.1:6379/0",
                            false,
                            e);
                }
                return new RedisStore(client, shown, Map.copyOf(ttlMillis));
            }

            @Override
            public void setAside(StoreException cause) {
                // Nothing to move: Redis is never marked damaged.
            }

            @Override
            public String where() {
                return shown;
            }
        };
    }

    /** Whether Redis answers now: false while it is unreachable and the cache runs on its memory tier. */
    @Override
    public boolean reachable() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c == null) {
            try {
                redis();
                return true;
            } catch (StoreException e) {
                return false;
            }
        }
        return c.isOpen();
    }

    @Override
    public Optional<Row> read(String namespace, String key) throws StoreException {
        List<KeyValue<String, byte[]>> fields = call(r -> r.hmget(entry(namespace, key), "c", "v"));
        if (fields.size() != 2 || !fields.get(0).hasValue() || !fields.get(1).hasValue()) {
            return Optional.empty();
        }
        long createdAt = Long.parseLong(new String(fields.get(0).getValue(), StandardCharsets.US_ASCII));
        return Optional.of(new Row(fields.get(1).getValue(), createdAt));
    }

    @Override
    public List<EntryKey> put(
            String namespace, String key, byte[] value, long now, long maxSize, Map<EntryKey, Long> touches)
            throws StoreException {
        return put(namespace, key, value, now, maxSize, touches, 0);
    }

    @Override
    public Optional<Leases> leases() {
        return Optional.of(leases);
    }

    /** {@link #put} under the lease with fencing token {@code fence} (0: no lease); see {@link Leases.Lease#put}. */
    List<EntryKey> put(
            String namespace, String key, byte[] value, long now, long maxSize, Map<EntryKey, Long> touches, long fence)
            throws StoreException {
        touch(touches);
        List<byte[]> evicted = call(r -> r.eval(
                PUT,
                ScriptOutputType.MULTI,
                new String[0],
                bytes(PREFIX),
                bytes(namespace),
                bytes(key),
                bytes(now),
                bytes(maxSize),
                bytes(ttlMillis.getOrDefault(namespace, -1L)),
                value,
                bytes(fence)));
        // Again after the write for this entry: a lookup may have read it while it waited to be written.
        EntryKey written = new EntryKey(namespace, key);
        if (touches.containsKey(written)) {
            touch(Map.of(written, touches.get(written)));
        }
        return entryKeys(evicted);
    }

    @Override
    public void flush(Map<EntryKey, Long> touches, Map<String, long[]> hitsAndMisses) throws StoreException {
        touch(touches);
        for (Map.Entry<String, long[]> e : hitsAndMisses.entrySet()) {
            call(r -> {
                r.hincrby(PREFIX + "c:" + e.getKey(), "hits", e.getValue()[0]);
                return r.hincrby(PREFIX + "c:" + e.getKey(), "misses", e.getValue()[1]);
            });
        }
    }

    @Override
    public Map<String, NamespaceStats> stats() throws StoreException {
        Map<String, NamespaceStats> stats = new LinkedHashMap<>();
        for (String ns : Namespace.wireNames()) {
            List<KeyValue<String, byte[]>> f =
                    call(r -> r.hmget(PREFIX + "c:" + ns, "entries", "bytes", "hits", "misses", "evictions"));
            stats.put(ns, new NamespaceStats(number(f, 0), number(f, 1), number(f, 2), number(f, 3), number(f, 4)));
        }
        return stats;
    }

    @Override
    public long clear(Optional<String> namespace) throws StoreException {
        Map<String, Long> everything = new LinkedHashMap<>();
        for (String ns : namespace.map(List::of).orElse(Namespace.wireNames())) {
            everything.put(ns, Long.MAX_VALUE);
        }
        return sweep(everything, namespace.map(ns -> ns + ":*"));
    }

    @Override
    public Pruned prune(Map<String, Long> cutoffs, long maxSize, Map<EntryKey, Long> touches) throws StoreException {
        touch(touches);
        long expired = sweep(cutoffs, Optional.empty());
        if (maxSize <= 0) {
            return new Pruned(expired, List.of());
        }
        List<byte[]> evicted =
                call(r -> r.eval(EVICT, ScriptOutputType.MULTI, new String[0], bytes(PREFIX), bytes(maxSize)));
        return new Pruned(expired, entryKeys(evicted));
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    @Override
    public void close() {
        leases.close();
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            c.close();
        }
        client.close();
    }

    /** Goes over the access set in batches (so that Redis is never held long), sweeping each batch. */
    private long sweep(Map<String, Long> cutoffs, Optional<String> match) throws StoreException {
        List<byte[]> head = new ArrayList<>();
        head.add(bytes(PREFIX));
        head.add(bytes(cutoffs.size()));
        cutoffs.forEach((ns, cutoff) -> {
            head.add(bytes(ns));
            head.add(bytes(cutoff));
        });
        ScanArgs args = ScanArgs.Builder.limit(SWEEP_BATCH);
        match.ifPresent(args::match);
        long removed = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor from = cursor;
            ScoredValueScanCursor<byte[]> batch = call(r -> r.zscan(PREFIX + "lru", from, args));
            // ZSCAN may return a member twice; the sweep of a gone member removes nothing.
            List<byte[]> argv = new ArrayList<>(head);
            batch.getValues().forEach(scored -> argv.add(scored.getValue()));
            if (!batch.getValues().isEmpty()) {
                Long n = call(r -> r.eval(SWEEP, ScriptOutputType.INTEGER, new String[0], argv.toArray(byte[][]::new)));
                removed += n;
            }
            cursor = batch;
        } while (!cursor.isFinished());
        return removed;
    }

    private void touch(Map<EntryKey, Long> touches) throws StoreException {
        if (touches.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        ScoredValue<byte[]>[] scored = touches.entrySet().stream()
                .map(e -> ScoredValue.just(
                        e.getValue(),
                        bytes(e.getKey().namespace() + ":" + e.getKey().key())))
                .toArray(ScoredValue[]::new);
        // XX: an access never brings back an entry that was evicted or expired meanwhile; GT: nor makes a
        // rewritten entry older.
        call(r -> r.zadd(PREFIX + "lru", ZAddArgs.Builder.xx().gt(), scored));
    }

    interface Command<T> {
        T run(RedisCommands<String, byte[]> redis);
    }

    <T> T call(Command<T> command) throws StoreException {
        RedisCommands<String, byte[]> redis = redis();
        try {
            return command.run(redis);
        } catch (RedisException e) {
            throw new StoreException(where + ": " + e.getMessage(), false, e);
        }
    }

    /** The connection, made on first use; while Redis cannot be reached, a new attempt every 2 s at most. */
    private RedisCommands<String, byte[]> redis() throws StoreException {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            return c.sync();
        }
        synchronized (this) {
            if (connection == null) {
                long now = System.currentTimeMillis();
                if (now < nextConnectAttempt) {
                    throw new StoreException(where + " is unreachable", false, null);
                }
                try {
                    connection = client.client().connect(CODEC);
                } catch (RedisException e) {
                    nextConnectAttempt = now + RECONNECT_INTERVAL_MILLIS;
                    throw new StoreException(where + " is unreachable (" + e.getMessage() + ")", false, e);
                }
            }
            return connection.sync();
        }
    }

    private static String entry(String namespace, String key) {
        return PREFIX + "e:" + namespace + ":" + key;
    }

    private static List<EntryKey> entryKeys(List<byte[]> members) {
        return members.stream()
                .map(m -> new String(m, StandardCharsets.UTF_8))
                .map(m -> new EntryKey(m.substring(0, m.indexOf(':')), m.substring(m.indexOf(':') + 1)))
                .toList();
    }

    private static long number(List<KeyValue<String, byte[]>> fields, int i) {
        return fields.get(i).hasValue()
                ? Long.parseLong(new String(fields.get(i).getValue(), StandardCharsets.US_ASCII))
                : 0;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(long n) {
        return bytes(Long.toString(n));
    }
}
