package dev.mcpweb.tools.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * mcp-web scaled out on this machine as {@code deploy/} documents it: a Redis, N replica processes sharing
 * their cache on it, and HAProxy in front with the documented configuration, all on 127.0.0.1. For the
 * HAProxy test and {@code bench load}. Closing it stops every process and deletes their files; processes
 * still running when the JVM exits are killed.
 */
public final class Fleet implements AutoCloseable {
    /**
     * A replica as HAProxy sees it: {@code status} by the health checks ({@code UP}, {@code DOWN}, …), the
     * result of the latest check ({@code L7OK} when {@code /health} answered 200, {@code INI} before the
     * first; HAProxy counts a replica up until checks fail) and the {@code connections} sent to it so far.
     */
    public record Balanced(String status, String lastCheck, long connections) {}

    private final Path dir;
    private final RedisProcess redis;
    private final List<ReplicaProcess> replicas;
    private final HaproxyProcess haproxy;

    private Fleet(Path dir, RedisProcess redis, List<ReplicaProcess> replicas, HaproxyProcess haproxy) {
        this.dir = dir;
        this.redis = redis;
        this.replicas = replicas;
        this.haproxy = haproxy;
    }

    /**
     * Starts Redis, {@code replicas} replicas with {@code settings} (options by name, e.g.
     * {@code summarizer.api_base}; the fleet adds the Redis cache backend) in JVMs with {@code jvmOptions},
     * then HAProxy; returns once HAProxy's health checks see every replica up.
     *
     * @throws MissingExecutableException when redis-server or haproxy is not installed
     */
    public static Fleet start(int replicas, Map<String, String> settings, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mcp-web-fleet");
        RedisProcess redis = null;
        List<ReplicaProcess> started = new ArrayList<>();
        try {
            redis = RedisProcess.start(dir);
            List<Future<ReplicaProcess>> starting = new ArrayList<>();
            try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 1; i <= replicas; i++) {
                    Map<String, String> replicaSettings = new LinkedHashMap<>(settings);
                    replicaSettings.put("cache.backend", "redis");
                    replicaSettings.put("cache.redis_url", redis.url());
                    replicaSettings.put("cache.dir", dir.resolve("cache-" + i).toString());
                    String name = "replica" + i;
                    starting.add(starters.submit(() -> ReplicaProcess.start(name, replicaSettings, jvmOptions, dir)));
                }
            }
            IOException failed = null;
            for (Future<ReplicaProcess> replica : starting) {
                try {
                    started.add(replica.get());
                } catch (ExecutionException e) {
                    failed = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
            if (failed != null) {
                throw failed;
            }
            HaproxyProcess haproxy = HaproxyProcess.start(
                    started.stream().map(ReplicaProcess::port).toList(), dir);
            return new Fleet(dir, redis, List.copyOf(started), haproxy);
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.forEach(ReplicaProcess::close);
            if (redis != null) {
                redis.close();
            }
            deleteTree(dir);
            throw e;
        }
    }

    /** The MCP endpoint, through HAProxy. */
    public URI mcp() {
        return haproxy.mcp();
    }

    public int size() {
        return replicas.size();
    }

    /** Replica {@code index}'s own {@code /health} answer (not through HAProxy); empty when it does not answer. */
    public Optional<JsonNode> health(int index) {
        return replicas.get(index).health();
    }

    /** The tool calls replica {@code index} is running now, by its {@code /health}; 0 when it does not answer. */
    public int activeToolCalls(int index) {
        return health(index).map(h -> h.path("active_tool_calls").asInt()).orElse(0);
    }

    /** Kills replica {@code index} as a crash would (SIGKILL). */
    public void kill(int index) {
        replicas.get(index).kill();
    }

    /** Stops Redis for good: the replicas go on from their memory tiers. */
    public void stopRedis() {
        redis.close();
    }

    /** The name HAProxy gives replica {@code index} ({@code replica1} for 0). */
    public String name(int index) {
        return replicas.get(index).name();
    }

    /** Each replica as HAProxy sees it, by name ({@code replica1}, …). */
    public Map<String, Balanced> balanced() {
        return haproxy.serverStates();
    }

    @Override
    public void close() {
        haproxy.close();
        replicas.forEach(ReplicaProcess::close);
        redis.close();
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("fleet: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
