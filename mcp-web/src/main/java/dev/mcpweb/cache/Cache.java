package dev.mcpweb.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpweb.cache.SqliteStore.EntryKey;
import dev.mcpweb.config.CacheConfig;
import dev.mcpweb.fetch.ResponseStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The persistent two-tier cache: a Caffeine memory tier, weighted by bytes, in front of one SQLite file
 * in WAL mode that many threads and several processes share. Values are bytes under a namespace
 * ({@link #FETCH}, {@link #EXTRACT}, {@link #MAP}, {@link #SUMMARY}, {@link #ROBOTS}), each with its
 * lifetime from {@link CacheConfig}; the file is bounded in bytes, least recently used entries going
 * first. {@link #getOrCompute} computes a missing value once however many callers ask at the same time,
 * and stores it only when the computation returns normally. The cache never fails its caller: a
 * corrupt store is moved aside and replaced, and if even that fails the cache is disabled (it misses
 * everything, and {@link #stats()} says {@code enabled=false}).
 */
public final class Cache implements AutoCloseable {
    public static final String FETCH = "fetch";
    public static final String EXTRACT = "extract";
    public static final String MAP = "map";
    public static final String SUMMARY = "summary";
    public static final String ROBOTS = "robots";
    /** Every namespace, in display order. */
    public static final List<String> NAMESPACES = List.of(FETCH, EXTRACT, MAP, SUMMARY, ROBOTS);

    private static final Logger log = LoggerFactory.getLogger(Cache.class);
    private static final long FLUSH_INTERVAL_MILLIS = 1_000;
    private static final long PRUNE_INTERVAL_MINUTES = 60;
    private static final int MAX_PENDING_TOUCHES = 10_000;
    private static final long WARN_INTERVAL_MILLIS = 10_000;
    private static final int ENTRY_OVERHEAD_BYTES = 96;

    /** A value and when it was stored (epoch milliseconds of the cache's clock). */
    record Entry(byte[] value, long createdAt) {}

    private final CacheConfig config;
    private final InstantSource clock;
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private final com.github.benmanes.caffeine.cache.Cache<EntryKey, Entry> memory;
    private final ConcurrentHashMap<EntryKey, Long> touches = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong[]> hitsAndMisses = new HashMap<>();
    private final ConcurrentHashMap<EntryKey, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong storageErrors = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong();
    private final ScheduledExecutorService flusher;
    private volatile SqliteStore store;
    private volatile boolean closed;

    private Cache(CacheConfig config, InstantSource clock, SqliteStore store) {
        this.config = config;
        this.clock = clock;
        this.store = store;
        for (Namespace ns : Namespace.all(config)) {
            namespaces.put(ns.name(), ns);
            hitsAndMisses.put(ns.name(), new AtomicLong[] {new AtomicLong(), new AtomicLong()});
        }
        this.memory = store == null || config.memorySize() <= 0
                ? null
                : Caffeine.newBuilder()
                        .maximumWeight(config.memorySize())
                        .weigher((EntryKey k, Entry e) ->
                                e.value().length + 2 * k.key().length() + ENTRY_OVERHEAD_BYTES)
                        .build();
        if (store == null) {
            this.flusher = null;
        } else {
            this.flusher = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("mcp-web-cache-flush").factory());
            flusher.scheduleWithFixedDelay(
                    this::flushQuietly, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            // A long-running server drops expired entries by itself; prune is cheap when little expired.
            flusher.scheduleWithFixedDelay(
                    () -> prune(Optional.empty()), PRUNE_INTERVAL_MINUTES, PRUNE_INTERVAL_MINUTES, TimeUnit.MINUTES);
        }
    }

    /**
     * Opens the cache in {@link CacheConfig#dir()}. Never throws for a bad store: a corrupt or unreadable
     * file is moved aside (with a warning) and a fresh one created; if that fails too, or the cache is
     * switched off, the returned cache is disabled.
     */
    public static Cache open(CacheConfig config) {
        return open(config, InstantSource.system());
    }

    static Cache open(CacheConfig config, InstantSource clock) {
        if (!config.enabled()) {
            return new Cache(config, clock, null);
        }
        return new Cache(config, clock, openOrReplace(config.dir()));
    }

    /**
     * A SHA-256 over length-prefixed, type-tagged parts, so that different part lists never collide by
     * concatenation: {@code key(chunkTexts, query, provider, model, promptVersion, length)}. Parts may be
     * strings, byte arrays, numbers, booleans, enums, {@link Optional}s and iterables of these.
     */
    public static String key(Object... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (Object part : parts) {
            digest(sha, part);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void digest(MessageDigest sha, Object part) {
        switch (part) {
            case null -> throw new NullPointerException("a cache key part is null; use Optional.empty() or \"\"");
            case byte[] bytes -> tagged(sha, 'b', bytes);
            case CharSequence text -> tagged(sha, 's', text.toString().getBytes(StandardCharsets.UTF_8));
            // 200 as an int and as a long make the same key; 200 and 200.0 do not.
            case Number n
            when n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte ->
                tagged(sha, 'i', Long.toString(n.longValue()).getBytes(StandardCharsets.UTF_8));
            case Number n -> tagged(sha, 'n', n.toString().getBytes(StandardCharsets.UTF_8));
            case Boolean b -> tagged(sha, 'z', new byte[] {(byte) (b ? 1 : 0)});
            case Enum<?> e -> tagged(sha, 'e', e.name().getBytes(StandardCharsets.UTF_8));
            case Optional<?> o -> {
                sha.update((byte) (o.isPresent() ? 'o' : '-'));
                o.ifPresent(value -> digest(sha, value));
            }
            case Iterable<?> items -> {
                sha.update((byte) '[');
                items.forEach(item -> digest(sha, item));
                sha.update((byte) ']');
            }
            default ->
                throw new IllegalArgumentException(
                        "cannot use a " + part.getClass().getName()
                                + " in a cache key; pass strings, bytes, numbers, booleans, enums, Optionals or lists");
        }
    }

    private static void tagged(MessageDigest sha, char tag, byte[] bytes) {
        sha.update((byte) tag);
        long n = bytes.length;
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha.update((byte) (n >>> shift));
        }
        sha.update(bytes);
    }

    /** The value under {@code key} if one is stored and still within its namespace's lifetime. */
    public Optional<byte[]> get(String namespace, String key) {
        Namespace ns = namespace(namespace);
        Optional<Entry> entry = lookup(ns, key).filter(e -> ns.isFresh(e.createdAt(), clock.millis()));
        count(ns.name(), entry.isPresent());
        return entry.map(e -> e.value().clone());
    }

    /** Stores {@code value} under {@code key}, replacing what was there, evicting old entries if over size. */
    public void put(String namespace, String key, byte[] value) {
        Namespace ns = namespace(namespace);
        Objects.requireNonNull(key, "key");
        store(ns, key, value.clone());
    }

    /**
     * The value under {@code key}, computing and storing it when missing. Concurrent callers for the same
     * missing key compute it once: the others wait for that result (and stop waiting, with
     * {@link InterruptedException}, when interrupted). A computation that throws stores nothing; its
     * exception goes to the caller that ran it and to those waiting, except that when it ended because
     * its caller was interrupted or cancelled (an {@link InterruptedException} or the like, possibly
     * wrapped) the waiters try again themselves.
     */
    public byte[] getOrCompute(String namespace, String key, Callable<byte[]> compute) throws Exception {
        Namespace ns = namespace(namespace);
        Objects.requireNonNull(key, "key");
        if (store == null) {
            return Objects.requireNonNull(compute.call(), "computed cache value");
        }
        EntryKey entryKey = new EntryKey(ns.name(), key);
        while (true) {
            Optional<Entry> cached = freshEntry(ns, key);
            if (cached.isPresent()) {
                count(ns.name(), true);
                return cached.get().value().clone();
            }
            CompletableFuture<byte[]> mine = new CompletableFuture<>();
            CompletableFuture<byte[]> running = inFlight.putIfAbsent(entryKey, mine);
            if (running != null) {
                try {
                    byte[] value = running.get();
                    count(ns.name(), true);
                    return value.clone();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ComputationCancelled) {
                        continue; // the computing caller was cancelled; this one still wants the value
                    }
                    throw rethrow(e.getCause());
                }
            }
            try {
                // Another caller may have stored the value between our lookup and our claim.
                cached = freshEntry(ns, key);
                if (cached.isPresent()) {
                    count(ns.name(), true);
                    mine.complete(cached.get().value());
                    return cached.get().value().clone();
                }
                count(ns.name(), false);
                byte[] value = Objects.requireNonNull(compute.call(), "computed cache value")
                        .clone();
                store(ns, key, value);
                mine.complete(value);
                return value.clone();
            } catch (Throwable t) {
                mine.completeExceptionally(wasCancelled(t) ? new ComputationCancelled() : t);
                throw t;
            } finally {
                inFlight.remove(entryKey, mine);
            }
        }
    }

    /** What waiters see when the caller computing their value was cancelled: they try again. */
    private static final class ComputationCancelled extends Exception {
        ComputationCancelled() {
            super("the computing caller was cancelled", null, false, false);
        }
    }

    /** Whether {@code t} ended a computation because its caller was interrupted or cancelled. */
    private static boolean wasCancelled(Throwable t) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InterruptedException
                    || c instanceof CancellationException
                    || c instanceof java.io.InterruptedIOException
                    || c instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    private static Exception rethrow(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return (Exception) cause;
    }

    /** Figures of every namespace; hits and misses are those of every process since the cache was created. */
    public CacheStats stats() {
        SqliteStore s = store;
        if (s != null) {
            flushQuietly();
            try {
                Map<String, NamespaceStats> stored = s.stats();
                Map<String, NamespaceStats> stats = new LinkedHashMap<>();
                for (String ns : NAMESPACES) {
                    stats.put(ns, stored.getOrDefault(ns, new NamespaceStats(0, 0, 0, 0, 0)));
                }
                return new CacheStats(true, stats);
            } catch (SQLException e) {
                failed(s, "read the statistics of", e);
            }
        }
        Map<String, NamespaceStats> zeros = new LinkedHashMap<>();
        NAMESPACES.forEach(ns -> zeros.put(ns, new NamespaceStats(0, 0, 0, 0, 0)));
        return new CacheStats(false, zeros);
    }

    /** Removes every entry of {@code namespace}, or of all namespaces when empty; returns how many. */
    public long clear(Optional<String> namespace) {
        namespace.ifPresent(this::namespace);
        SqliteStore s = store;
        if (s == null) {
            return 0;
        }
        try {
            long removed = s.clear(namespace);
            if (memory != null) {
                memory.asMap()
                        .keySet()
                        .removeIf(k -> namespace.isEmpty() || k.namespace().equals(namespace.get()));
            }
            return removed;
        } catch (SQLException e) {
            failed(s, "clear", e);
            return 0;
        }
    }

    /**
     * Removes the entries past their namespace's lifetime (of {@code namespace} only, when given) and,
     * when no namespace is given, evicts least recently used entries until the store is within
     * {@code max_size}; returns how many entries went.
     */
    public long prune(Optional<String> namespace) {
        namespace.ifPresent(this::namespace);
        SqliteStore s = store;
        if (s == null) {
            return 0;
        }
        long now = clock.millis();
        Map<String, Long> cutoffs = new LinkedHashMap<>();
        for (Namespace ns : namespaces.values()) {
            if (namespace.isEmpty() || namespace.get().equals(ns.name())) {
                cutoffs.put(ns.name(), ns.keptCutoff(now));
            }
        }
        try {
            SqliteStore.Pruned pruned = s.prune(cutoffs, namespace.isEmpty() ? config.maxSize() : 0, drainTouches());
            if (memory != null) {
                memory.invalidateAll(pruned.evicted());
                memory.asMap()
                        .entrySet()
                        .removeIf(e -> !namespaces
                                .get(e.getKey().namespace())
                                .isKept(e.getValue().createdAt(), now));
            }
            return pruned.expired() + pruned.evicted().size();
        } catch (SQLException e) {
            failed(s, "prune", e);
            return 0;
        }
    }

    /** The {@link #FETCH} namespace as the fetcher's {@link ResponseStore}. */
    public ResponseStore responseStore() {
        return new FetchResponseStore(this);
    }

    /** Where the store lives, or empty when the cache is disabled. */
    public Optional<Path> file() {
        return Optional.ofNullable(store).map(SqliteStore::file);
    }

    /** Writes pending statistics and access times, then closes the store. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly();
        SqliteStore s = store;
        store = null;
        if (s != null) {
            s.close();
        }
    }

    // --- package-private: the fetch store and tests ---

    /** The entry under {@code key} while it is kept (possibly stale), without counting a hit or miss. */
    Optional<Entry> getKept(String namespace, String key) {
        return lookup(namespace(namespace), key);
    }

    boolean isFresh(String namespace, Entry entry) {
        return namespace(namespace).isFresh(entry.createdAt(), clock.millis());
    }

    void count(String namespace, boolean hit) {
        hitsAndMisses.get(namespace)[hit ? 0 : 1].incrementAndGet();
    }

    /** Storage operations that failed since this cache was opened (each was served as a miss or skipped). */
    long storageErrors() {
        return storageErrors.get();
    }

    // --- internals ---

    private Namespace namespace(String name) {
        Namespace ns = namespaces.get(name);
        if (ns == null) {
            throw new IllegalArgumentException("no cache namespace '" + name + "'; use one of " + NAMESPACES);
        }
        return ns;
    }

    private Optional<Entry> freshEntry(Namespace ns, String key) {
        return lookup(ns, key).filter(e -> ns.isFresh(e.createdAt(), clock.millis()));
    }

    /** Memory tier, then disk tier; an entry past {@code keptFor} is not returned. Records the access. */
    private Optional<Entry> lookup(Namespace ns, String key) {
        SqliteStore s = store;
        if (s == null) {
            return Optional.empty();
        }
        EntryKey entryKey = new EntryKey(ns.name(), key);
        long now = clock.millis();
        Entry entry = memory == null ? null : memory.getIfPresent(entryKey);
        if (entry == null) {
            try {
                Optional<SqliteStore.Row> row = s.read(ns.name(), key);
                if (row.isEmpty()) {
                    return Optional.empty();
                }
                entry = new Entry(row.get().value(), row.get().createdAt());
            } catch (SQLException e) {
                failed(s, "read from", e);
                return Optional.empty();
            }
            if (memory != null && ns.isKept(entry.createdAt(), now)) {
                memory.put(entryKey, entry);
            }
        }
        if (!ns.isKept(entry.createdAt(), now)) {
            return Optional.empty();
        }
        touch(entryKey, now);
        return Optional.of(entry);
    }

    private void store(Namespace ns, String key, byte[] value) {
        SqliteStore s = store;
        if (s == null) {
            return;
        }
        EntryKey entryKey = new EntryKey(ns.name(), key);
        if (value.length > config.maxSize()) {
            log.debug("not caching {}/{}: {} bytes is over cache.max_size", ns.name(), key, value.length);
            if (memory != null) {
                memory.invalidate(entryKey);
            }
            return;
        }
        long now = clock.millis();
        try {
            List<EntryKey> evicted = s.put(ns.name(), key, value, now, config.maxSize(), drainTouches());
            if (memory != null) {
                memory.invalidateAll(evicted);
                memory.put(entryKey, new Entry(value, now));
            }
        } catch (SQLException e) {
            if (memory != null) {
                memory.invalidate(entryKey);
            }
            failed(s, "write to", e);
        }
    }

    private void touch(EntryKey key, long now) {
        touches.merge(key, now, Math::max);
        if (touches.size() > MAX_PENDING_TOUCHES && flusher != null && !closed) {
            try {
                flusher.execute(this::flushQuietly);
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // Closing: close() flushes.
            }
        }
    }

    private Map<EntryKey, Long> drainTouches() {
        Map<EntryKey, Long> drained = new HashMap<>();
        for (Map.Entry<EntryKey, Long> t : touches.entrySet()) {
            if (touches.remove(t.getKey(), t.getValue())) {
                drained.put(t.getKey(), t.getValue());
            }
        }
        return drained;
    }

    private void flushQuietly() {
        SqliteStore s = store;
        if (s == null) {
            return;
        }
        Map<String, long[]> counts = new HashMap<>();
        hitsAndMisses.forEach((ns, c) -> {
            long hits = c[0].getAndSet(0);
            long misses = c[1].getAndSet(0);
            if (hits != 0 || misses != 0) {
                counts.put(ns, new long[] {hits, misses});
            }
        });
        Map<EntryKey, Long> drained = drainTouches();
        try {
            s.flush(drained, counts);
        } catch (SQLException e) {
            // Keep the counts for the next flush; access times are only a hint for eviction.
            counts.forEach((ns, c) -> {
                hitsAndMisses.get(ns)[0].addAndGet(c[0]);
                hitsAndMisses.get(ns)[1].addAndGet(c[1]);
            });
            failed(s, "update the statistics of", e);
        }
    }

    private void failed(SqliteStore failedStore, String action, SQLException e) {
        storageErrors.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= WARN_INTERVAL_MILLIS && lastWarning.compareAndSet(last, now)) {
            log.warn("cache: could not {} {} ({}); carrying on without it", action, failedStore.file(), e.getMessage());
        } else {
            log.debug("cache: could not {} {}", action, failedStore.file(), e);
        }
        if (isDamaged(e)) {
            replaceDamaged(failedStore, e);
        }
    }

    private synchronized void replaceDamaged(SqliteStore damaged, SQLException cause) {
        if (store != damaged || closed) {
            return; // already replaced by another thread, or closing
        }
        damaged.close();
        SqliteStore fresh = null;
        try {
            moveAside(damaged.file(), cause);
            fresh = SqliteStore.open(config.dir(), NAMESPACES);
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("cache disabled: could not replace the damaged store {} ({})", damaged.file(), e.toString());
        }
        if (memory != null) {
            memory.invalidateAll();
        }
        store = fresh;
    }

    private static SqliteStore openOrReplace(Path dir) {
        Path file = dir.resolve(SqliteStore.FILE_NAME);
        try {
            return SqliteStore.open(dir, NAMESPACES);
        } catch (SQLException e) {
            boolean unreadable = e instanceof SQLiteException sqlite
                    && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CANTOPEN.code
                    && Files.exists(file);
            if (!isDamaged(e) && !unreadable && !(e instanceof SqliteStore.IncompatibleStoreException)) {
                log.warn("cache disabled: cannot open {} ({})", file, e.getMessage());
                return null;
            }
            try {
                moveAside(file, e);
                return SqliteStore.open(dir, NAMESPACES);
            } catch (IOException | SQLException | RuntimeException again) {
                log.warn("cache disabled: cannot replace {} ({})", file, again.toString());
                return null;
            }
        } catch (IOException | RuntimeException e) {
            log.warn("cache disabled: cannot open {} ({})", file, e.toString());
            return null;
        }
    }

    private static boolean isDamaged(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            int primary = sqlite.getResultCode().code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code;
        }
        return false;
    }

    /** Renames the store and its WAL files to {@code cache.db.corrupt-<time>*}, keeping them for a post-mortem. */
    private static void moveAside(Path file, Exception cause) throws IOException {
        String suffix = ".corrupt-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS")
                        .withZone(ZoneOffset.UTC)
                        .format(java.time.Instant.now());
        log.warn(
                "cache: {} is damaged or unreadable ({}); moving it aside to {} and starting a fresh cache",
                file,
                cause.getMessage(),
                file.getFileName() + suffix);
        for (String part : List.of("", "-wal", "-shm")) {
            Path p = file.resolveSibling(file.getFileName() + part);
            if (Files.exists(p)) {
                Files.move(p, p.resolveSibling(file.getFileName() + suffix + part), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }
}
