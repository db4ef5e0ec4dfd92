package dev.mcpweb.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The disk tier: one SQLite file in WAL mode, one writer connection (SQLite has one writer at a time
 * anyway; the lock makes this process queue instead of spinning on SQLITE_BUSY) and a few reader
 * connections, which WAL lets run beside the writer and beside other processes. Every change is one
 * {@code BEGIN IMMEDIATE} transaction, and the per-namespace totals in {@code counters} change in the
 * same transaction as the entries they count, so a crash can never leave them apart.
 */
final class SqliteStore implements EntryStore {
    static final String FILE_NAME = "cache.db";
    private static final Logger log = LoggerFactory.getLogger(SqliteStore.class);
    private static final int SCHEMA_VERSION = 1;
    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int EVICTION_BATCH = 256;
    private static final int PRUNE_BATCH = 5_000;
    /**
     * A prune that would delete more than a third of the entries copies the survivors into a fresh table
     * instead, as long as they are at most this many bytes, so that its one transaction stays short (on a
     * busy 2-core machine, copying costs about 16 µs per 1 KB survivor and deleting about 40 µs per entry).
     */
    private static final long REBUILD_MAX_SURVIVOR_BYTES = 64L << 20;

    private static final List<String> ENTRY_INDEXES = List.of(
            "CREATE UNIQUE INDEX IF NOT EXISTS entries_by_key ON entries (namespace, key)",
            // Covers prune's selection and the recount of entries and bytes.
            "CREATE INDEX IF NOT EXISTS entries_by_age ON entries (namespace, created_at, size)",
            "CREATE INDEX IF NOT EXISTS entries_by_access ON entries (accessed_at)");

    /** The database is from a newer mcp-web, or not ours. */
    static final class IncompatibleStoreException extends SQLException {
        IncompatibleStoreException(String message) {
            super(message);
        }
    }

    private record Reader(Connection connection, PreparedStatement select) {}

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Reader> readers = new ArrayBlockingQueue<>(READERS);
    private volatile boolean closed;

    private SqliteStore(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
    }

    /** The store in {@code dir}: opened with a counters row for every namespace, set aside by renaming. */
    static Backend backend(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        return new Backend() {
            @Override
            public EntryStore open() throws StoreException {
                try {
                    return SqliteStore.open(dir, Namespace.wireNames());
                } catch (IOException | RuntimeException e) {
                    throw new StoreException("cannot open " + file + " (" + e + ")", false, e);
                } catch (SQLException e) {
                    boolean unreadable = e instanceof SQLiteException sqlite
                            && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CANTOPEN.code
                            && Files.exists(file);
                    throw new StoreException(
                            e.getMessage(), isDamaged(e) || unreadable || e instanceof IncompatibleStoreException, e);
                }
            }

            @Override
            public void setAside(StoreException cause) throws StoreException {
                try {
                    moveAside(file, cause);
                } catch (IOException | RuntimeException e) {
                    throw new StoreException("cannot move " + file + " aside (" + e + ")", false, e);
                }
            }

            @Override
            public String where() {
                return file.toString();
            }
        };
    }

