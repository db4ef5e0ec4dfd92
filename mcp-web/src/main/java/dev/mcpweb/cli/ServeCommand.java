package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import dev.mcpweb.config.ConfigException;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.server.McpWebServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcp-web serve}: the MCP server, on stdio (for clients that start it) or Streamable HTTP. */
@Command(
        name = "serve",
        description = {
            "Run the MCP server: on stdin/stdout by default, as MCP clients that start it expect.",
            "With --http it serves Streamable HTTP at http://HOST:PORT/mcp, with /health and /metrics."
        })
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--http", description = "Serve Streamable HTTP instead of stdio.")
    boolean http;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Address to listen on with --http (default: server.host, 127.0.0.1). Anything but "
                    + "loopback needs MCP_WEB_SERVER_AUTH_TOKEN.")
    String host;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port to listen on with --http (default: server.port, 8765; 0 picks a free one).")
    Integer port;

    /**
     * {@code mcp-web serve} exactly as MCP clients start it, without the command-line parser: picocli
     * builds the model of every subcommand from Java 5 class files that the JVM's start-up caches
     * cannot hold, which costs a good part of the start-up time. Other arguments go through picocli.
     */
    static int plainServe() throws InterruptedException {
        Config config;
        try {
            config = Config.load(Optional.empty(), System.getenv(), Map.of());
        } catch (ConfigException e) {
            System.err.println("mcp-web: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Logging.init(config.logLevel());
        return stdio(config);
    }

    private static int stdio(Config config) throws InterruptedException {
        try (McpWebServer server =
                McpWebServer.create(config, meters -> Pipeline.create(config, meters), Version.current())) {
            // Raw descriptors: stdout carries nothing but protocol, written and flushed per message.
            server.serveStdio(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
            return ExitCode.OK;
        }
    }

    @Override
    public Integer call() throws Exception {
        Config config = cli.loadConfig(
                new FlagSettings().put("--host", "server.host", host).put("--port", "server.port", port));
        if (!http) {
            return stdio(config);
        }
        try (McpWebServer server =
                McpWebServer.create(config, meters -> Pipeline.create(config, meters), Version.current())) {
            McpWebServer.HttpEndpoint endpoint;
            try {
                endpoint =
                        server.serveHttp(config.server().host(), config.server().port());
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("mcp-web: " + e.getMessage());
                return ExitCode.REFUSED;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("mcp-web: " + e.getMessage());
                return ExitCode.USAGE;
            } catch (IOException e) {
                spec.commandLine().getErr().println("mcp-web: " + e.getMessage());
                return ExitCode.FAILED;
            }
            try (endpoint) {
                spec.commandLine()
                        .getErr()
                        .println("mcp-web: MCP on " + endpoint.uri() + " (health: "
                                + endpoint.uri().resolve("/health") + ", metrics: "
                                + endpoint.uri().resolve("/metrics")
                                + ")");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        endpoint.close();
                    } catch (Exception e) {
                        // exiting anyway
                    }
                }));
                endpoint.join();
            }
            return ExitCode.OK;
        }
    }
}
