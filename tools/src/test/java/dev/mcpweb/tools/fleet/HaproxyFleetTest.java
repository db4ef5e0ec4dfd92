package dev.mcpweb.tools.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The documented front, deploy/haproxy.cfg, run by a real HAProxy before two replica processes on one
 * Redis: MCP sessions stay on the replica that created them, and when a replica dies HAProxy's health
 * checks take it out and new sessions go to the other one.
 */
@Tag("slow")
class HaproxyFleetTest {
    private static final byte[] PAGE = """
            <html><head><title>Sourdough</title></head><body><article><h1>Sourdough starters</h1>
            <p>A sourdough starter takes about five to seven days to become active enough to bake with.</p>
            <p>Feed it flour and water every day and keep it warm; discard half before each feeding.</p>
            </article></body></html>""".getBytes(StandardCharsets.UTF_8);

    private HttpServer pages;
    private Fleet fleet;
    private final List<McpSyncClient> sessions = new ArrayList<>();

    @BeforeEach
    void startTheFleet() throws Exception {
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        pages.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        pages.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, PAGE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PAGE);
            }
        });
        pages.start();
        try {
            fleet = Fleet.start(
                    2,
                    Map.of(
                            "fetcher.allowed_hosts", "127.0.0.1/32",
                            "fetcher.respect_robots", "false",
                            "server.rate_limit", "0",
                            "summarizer.provider", "extractive"),
                    List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        } catch (MissingExecutableException e) {
            Assumptions.abort(e.getMessage() + "; skipping the HAProxy test (bin/test installs it)");
        }
    }

    @AfterEach
    void stopEverything() {
        sessions.forEach(McpSyncClient::close);
        if (fleet != null) {
            fleet.close();
        }
        pages.stop(0);
    }

    @Test
    void sessionsStayOnTheirReplicaAndNewOnesAvoidAReplicaThatDied() {
        List<McpSyncClient> before = openSessions(4);
        before.forEach(this::summarizeAPage); // a request reaching another replica than its session's would get 404
        before.forEach(this::summarizeAPage);
        Map<String, Fleet.Balanced> spread = fleet.balanced();
        assertThat(spread.values())
                .as("both replicas got sessions: %s", spread)
                .allSatisfy(replica -> assertThat(replica.connections()).isPositive());

        fleet.kill(0);
        awaitStatus(fleet.name(0), "DOWN");

        long deadConnections = fleet.balanced().get(fleet.name(0)).connections();
        List<McpSyncClient> after = openSessions(4);
        after.forEach(this::summarizeAPage);
        assertThat(fleet.balanced().get(fleet.name(0)).connections())
                .as("connections sent to the dead replica")
                .isEqualTo(deadConnections);
        assertThat(fleet.balanced().get(fleet.name(1)).status()).isEqualTo("UP");
    }

    private List<McpSyncClient> openSessions(int count) {
        List<McpSyncClient> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                            fleet.mcp().resolve("/").toString())
                    .endpoint("/mcp")
                    .build();
            McpSyncClient client = McpClient.sync(transport)
                    .requestTimeout(Duration.ofSeconds(60))
                    .clientInfo(new McpSchema.Implementation("haproxy-test", "1"))
                    .build();
            sessions.add(client);
            client.initialize();
            opened.add(client);
        }
        return opened;
    }

    private void summarizeAPage(McpSyncClient session) {
        String url = "http://127.0.0.1:" + pages.getAddress().getPort() + "/sourdough";
        McpSchema.CallToolResult result = session.callTool(
                new McpSchema.CallToolRequest("summarize_urls", Map.of("urls", List.of(url), "max_length", 40)));
        assertThat(result.isError()).as("%s", result.content()).isNotEqualTo(Boolean.TRUE);
        assertThat(result.content().getFirst())
                .isInstanceOfSatisfying(
                        McpSchema.TextContent.class,
                        text -> assertThat(text.text()).contains("starter"));
    }

    private void awaitStatus(String replica, String status) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!status.equals(statusOf(replica))) {
            assertThat(System.nanoTime())
                    .as("HAProxy marks %s %s within 15 s: %s", replica, status, fleet.balanced())
                    .isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // between looks at HAProxy's stats
        }
    }

    private String statusOf(String replica) {
        Fleet.Balanced state = fleet.balanced().get(replica);
        return state == null ? "" : state.status();
    }
}