    /** Opens (creating if needed) the store in {@code dir}, with a counters row for each namespace. */
    static SqliteStore open(Path dir, Collection<String> namespaces) throws SQLException, IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        SqliteStore store = new SqliteStore(file, connect(file));
        try {
            store.createSchema(namespaces);
            for (int i = 0; i < READERS; i++) {
                Connection c = connect(file);
                store.readers.add(new Reader(
                        c,
                        c.prepareStatement("SELECT created_at, value FROM entries WHERE namespace = ? AND key = ?")));
            }
            return store;
        } catch (SQLException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(file);
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    private void createSchema(Collection<String> namespaces) throws SQLException {
        inTransaction(() -> {
            try (Statement s = writer.createStatement()) {
                int version;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version > SCHEMA_VERSION) {
                    throw new IncompatibleStoreException(file + " has cache schema version " + version
                            + ", newer than this mcp-web's " + SCHEMA_VERSION);
                }
                s.execute(entriesTable("entries"));
                for (String index : ENTRY_INDEXES) {
                    s.execute(index);
                }
                s.execute("""
                        CREATE TABLE IF NOT EXISTS counters (
                            namespace TEXT PRIMARY KEY,
                            entries INTEGER NOT NULL DEFAULT 0,
                            bytes INTEGER NOT NULL DEFAULT 0,
                            hits INTEGER NOT NULL DEFAULT 0,
                            misses INTEGER NOT NULL DEFAULT 0,
                            evictions INTEGER NOT NULL DEFAULT 0)""");
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            try (PreparedStatement p =
                    writer.prepareStatement("INSERT OR IGNORE INTO counters (namespace) VALUES (?)")) {
                for (String ns : namespaces) {
                    p.setString(1, ns);
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    private static String entriesTable(String name) {
        // The value goes last so that reading the other columns never touches its overflow pages.
        return """
                CREATE TABLE IF NOT EXISTS %s (
                    id INTEGER PRIMARY KEY,
                    namespace TEXT NOT NULL,
                    key TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    accessed_at INTEGER NOT NULL,
                    value BLOB NOT NULL)""".formatted(name);
    }

    @Override
    public Optional<Row> read(String namespace, String key) throws StoreException {
        return sqlite(() -> readRow(namespace, key));
    }

    private Optional<Row> readRow(String namespace, String key) throws SQLException {
        Reader reader = borrowReader();
        try {
            reader.select().setString(1, namespace);
            reader.select().setString(2, key);
            try (ResultSet rs = reader.select().executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getBytes(2), rs.getLong(1))) : Optional.empty();
            }
        } finally {
            returnReader(reader);
        }
    }

    /**
     * Writes one entry (replacing any under the same key), first applying {@code touches} (entry to its
     * last access time) so that the eviction that follows sees every recent access, then evicts the least
     * recently used entries until the total size is within {@code maxSize}.
     */
    @Override
    public List<EntryKey> put(
            String namespace, String key, byte[] value, long now, long maxSize, Map<EntryKey, Long> touches)
            throws StoreException {
        return sqlite(() -> inTransaction(() -> {
            long id;
            long oldSize = -1;
            try (PreparedStatement p =
                    writer.prepareStatement("SELECT id, size FROM entries WHERE namespace = ? AND key = ?")) {
                p.setString(1, namespace);
                p.setString(2, key);
                try (ResultSet rs = p.executeQuery()) {
                    id = rs.next() ? rs.getLong(1) : -1;
                    if (id >= 0) {
                        oldSize = rs.getLong(2);
                    }
                }
            }
            if (id >= 0) {
                try (PreparedStatement p = writer.prepareStatement(
                        "UPDATE entries SET size = ?, created_at = ?, accessed_at = ?, value = ? WHERE id = ?")) {
                    p.setLong(1, value.length);
                    p.setLong(2, now);
                    p.setLong(3, now);
                    p.setBytes(4, value);
                    p.setLong(5, id);
                    p.executeUpdate();
                }
                addToCounters(namespace, 0, value.length - oldSize, 0);
            } else {
                try (PreparedStatement p = writer.prepareStatement(
                        "INSERT INTO entries (namespace, key, size, created_at, accessed_at, value) VALUES (?, ?, ?, ?, ?, ?)"
                                + " RETURNING id")) {
                    p.setString(1, namespace);
                    p.setString(2, key);
                    p.setLong(3, value.length);
                    p.setLong(4, now);
                    p.setLong(5, now);
                    p.setBytes(6, value);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                addToCounters(namespace, 1, value.length, 0);
            }
            // After the write: a lookup may have read this entry while it waited to be written.
            applyTouches(touches);
            return evictOver(maxSize, id);
        }));
    }

    /** Records access times and hit/miss counts gathered since the last flush. */
    @Override
    public void flush(Map<EntryKey, Long> touches, Map<String, long[]> hitsAndMisses) throws StoreException {
        if (touches.isEmpty() && hitsAndMisses.isEmpty()) {
            return;
        }
        sqlite(() -> inTransaction(() -> {
            applyTouches(touches);
            try (PreparedStatement p = writer.prepareStatement(
                    "UPDATE counters SET hits = hits + ?, misses = misses + ? WHERE namespace = ?")) {
                for (Map.Entry<String, long[]> e : hitsAndMisses.entrySet()) {
                    p.setLong(1, e.getValue()[0]);
                    p.setLong(2, e.getValue()[1]);
                    p.setString(3, e.getKey());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        }));
    }

    /** Per namespace: entries, bytes, hits, misses, evictions. */
    @Override
    public Map<String, NamespaceStats> stats() throws StoreException {
        return sqlite(this::readStats);
    }

    private Map<String, NamespaceStats> readStats() throws SQLException {
        Map<String, NamespaceStats> stats = new LinkedHashMap<>();
        Reader reader = borrowReader();
        try (Statement s = reader.connection().createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT namespace, entries, bytes, hits, misses, evictions FROM counters")) {
            while (rs.next()) {
                stats.put(
                        rs.getString(1),
                        new NamespaceStats(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
            }
        } finally {
            returnReader(reader);
        }
        return stats;
    }

    /** Deletes every entry of {@code namespace} (all when empty); returns how many. */
    @Override
    public long clear(Optional<String> namespace) throws StoreException {
        return sqlite(() -> inTransaction(() -> {
            long removed;
            try (PreparedStatement p = writer.prepareStatement(
                    namespace.isPresent() ? "DELETE FROM entries WHERE namespace = ?" : "DELETE FROM entries")) {
                if (namespace.isPresent()) {
                    p.setString(1, namespace.get());
                }
                removed = p.executeUpdate();
            }
            try (PreparedStatement p = writer.prepareStatement(
                    namespace.isPresent()
                            ? "UPDATE counters SET entries = 0, bytes = 0 WHERE namespace = ?"
                            : "UPDATE counters SET entries = 0, bytes = 0")) {
                if (namespace.isPresent()) {
                    p.setString(1, namespace.get());
                }
                p.executeUpdate();
            }
            return removed;
        }));
    }

    /**
     * Deletes entries created at or before each namespace's cutoff, in transactions of at most
     * {@value #PRUNE_BATCH} entries so that other writers (threads or processes) wait for one batch at a
     * time, never for the whole prune. Then, in a last transaction, recounts the namespaces' entries and
     * bytes from the index (so the totals heal even if they ever drifted) and, when {@code maxSize} is
     * positive, evicts least recently used entries down to it.
     */
    @Override
    public Pruned prune(Map<String, Long> cutoffs, long maxSize, Map<EntryKey, Long> touches) throws StoreException {
        return sqlite(() -> pruneRows(cutoffs, maxSize, touches));
    }

    private Pruned pruneRows(Map<String, Long> cutoffs, long maxSize, Map<EntryKey, Long> touches) throws SQLException {
        long expired = 0;
        if (rebuildPays(cutoffs)) {
            expired = inTransaction(() -> copySurvivors(cutoffs));
        } else {
            for (Map.Entry<String, Long> cutoff : cutoffs.entrySet()) {
                long removed;
                do {
                    removed = inTransaction(() -> deleteExpiredBatch(cutoff.getKey(), cutoff.getValue()));
                    expired += removed;
                } while (removed == PRUNE_BATCH);
            }
        }
        List<EntryKey> evicted = inTransaction(() -> {
            applyTouches(touches);
            recount();
            return maxSize > 0 ? evictOver(maxSize, -1) : List.of();
        });
        return new Pruned(expired, evicted);
    }

    /**
     * Whether deleting the expired entries costs more than keeping the rest: SQLite rewrites every page it
     * deletes a row from, while a dropped table's pages only go to the free list. So when at least half as
     * many entries expired as survive, and the survivors are few enough bytes to copy in one short
     * transaction, copying them wins. The estimate reads a snapshot; {@link #copySurvivors} is exact whatever changed.
     */
    private boolean rebuildPays(Map<String, Long> cutoffs) throws SQLException {
        if (cutoffs.isEmpty()) {
            return false;
        }
        long expiredEntries = 0;
        long expiredBytes = 0;
        long entries;
        long bytes;
        Reader reader = borrowReader();
        try {
            Connection c = reader.connection();
            c.setAutoCommit(false); // one snapshot for all the counts below
            try {
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT count(*), total(size) FROM entries WHERE namespace = ? AND created_at <= ?")) {
                    for (Map.Entry<String, Long> cutoff : cutoffs.entrySet()) {
                        p.setString(1, cutoff.getKey());
                        p.setLong(2, cutoff.getValue());
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                            expiredEntries += rs.getLong(1);
                            expiredBytes += rs.getLong(2);
                        }
                    }
                }
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT total(entries), total(bytes) FROM counters")) {
                    rs.next();
                    entries = rs.getLong(1);
                    bytes = rs.getLong(2);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } finally {
            returnReader(reader);
        }
        return 2 * expiredEntries > entries - expiredEntries && bytes - expiredBytes <= REBUILD_MAX_SURVIVOR_BYTES;
    }

    /**
     * In one transaction, copies the unexpired entries into a fresh table, drops the old one and recounts
     * the totals; returns how many entries expired. Readers, here or in another process, keep seeing the
     * old table until the commit and the new one after it, never a mix.
     */
    private long copySurvivors(Map<String, Long> cutoffs) throws SQLException {
        String values = String.join(", ", Collections.nCopies(cutoffs.size(), "(?, ?)"));
        long before;
        long kept;
        try (Statement s = writer.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM entries")) {
                rs.next();
                before = rs.getLong(1);
            }
            s.execute("DROP TABLE IF EXISTS entries_survivors");
            s.execute(entriesTable("entries_survivors"));
        }
        try (PreparedStatement p = writer.prepareStatement("WITH cutoff (namespace, created_at) AS (VALUES " + values
                + ") INSERT INTO entries_survivors SELECT * FROM entries WHERE NOT EXISTS (SELECT 1 FROM cutoff"
                + " WHERE cutoff.namespace = entries.namespace AND entries.created_at <= cutoff.created_at)"
                + " ORDER BY id")) {
            int i = 1;
            for (Map.Entry<String, Long> cutoff : cutoffs.entrySet()) {
                p.setString(i++, cutoff.getKey());
                p.setLong(i++, cutoff.getValue());
            }
            kept = p.executeUpdate();
        }
        try (Statement s = writer.createStatement()) {
            s.execute("DROP TABLE entries");
            s.execute("ALTER TABLE entries_survivors RENAME TO entries");
            for (String index : ENTRY_INDEXES) {
                s.execute(index);
            }
        }
        recount();
        return before - kept;
    }

    private long deleteExpiredBatch(String namespace, long cutoff) throws SQLException {
        String batch = "SELECT id, size FROM entries WHERE namespace = ? AND created_at <= ? LIMIT " + PRUNE_BATCH;
        long count;
        long bytes;
        try (PreparedStatement p = writer.prepareStatement("SELECT count(*), total(size) FROM (" + batch + ")")) {
            p.setString(1, namespace);
            p.setLong(2, cutoff);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
                bytes = rs.getLong(2);
            }
        }
        if (count == 0) {
            return 0;
        }
        // The same query inside the same write transaction selects the same rows.
        try (PreparedStatement p =
                writer.prepareStatement("DELETE FROM entries WHERE id IN (SELECT id FROM (" + batch + "))")) {
            p.setString(1, namespace);
            p.setLong(2, cutoff);
            int deleted = p.executeUpdate();
            if (deleted != count) {
                throw new SQLException("prune selected " + count + " entries but deleted " + deleted);
            }
        }
        addToCounters(namespace, -count, -bytes, 0);
        return count;
    }

    private void recount() throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.executeUpdate("UPDATE counters SET entries = 0, bytes = 0");
            s.executeUpdate("""
                    UPDATE counters SET entries = t.n, bytes = t.b
                    FROM (SELECT namespace, count(*) AS n, total(size) AS b FROM entries GROUP BY namespace) AS t
                    WHERE counters.namespace = t.namespace""");
        }
    }

    private List<EntryKey> evictOver(long maxSize, long keepId) throws SQLException {
        long total;
        try (Statement s = writer.createStatement();
                ResultSet rs = s.executeQuery("SELECT total(bytes) FROM counters")) {
            total = rs.next() ? rs.getLong(1) : 0;
        }
        if (total <= maxSize) {
            return List.of();
        }
        record Victim(long id, String namespace, String key, long size) {}
        List<EntryKey> evicted = new ArrayList<>();
        Map<String, long[]> removedPerNamespace = new HashMap<>();
        try (PreparedStatement select = writer.prepareStatement(
                        "SELECT id, namespace, key, size FROM entries WHERE id <> ? ORDER BY accessed_at, id LIMIT ?");
                PreparedStatement delete = writer.prepareStatement("DELETE FROM entries WHERE id = ?")) {
            while (total > maxSize) {
                List<Victim> victims = new ArrayList<>();
                select.setLong(1, keepId);
                select.setInt(2, EVICTION_BATCH);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        victims.add(new Victim(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                    }
                }
                if (victims.isEmpty()) {
                    break;
                }
                for (Victim v : victims) {
                    if (total <= maxSize) {
                        break;
                    }
                    delete.setLong(1, v.id());
                    delete.executeUpdate();
                    total -= v.size();
                    evicted.add(new EntryKey(v.namespace(), v.key()));
                    long[] removed = removedPerNamespace.computeIfAbsent(v.namespace(), ns -> new long[2]);
                    removed[0]++;
                    removed[1] += v.size();
                }
            }
        }
        for (Map.Entry<String, long[]> e : removedPerNamespace.entrySet()) {
            addToCounters(e.getKey(), -e.getValue()[0], -e.getValue()[1], e.getValue()[0]);
        }
        return evicted;
    }

    private void applyTouches(Map<EntryKey, Long> touches) throws SQLException {
        if (touches.isEmpty()) {
            return;
        }
        try (PreparedStatement p = writer.prepareStatement(
                "UPDATE entries SET accessed_at = ? WHERE namespace = ? AND key = ? AND accessed_at < ?")) {
            for (Map.Entry<EntryKey, Long> t : touches.entrySet()) {
                p.setLong(1, t.getValue());
                p.setString(2, t.getKey().namespace());
                p.setString(3, t.getKey().key());
                p.setLong(4, t.getValue());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void addToCounters(String namespace, long entries, long bytes, long evictions) throws SQLException {
        try (PreparedStatement p = writer.prepareStatement(
                "UPDATE counters SET entries = entries + ?, bytes = bytes + ?, evictions = evictions + ?"
                        + " WHERE namespace = ?")) {
            p.setLong(1, entries);
            p.setLong(2, bytes);
            p.setLong(3, evictions);
            p.setString(4, namespace);
            p.executeUpdate();
        }
    }

    /** Runs {@code work}, its failure as a {@link StoreException} that says whether the file is damaged. */
    private static <T> T sqlite(Work<T> work) throws StoreException {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), isDamaged(e), e);
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
                        .format(Instant.now());
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

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one write transaction, taken with BEGIN IMMEDIATE so that waits honour busy_timeout. */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        writeLock.lock();
        try {
            ensureOpen();
            try (Statement s = writer.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            boolean committed = false;
            try {
                T result = work.run();
                try (Statement s = writer.createStatement()) {
                    s.execute("COMMIT");
                }
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly();
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void rollbackQuietly() {
        try (Statement s = writer.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite has already rolled back (e.g. after SQLITE_FULL); nothing is left to undo.
        }
    }

    private Reader borrowReader() throws SQLException {
        ensureOpen();
        try {
            Reader reader = readers.poll(BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            if (reader == null) {
                throw new SQLException("no cache reader connection free after " + BUSY_TIMEOUT_MILLIS + " ms");
            }
            return reader;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a cache reader connection", e);
        }
    }

    private void returnReader(Reader reader) {
        readers.add(reader);
        if (closed && readers.remove(reader)) {
            closeQuietly(reader.connection());
        }
    }

    private void ensureOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the cache store " + file + " is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        writeLock.lock();
        try {
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
        Reader reader;
        while ((reader = readers.poll()) != null) {
            closeQuietly(reader.connection());
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Closing is best effort; SQLite recovers from the WAL on the next open.
        }
    }
}
