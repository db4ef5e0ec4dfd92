package dev.mcpweb.tools.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One replica: {@code mcp-web serve --http} in its own JVM, from this JVM's class path (the product jar),
 * on 127.0.0.1 at a port it picks itself, configured through {@code MCP_WEB_*} environment variables as
 * a deployment would be.
 */
final class ReplicaProcess implements AutoCloseable {
    /** The line {@code serve --http} writes once it listens. */
    private static final Pattern LISTENING = Pattern.compile("MCP on http://127\\.0\\.0\\.1:(\\d+)/mcp");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess process;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ReplicaProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static ReplicaProcess start(String name, Map<String, String> settings, List<String> jvmOptions, Path dir)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.mcpweb.cli.Main",
                "serve",
                "--http",
                "--host",
                "127.0.0.1",
                "--port",
                "0"));
        Map<String, String> environment = new LinkedHashMap<>();
        settings.forEach((option, value) -> environment.put(environmentName(option), value));
        ChildProcess process = ChildProcess.start(name, command, environment, dir.resolve(name + ".log"));
        int[] port = {0};
        // A JVM with the product's class path takes a minute to listen on a 2-core machine others load too.
        process.awaitReady(Duration.ofSeconds(180), () -> {
            Matcher listening = LISTENING.matcher(process.logText());
            port[0] = listening.find() ? Integer.parseInt(listening.group(1)) : 0;
            return port[0] > 0;
        });
        ReplicaProcess replica = new ReplicaProcess(process, port[0]);
        process.awaitReady(Duration.ofSeconds(90), () -> replica.health().isPresent());
        return replica;
    }

    /** {@code cache.redis_url} → {@code MCP_WEB_CACHE_REDIS_URL}, the names docs/configuration.md lists. */
    static String environmentName(String option) {
        return "MCP_WEB_" + option.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    String name() {
        return process.name();
    }

    int port() {
        return port;
    }

    boolean alive() {
        return process.alive();
    }

    /** What {@code /health} answers, or empty when the replica does not answer. */
    Optional<JsonNode> health() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Ends the replica as a crash would (SIGKILL): its in-flight calls are lost. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        http.close();
        process.close();
    }
}
