package dev.mcpweb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache shared with, and surviving, other JVM processes (see {@link CacheChild}). */
@Tag("slow")
class CacheProcessTest {
    @TempDir
    Path dir;

    @TempDir
    Path logs;

    private final List<Child> children = new ArrayList<>();

    /** A child JVM with its stdout lines queued for the test to await. */
    private record Child(Process process, BlockingQueue<String> lines, Path stderr) {
        String awaitLine(String prefix) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive()) {
                    break;
                }
            }
            throw new AssertionError("child never printed '" + prefix + "'; its stderr:\n" + Files.readString(stderr));
        }
    }

    private Child start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CacheChild.class.getName()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(logs, "child-", ".err");
        Process process =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The child was killed; its output simply ends.
            }
        });
        Child child = new Child(process, lines, stderr);
        children.add(child);
        return child;
    }

    @AfterEach
    void killChildren() {
        children.forEach(c -> c.process().destroyForcibly());
    }

    @Test
    void aProcessKilledInTheMiddleOfWritesLeavesACacheThatOpensCleanlyWithNoPartialEntry() throws Exception {
        Child writer = start("write", dir.toString());
        writer.awaitLine("put 40");

        writer.process().destroyForcibly(); // SIGKILL on Linux
        assertThat(writer.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.process().exitValue()).isEqualTo(137);

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
                Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            long entries = 0;
            long bytes = 0;
            try (ResultSet rs = s.executeQuery("SELECT key, size, value FROM entries")) {
                while (rs.next()) {
                    byte[] value = rs.getBytes(3);
                    assertThat(rs.getString(1)).isEqualTo(CacheKey.of(value));
                    assertThat(rs.getLong(2)).isEqualTo(value.length);
                    entries++;
                    bytes += value.length;
                }
            }
            assertThat(entries).isGreaterThanOrEqualTo(40);
            try (ResultSet rs = s.executeQuery("SELECT entries, bytes FROM counters WHERE namespace = 'extract'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(entries);
                assertThat(rs.getLong(2)).isEqualTo(bytes);
            }
        }
        try (TieredCache cache = TieredCache.open(TestClock.config(dir))) {
            assertThat(cache.stats().enabled()).isTrue();
            cache.put(Namespace.EXTRACT, "after", new byte[] {1});
            assertThat(cache.get(Namespace.EXTRACT, "after")).isPresent();
            assertThat(cache.storageErrors()).isZero();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("corrupt"));
        }
    }

    @Test
    void twoProcessesWritingAndReadingTheSameKeysSeeOnlyWholeValues() throws Exception {
        int rounds = 600;
        Child first = start("share", dir.toString(), "1", String.valueOf(rounds));
        Child second = start("share", dir.toString(), "2", String.valueOf(rounds));
        first.awaitLine("ready");
        second.awaitLine("ready");
        for (Child c : List.of(first, second)) { // start both at once
            Writer in = new java.io.OutputStreamWriter(c.process().getOutputStream(), StandardCharsets.UTF_8);
            in.write("go\n");
            in.flush();
        }

        long gets = 0;
        Pattern done = Pattern.compile("done gets=(\\d+) bad=(\\d+) errors=(\\d+)");
        for (Child c : List.of(first, second)) {
            Matcher m = done.matcher(c.awaitLine("done"));
            assertThat(m.matches()).isTrue();
            assertThat(m.group(2)).as("values that failed their checksum").isEqualTo("0");
            assertThat(m.group(3)).as("storage errors, e.g. SQLITE_BUSY").isEqualTo("0");
            gets += Long.parseLong(m.group(1));
            assertThat(c.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(c.process().exitValue()).isZero();
        }

        try (TieredCache cache = TieredCache.open(TestClock.config(dir))) {
            NamespaceStats map = cache.stats().namespaces().get(Namespace.MAP.wireName());
            assertThat(map.hits() + map.misses())
                    .as("lookups of both processes add up")
                    .isEqualTo(gets);
            assertThat(map.entries()).isBetween(1L, (long) CacheChild.SHARED_KEYS);
            for (int key = 0; key < CacheChild.SHARED_KEYS; key++) {
                int k = key;
                cache.get(Namespace.MAP, "k" + key)
                        .ifPresent(v -> assertThat(CacheChild.isIntact(v, k)).isTrue());
            }
        }
    }
}
