package dev.mcpweb.tools.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Debian's {@code haproxy} in the foreground, with {@link HaproxyConfig} for replicas on 127.0.0.1. */
final class HaproxyProcess implements AutoCloseable {
    private final ChildProcess process;
    private final int frontPort;
    private final URI stats;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HaproxyProcess(ChildProcess process, int frontPort, int statsPort) {
        this.process = process;
        this.frontPort = frontPort;
        this.stats = URI.create("http://127.0.0.1:" + statsPort + "/stats;csv");
    }

    /** Starts HAProxy in front of {@code replicaPorts} and returns once its health checks passed on every one. */
    static HaproxyProcess start(List<Integer> replicaPorts, Path dir) throws IOException {
        String binary = Executables.find("haproxy", "apt-get install haproxy");
        int frontPort = Ports.free();
        int statsPort = Ports.free();
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(
                config,
                HaproxyConfig.onLoopback(HaproxyConfig.documented(), frontPort, statsPort, replicaPorts),
                StandardCharsets.UTF_8);
        ChildProcess process = ChildProcess.start(
                "haproxy", List.of(binary, "-db", "-f", config.toString()), Map.of(), dir.resolve("haproxy.log"));
        HaproxyProcess haproxy = new HaproxyProcess(process, frontPort, statsPort);
        process.awaitReady(
                Duration.ofSeconds(20),
                () -> haproxy.serverStates().values().stream()
                                .filter(server -> server.status().equals("UP")
                                        && server.lastCheck().equals("L7OK"))
                                .count()
                        == replicaPorts.size());
        return haproxy;
    }

    /** The MCP endpoint through HAProxy. */
    URI mcp() {
        return URI.create("http://127.0.0.1:" + frontPort + "/mcp");
    }

    /** Each replica as HAProxy sees it, by name; empty when HAProxy does not answer. */
    Map<String, Fleet.Balanced> serverStates() {
        Map<String, Fleet.Balanced> states = new LinkedHashMap<>();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> lines = response.body().lines().toList();
            if (response.statusCode() != 200 || lines.isEmpty()) {
                return states;
            }
            List<String> header =
                    Arrays.asList(lines.getFirst().replaceFirst("^# ", "").split(","));
            int proxy = header.indexOf("pxname");
            int server = header.indexOf("svname");
            int status = header.indexOf("status");
            int connections = header.indexOf("stot");
            int lastCheck = header.indexOf("check_status");
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", -1);
                if (fields.length > status
                        && fields[proxy].equals("replicas")
                        && fields[server].startsWith("replica")) {
                    states.put(
                            fields[server],
                            new Fleet.Balanced(
                                    fields[status].split(" ")[0],
                                    fields[lastCheck],
                                    Long.parseLong(fields[connections])));
                }
            }
        } catch (IOException e) {
            return states;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return states;
    }

    @Override
    public void close() {
        http.close();
        process.close();
    }
}
