package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.cache.Namespace;
import dev.mcpweb.cache.TieredCache;
import dev.mcpweb.config.CacheConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheCommandTest {
    @TempDir
    Path dir;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void fill() {
        var config =
                new CacheConfig(true, dir, Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(1), 1L << 30, 0);
        try (TieredCache cache = TieredCache.open(config)) {
            cache.put(Namespace.SUMMARY, "a", new byte[100]);
            cache.put(Namespace.SUMMARY, "b", new byte[50]);
            cache.put(Namespace.MAP, "c", new byte[10]);
            cache.get(Namespace.SUMMARY, "a");
            cache.get(Namespace.SUMMARY, "missing");
        }
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--set";
            all[args.length + 1] = "cache.dir=" + dir;
            return Main.run(all);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statsAsJsonListsEveryNamespaceWithItsFigures() throws Exception {
        assertThat(run("cache", "stats", "--json")).isZero();
        JsonNode namespaces = json().get("namespaces");
        assertThat(namespaces.fieldNames())
                .toIterable()
                .containsExactly("fetch", "extract", "map", "summary", "robots");
        JsonNode summary = namespaces.get("summary");
        assertThat(summary.fieldNames())
                .toIterable()
                .containsExactly("entries", "bytes", "hits", "misses", "evictions", "hit_rate");
        assertThat(summary.get("entries").asLong()).isEqualTo(2);
        assertThat(summary.get("bytes").asLong()).isEqualTo(150);
        assertThat(summary.get("hits").asLong()).isEqualTo(1);
        assertThat(summary.get("misses").asLong()).isEqualTo(1);
        assertThat(json().fieldNames()).toIterable().containsExactly("enabled", "namespaces");
    }

    @Test
    void statsAsTextShowTheHitRate() {
        assertThat(run("cache", "stats", "--namespace", "summary")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("hit rate")
                .contains("summary")
                .contains("50.0%")
                .doesNotContain("robots");
    }

    @Test
    void clearOfOneNamespaceLeavesTheOthers() throws Exception {
        assertThat(run("cache", "clear", "--namespace", "summary", "--json")).isZero();
        assertThat(json().get("removed").asLong()).isEqualTo(2);
        assertThat(run("cache", "stats", "--json")).isZero();
        List<Long> entries = StreamSupport.stream(json().get("namespaces").spliterator(), false)
                .map(ns -> ns.get("entries").asLong())
                .toList();
        assertThat(entries).containsExactly(0L, 0L, 1L, 0L, 0L);
    }

    @Test
    void pruneRemovesNothingFresh() {
        assertThat(run("cache", "prune")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("removed 0 entries");
    }

    @Test
    void anUnknownNamespaceIsAUsageErrorNamingTheAllowedOnes() {
        assertThat(run("cache", "clear", "--namespace", "pages")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pages").contains("summary");
    }

    @Test
    void aDisabledCacheIsReportedAsAFailure() {
        assertThat(run("cache", "stats", "--set", "cache.enabled=false")).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("disabled");
    }
}
