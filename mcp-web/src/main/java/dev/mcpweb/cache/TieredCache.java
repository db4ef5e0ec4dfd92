package dev.mcpweb.cache;

import dev.mcpweb.cache.EntryStore.EntryKey;
import dev.mcpweb.cache.EntryStore.Row;
import dev.mcpweb.config.CacheConfig;
import dev.mcpweb.fetch.ResponseStore;
import dev.mcpweb.fetch.RobotsStore;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent two-tier cache of every stage's results: a {@link MemoryTier} in front of an
 * {@link EntryStore} (one SQLite file in WAL mode that many threads and several processes share). Values
 * are bytes under a {@link Namespace}, each with its {@link Lifetime} from {@link CacheConfig}; the store
 * is bounded in bytes, least recently used entries going first. Every stage goes through
 * {@link #getOrCompute}: a stored value is served, and a missing one is computed once however many
 * callers ask at the same time ({@link SingleFlight}) and stored only when the computation returns
 * normally. Entries are written by one thread off the callers' path, and seen by lookups at once
 * ({@link WriteBehind}); access times and hit counts are written in batches ({@link WriteBatcher}). The cache never
 * fails its caller: a damaged store is replaced ({@link StoreRecovery}), and if even that fails the cache
 * is disabled (it misses everything, and {@link #stats()} says {@code enabled=false}).
 */
public final class TieredCache implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TieredCache.class);
    private static final long FLUSH_INTERVAL_MILLIS = 1_000;
    private static final long PRUNE_INTERVAL_MINUTES = 60;

    /** How one namespace's values are read from and written to bytes. */
    public interface Codec<T> {
        /** The value in {@code bytes}, or empty when they are not one (an old or damaged entry: a miss). */
        Optional<T> decode(byte[] bytes);

        /** The bytes to store for {@code value}, or empty when it is not to be stored. */
        Optional<byte[]> encode(T value);

        /** Values stored as they are (copied, so that no caller shares an array with the cache). */
        Codec<byte[]> BYTES = of(bytes -> Optional.of(bytes.clone()), value -> Optional.of(value.clone()));

        static <T> Codec<T> of(Function<byte[], Optional<T>> decode, Function<T, Optional<byte[]>> encode) {
            return new Codec<>() {
                @Override
                public Optional<T> decode(byte[] bytes) {
                    return decode.apply(bytes);
                }

                @Override
                public Optional<byte[]> encode(T value) {
                    return encode.apply(value);
                }
            };
        }
    }

    /** Work whose result is cached. */
    @FunctionalInterface
    public interface Computation<T, E extends Exception> {
        T compute() throws E, InterruptedException;
    }

    /** Where a value came from. */
    public enum Origin {
        /** Read from the cache. */
        STORED,
        /** Computed by this caller. */
        COMPUTED,
        /** Computed by another caller that asked for the same key at the same time. */
        SHARED
    }

    /** A value and where it came from; anything but {@link Origin#COMPUTED} counts as a hit. */
    public record Cached<T>(T value, Origin origin) {
        public boolean hit() {
            return origin != Origin.COMPUTED;
        }
    }

    private final CacheConfig config;
    private final InstantSource clock;
    private final Map<Namespace, Lifetime> lifetimes;
    private final MemoryTier memory;
    private final WriteBatcher writes = new WriteBatcher();
    private final WriteBehind writeBehind = new WriteBehind();
    private final StoreRecovery stores;
    // Every namespace holds one kind of value, computed in one place, so one map of flights serves all.
    private final SingleFlight<EntryKey, Object> flights = new SingleFlight<>("mcp-web-cache-compute");
    private final Optional<ReplicaFlight> replicas;
    private final Optional<ScheduledExecutorService> housekeeping;
    private volatile boolean closed;

    private TieredCache(CacheConfig config, InstantSource clock, Optional<EntryStore.Backend> backend) {
        this.config = config;
        this.clock = clock;
        this.lifetimes = Lifetime.of(config);
        this.memory = new MemoryTier(backend.isPresent() ? config.memorySize() : 0);
        this.stores = backend.map(b -> new StoreRecovery(b, memory::clear)).orElse(null);
        this.replicas = store().flatMap(EntryStore::leases)
                .map(leases -> new ReplicaFlight(leases, config.leaseTtl().toMillis()));
        if (stores == null || stores.store().isEmpty()) {
            this.housekeeping = Optional.empty();
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("mcp-web-cache-flush").factory());
        executor.scheduleWithFixedDelay(
                this::flushQuietly, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        // A long-running server drops expired entries by itself; prune is cheap when little expired.
        executor.scheduleWithFixedDelay(
                () -> prune(Optional.empty()), PRUNE_INTERVAL_MINUTES, PRUNE_INTERVAL_MINUTES, TimeUnit.MINUTES);
        this.housekeeping = Optional.of(executor);
    }

    /**
     * Opens the cache in {@link CacheConfig#dir()}. Never throws for a bad store: a corrupt or unreadable
     * file is moved aside (with a warning) and a fresh one created; if that fails too, or the cache is
     * switched off, the returned cache is disabled.
     */
    public static TieredCache open(CacheConfig config) {
        return open(config, InstantSource.system());
    }

    static TieredCache open(CacheConfig config, InstantSource clock) {
        return new TieredCache(config, clock, config.enabled() ? Optional.of(backend(config)) : Optional.empty());
    }

    private static EntryStore.Backend backend(CacheConfig config) {
        return switch (config.backend()) {
            case SQLITE -> SqliteStore.backend(config.dir());
            case REDIS -> {
                Map<String, Long> ttls = new LinkedHashMap<>();
                Lifetime.of(config).forEach((ns, lifetime) -> ttls.put(ns.wireName(), lifetime.keptMillis()));
                yield RedisStore.backend(config.redisUrl(), ttls);
            }
        };
    }

    /** The value under {@code key} if one is stored and still within its namespace's lifetime. */
    public Optional<byte[]> get(Namespace namespace, String key) {
        Optional<Row> row = fresh(namespace, key);
        writes.count(namespace, row.isPresent());
        return row.map(r -> r.value().clone());
    }

    /** As {@link #get}, without counting a hit or a miss: a look at what is there, not a use of it. */
    public Optional<byte[]> peek(Namespace namespace, String key) {
        return fresh(namespace, key).map(r -> r.value().clone());
    }

    /** Stores {@code value} under {@code key}, replacing what was there, evicting old entries if over size. */
    public void put(Namespace namespace, String key, byte[] value) {
        store(namespace, Objects.requireNonNull(key, "key"), value.clone(), Optional.empty());
    }

    /**
     * The value under {@code key}: the stored one, or else the one {@code compute} returns, stored when
     * {@code codec} encodes it. Concurrent callers for the same missing key compute it once and share the
     * value or the failure ({@link Origin#SHARED}); a failed or abandoned computation stores nothing, so
     * the next caller computes again. On a store shared by replicas (Redis) the same holds across them: one
     * replica computes under a lease while the others wait for its value ({@link ReplicaFlight}), a failed
     * or abandoned computation gives the lease up, and a replica that cannot reach the store computes on
     * its own. A caller interrupted while it waits stops waiting with an
     * {@link InterruptedException}; the computation goes on for the others (see {@link SingleFlight}).
     * A switched-off cache computes every time. Each namespace must hold one kind of value and failure.
     */
    public <T, E extends Exception> Cached<T> getOrCompute(
            Namespace namespace, String key, Codec<T> codec, Computation<T, E> compute) throws E, InterruptedException {
        Objects.requireNonNull(key, "key");
        Supplier<Optional<T>> stored = () -> fresh(namespace, key).flatMap(r -> codec.decode(r.value()));
        Optional<T> found = stored.get();
        if (found.isPresent()) {
            writes.count(namespace, true);
            return new Cached<>(found.get(), Origin.STORED);
        }
        if (store().isEmpty()) {
            return new Cached<>(compute.compute(), Origin.COMPUTED);
        }
        AtomicBoolean mine = new AtomicBoolean();
        Claimed<T> claimed = inFlight(
                namespace,
                key,
                () -> {
                    mine.set(true);
                    // Another caller may have stored the value between our lookup and our claim.
                    Optional<T> now = stored.get();
                    if (now.isPresent()) {
                        return new Claimed<>(new Cached<>(now.get(), Origin.STORED), Optional.empty());
                    }
                    ReplicaFlight.Turn<T> turn = turn(namespace, key, stored);
                    if (turn instanceof ReplicaFlight.Turn.Landed<T> landed) {
                        return new Claimed<>(new Cached<>(landed.value(), Origin.STORED), Optional.empty());
                    }
                    Optional<Leases.Lease> lease = turn instanceof ReplicaFlight.Turn.Yours<T> yours
                            ? Optional.of(yours.lease())
                            : Optional.empty();
                    boolean computed = false;
                    try {
                        Claimed<T> result = new Claimed<>(new Cached<>(compute.compute(), Origin.COMPUTED), lease);
                        computed = true;
                        return result;
                    } finally {
                        if (!computed) {
                            lease.ifPresent(Leases.Lease::close); // a waiter elsewhere takes over at once
                        }
                    }
                },
                done -> {
                    Optional<byte[]> bytes = done.cached().origin() == Origin.COMPUTED
                            ? codec.encode(done.cached().value())
                            : Optional.empty();
                    if (bytes.isPresent()) {
                        store(namespace, key, bytes.get(), done.lease());
                    } else {
                        done.lease().ifPresent(Leases.Lease::close);
                    }
                },
                dropped -> dropped.lease().ifPresent(Leases.Lease::close));
        Cached<T> cached = claimed.cached();
        Cached<T> result = mine.get() ? cached : new Cached<>(cached.value(), Origin.SHARED);
        writes.count(namespace, result.hit());
        return result;
    }

    /** A value computed or read in a flight, and the lease to store it under when there is one. */
    private record Claimed<T>(Cached<T> cached, Optional<Leases.Lease> lease) {}

    /**
     * Across replicas (a store with leases): the value another replica stores while this one waits, or the
     * lease to compute it under; to compute alone when there are no leases or the store cannot be reached.
     */
    private <T> ReplicaFlight.Turn<T> turn(Namespace namespace, String key, Supplier<Optional<T>> stored)
            throws InterruptedException {
        Optional<EntryStore> store = store();
        if (replicas.isEmpty() || store.isEmpty()) {
            return new ReplicaFlight.Turn.Alone<>();
        }
        try {
            return replicas.get().take(new EntryKey(namespace.wireName(), key), stored);
        } catch (StoreException e) {
            stores.failed(store.get(), "claim a lease in", e);
            return new ReplicaFlight.Turn.Alone<>();
        }
    }

    /**
     * The outcome of {@code compute}, run once for concurrent callers of the same key and shared with all
     * of them, storing nothing itself: for a stage that reads and writes its entries on its own (the
     * fetcher revalidates stale responses). A switched-off cache runs it for every caller.
     */
    public <T, E extends Exception> T shared(Namespace namespace, String key, Computation<T, E> compute)
            throws E, InterruptedException {
        if (store().isEmpty()) {
            return compute.compute();
        }
        return inFlight(namespace, key, compute, value -> {}, value -> {});
    }

    @SuppressWarnings("unchecked") // one kind of value and failure per namespace (see getOrCompute)
    private <T, E extends Exception> T inFlight(
            Namespace namespace, String key, Computation<T, E> compute, Consumer<T> keep, Consumer<T> drop)
            throws E, InterruptedException {
        try {
            return (T) flights.run(
                    new EntryKey(namespace.wireName(), key),
                    compute::compute,
                    v -> keep.accept((T) v),
                    v -> drop.accept((T) v));
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error error -> throw error;
                case InterruptedException i -> throw i;
                case Exception checked -> throw (E) checked;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Waits until every entry stored so far by this process is in the store, where other processes and
     * replicas see it, and writes the pending access times and counts. Lookups in this process need no
     * flush: they see an entry as soon as it is stored.
     */
    public void flush() {
        writeBehind.drain();
        flushQuietly();
    }

    /**
     * Figures of every namespace as the store holds them, with this process's hits and misses not yet written
     * to it; hits and misses are those of every process since the cache was created. Waits for no write: an
     * entry stored a moment ago may not be counted yet ({@link #flush} first for exact figures).
     */
    public CacheStats stats() {
        Map<String, NamespaceStats> stats = new LinkedHashMap<>();
        Namespace.wireNames().forEach(ns -> stats.put(ns, new NamespaceStats(0, 0, 0, 0, 0)));
        Optional<EntryStore> store = store();
        if (store.isEmpty()) {
            return new CacheStats(false, stats);
        }
        try {
            store.get()
                    .stats()
                    .forEach((ns, figures) ->
                            stats.computeIfPresent(ns, (k, zero) -> writes.withPending(Namespace.of(ns), figures)));
            return new CacheStats(true, stats);
        } catch (StoreException e) {
            stores.failed(store.get(), "read the statistics of", e);
            return new CacheStats(false, stats);
        }
    }

    /** Removes every entry of {@code namespace}, or of all namespaces when empty; returns how many. */
    public long clear(Optional<Namespace> namespace) {
        Optional<EntryStore> store = store();
        if (store.isEmpty()) {
            return 0;
        }
        writeBehind.drain();
        try {
            long removed = store.get().clear(namespace.map(Namespace::wireName));
            memory.removeIf((k, row) ->
                    namespace.isEmpty() || k.namespace().equals(namespace.get().wireName()));
            return removed;
        } catch (StoreException e) {
            stores.failed(store.get(), "clear", e);
            return 0;
        }
    }

    /**
     * Removes the entries past their namespace's lifetime (of {@code namespace} only, when given) and,
     * when no namespace is given, evicts least recently used entries until the store is within
     * {@code max_size}; returns how many entries went.
     */
    public long prune(Optional<Namespace> namespace) {
        Optional<EntryStore> store = store();
        if (store.isEmpty()) {
            return 0;
        }
        writeBehind.drain();
        long now = clock.millis();
        Map<String, Long> cutoffs = new LinkedHashMap<>();
        lifetimes.forEach((ns, lifetime) -> {
            if (namespace.isEmpty() || namespace.get() == ns) {
                cutoffs.put(ns.wireName(), lifetime.keptCutoff(now));
            }
        });
        try {
            EntryStore.Pruned pruned =
                    store.get().prune(cutoffs, namespace.isEmpty() ? config.maxSize() : 0, writes.drainTouches());
            memory.invalidate(pruned.evicted());
            memory.removeIf(
                    (k, row) -> !lifetimes.get(Namespace.of(k.namespace())).isKept(row.createdAt(), now));
            return pruned.expired() + pruned.evicted().size();
        } catch (StoreException e) {
            stores.failed(store.get(), "prune", e);
            return 0;
        }
    }

    /** The {@link Namespace#FETCH} namespace as the fetcher's {@link ResponseStore}. */
    public ResponseStore responseStore() {
        return new FetchResponseStore(this);
    }

    /** The {@link Namespace#ROBOTS} namespace as the fetcher's {@link RobotsStore}. */
    public RobotsStore robotsStore() {
        return new RobotsAnswerStore(this);
    }

    /**
     * Whether the cache runs on its memory tier alone because its shared store (Redis) cannot be reached
     * now; it goes back to the store by itself when the store answers again.
     */
    public boolean degraded() {
        return store().map(s -> !s.reachable()).orElse(false);
    }

    /** Whether values are kept: false when the cache is switched off, or disabled because its store failed. */
    public boolean enabled() {
        return store().isPresent();
    }

    /** Where the store lives (its file, or its Redis with credentials masked), or empty when the cache is disabled. */
    public Optional<String> where() {
        return store().isPresent() ? Optional.of(stores.where()) : Optional.empty();
    }

    /** Where the store lives, or empty when the cache is disabled. */
    public Optional<Path> file() {
        return store().flatMap(EntryStore::file);
    }

    /** Writes pending statistics and access times, then closes the store. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        housekeeping.ifPresent(executor -> {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writeBehind.close();
        flushQuietly();
        replicas.ifPresent(ReplicaFlight::close);
        if (stores != null) {
            stores.close();
        }
    }

    // --- package-private: the fetch store and tests ---

    /** The entry under {@code key} while it is kept (possibly stale), without counting a hit or miss. */
    Optional<Row> getKept(Namespace namespace, String key) {
        return lookup(namespace, key);
    }

    boolean isFresh(Namespace namespace, Row row) {
        return lifetimes.get(namespace).isFresh(row.createdAt(), clock.millis());
    }

    void count(Namespace namespace, boolean hit) {
        writes.count(namespace, hit);
    }

    /** Storage operations that failed since this cache was opened (each was served as a miss or skipped). */
    long storageErrors() {
        return stores == null ? 0 : stores.errors();
    }

    // --- internals ---

    private Optional<EntryStore> store() {
        return stores == null ? Optional.empty() : stores.store();
    }

    private Optional<Row> fresh(Namespace namespace, String key) {
        return lookup(namespace, key).filter(r -> isFresh(namespace, r));
    }

    /** Memory tier, then the store; an entry past its namespace's {@code keptFor} is not returned. Records the access. */
    private Optional<Row> lookup(Namespace namespace, String key) {
        Optional<EntryStore> store = store();
        if (store.isEmpty()) {
            return Optional.empty();
        }
        Lifetime lifetime = lifetimes.get(namespace);
        EntryKey entryKey = new EntryKey(namespace.wireName(), key);
        long now = clock.millis();
        Optional<Row> row = writeBehind.waiting(entryKey).or(() -> memory.get(entryKey));
        if (row.isEmpty()) {
            try {
                row = store.get().read(entryKey.namespace(), key);
            } catch (StoreException e) {
                stores.failed(store.get(), "read from", e);
                return Optional.empty();
            }
            if (row.isEmpty()) {
                return Optional.empty();
            }
            if (lifetime.isKept(row.get().createdAt(), now)) {
                memory.put(entryKey, row.get());
            }
        }
        if (!lifetime.isKept(row.get().createdAt(), now)) {
            return Optional.empty();
        }
        if (writes.touch(entryKey, now)) {
            flushSoon();
        }
        return row;
    }

    /**
     * Hands the entry to the writer ({@link WriteBehind}), under {@code lease} when there is one (then
     * refused if another replica took it over), and closes the lease once it is written.
     */
    private void store(Namespace namespace, String key, byte[] value, Optional<Leases.Lease> lease) {
        EntryKey entryKey = new EntryKey(namespace.wireName(), key);
        if (store().isEmpty() || value.length > config.maxSize()) {
            if (store().isPresent()) {
                log.debug(
                        "not caching {}/{}: {} bytes is over cache.max_size", namespace.wireName(), key, value.length);
                memory.invalidate(entryKey);
            }
            lease.ifPresent(Leases.Lease::close);
            return;
        }
        Row row = new Row(value, clock.millis());
        writeBehind.submit(entryKey, row, () -> {
            try {
                write(entryKey, row, lease);
            } finally {
                lease.ifPresent(Leases.Lease::close);
            }
        });
    }

    private void write(EntryKey entryKey, Row row, Optional<Leases.Lease> lease) {
        Optional<EntryStore> store = store();
        if (store.isEmpty()) {
            return;
        }
        String key = entryKey.key();
        byte[] value = row.value();
        long now = row.createdAt();
        try {
            Map<EntryKey, Long> touches = writes.drainTouches();
            Optional<List<EntryKey>> written = lease.isPresent()
                    ? lease.get().put(value, now, config.maxSize(), touches)
                    : Optional.of(store.get().put(entryKey.namespace(), key, value, now, config.maxSize(), touches));
            if (written.isEmpty()) {
                log.info(
                        "cache: not storing {}/{}: its lease expired and another replica took it over",
                        entryKey.namespace(),
                        key);
                return;
            }
            memory.invalidate(written.get());
            memory.put(entryKey, row);
        } catch (StoreException e) {
            // A store that is away (Redis lost) leaves this process serving the value from memory meanwhile.
            if (e.damaged()) {
                memory.invalidate(entryKey);
            } else {
                memory.put(entryKey, row);
            }
            stores.failed(store.get(), "write to", e);
        }
    }

    private void flushSoon() {
        if (housekeeping.isPresent() && !closed) {
            try {
                housekeeping.get().execute(this::flushQuietly);
            } catch (RejectedExecutionException ignored) {
                // Closing: close() flushes.
            }
        }
    }

    private void flushQuietly() {
        Optional<EntryStore> store = store();
        if (store.isEmpty()) {
            return;
        }
        try {
            writes.flush(store.get());
        } catch (StoreException e) {
            stores.failed(store.get(), "update the statistics of", e);
        }
    }
}
