package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.RedisServer;
import dev.mcpweb.cache.Namespace;
import dev.mcpweb.cache.TieredCache;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code mcp-web cache stats|clear} on the Redis backend: the figures every replica wrote, shown as on SQLite. */
class RedisCacheCommandTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private ByteArrayOutputStream out;

    @BeforeEach
    void fillFromTwoReplicas() throws Exception {
        redis.flushAll();
        var config = redis.cacheConfig();
        try (TieredCache one = TieredCache.open(config);
                TieredCache two = TieredCache.open(config)) {
            one.put(Namespace.SUMMARY, "a", new byte[100]);
            two.put(Namespace.SUMMARY, "b", new byte[50]);
            two.flush(); // so that one finds it
            one.get(Namespace.SUMMARY, "b");
            two.get(Namespace.SUMMARY, "missing");
        }
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 4];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--set";
            all[args.length + 1] = "cache.backend=redis";
            all[args.length + 2] = "--set";
            all[args.length + 3] = "cache.redis_url=" + redis.url();
            return Main.run(all);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void statsAddUpWhatEveryReplicaDidAndClearEmptiesRedis() throws Exception {
        assertThat(run("cache", "stats", "--json")).isZero();
        JsonNode summary = new ObjectMapper()
                .readTree(out.toString(StandardCharsets.UTF_8))
                .at("/namespaces/summary");
        assertThat(summary.get("entries").asLong()).isEqualTo(2);
        assertThat(summary.get("bytes").asLong()).isEqualTo(150);
        assertThat(summary.get("hits").asLong()).isEqualTo(1);
        assertThat(summary.get("misses").asLong()).isEqualTo(1);

        assertThat(run("cache", "stats")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("cache Redis redis://127.0.0.1:" + redis.port());

        assertThat(run("cache", "clear", "--json")).isZero();
        assertThat(new ObjectMapper()
                        .readTree(out.toString(StandardCharsets.UTF_8))
                        .get("removed")
                        .asLong())
                .isEqualTo(2);
    }
}
