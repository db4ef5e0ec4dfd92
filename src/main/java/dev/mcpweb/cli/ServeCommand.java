package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.server.McpWebServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
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
            "Run the MCP server. By default it speaks MCP on stdin/stdout, as MCP clients that start it expect;",
            "--http serves Streamable HTTP at http://HOST:PORT/mcp, with /health and /metrics."
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

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        if (host != null) {
            flags.put("server.host", host);
        }
        if (port != null) {
            flags.put("server.port", port.toString());
        }
        Config config = cli.loadConfig(flags);
        try (McpWebServer server =
                McpWebServer.create(config, meters -> Pipeline.create(config, meters), Version.current())) {
            if (!http) {
                // Raw descriptors: stdout carries nothing but protocol, written and flushed per message.
                server.serveStdio(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
                return ExitCode.OK;
            }
            McpWebServer.HttpEndpoint endpoint;
            try {
                endpoint =
                        server.serveHttp(config.server().host(), config.server().port());
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("mcp-web: " + e.getMessage());
                return ExitCode.REFUSED;
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
