package dev.mcpweb.tools;

import dev.mcpweb.cli.Cli;
import dev.mcpweb.cli.CommandExtension;
import dev.mcpweb.cli.ExitCode;
import dev.mcpweb.cli.Version;
import dev.mcpweb.sim.SimulatedLlmServer;
import dev.mcpweb.sim.SimulatedLlmServer.Fault;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcp-web sim-llm}: the simulated LLM server in the foreground. */
@Command(
        name = "sim-llm",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Run a simulated LLM on 127.0.0.1 that speaks the OpenAI, Anthropic and Ollama APIs, "
                + "to try mcp-web or benchmark it without a model. It answers with the first sentence of each "
                + "paragraph it is given.")
public final class SimLlmCommand implements Callable<Integer>, CommandExtension {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "8089",
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--ttft-ms",
            defaultValue = "400",
            description = "Time to first token in ms (default: ${DEFAULT-VALUE}).")
    long ttftMs;

    @Option(
            names = "--ms-per-token",
            defaultValue = "8",
            description = "Time per output token in ms (default: ${DEFAULT-VALUE}).")
    long msPerToken;

    @Option(
            names = "--max-concurrent",
            defaultValue = "16",
            description = "Requests served at once; more wait in a queue (default: ${DEFAULT-VALUE}).")
    int maxConcurrent;

    @Option(
            names = "--fail-rate",
            defaultValue = "0",
            description = "Share of requests that fail, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double failRate;

    @Option(
            names = "--faults",
            split = ",",
            defaultValue = "429,500",
            description = "Failures drawn at --fail-rate: an HTTP status (429 comes with Retry-After: 1), "
                    + "stall, cut (connection drops), end-early (stream ends cleanly but unfinished), malformed "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> faults;

    @Option(names = "--api-key", description = "Require this key from OpenAI and Anthropic clients (default: any).")
    String apiKey;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the failure draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--stop-after",
            defaultValue = "0",
            description = "Stop after this many seconds; 0 runs until Ctrl-C.")
    long stopAfter;

    @Override
    public Integer call() throws Exception {
        cli.loadConfig();
        if (failRate < 0 || failRate > 1 || maxConcurrent < 1 || ttftMs < 0 || msPerToken < 0) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--fail-rate must be 0..1, --max-concurrent at least 1, latencies not negative");
        }
        SimulatedLlmServer.Settings settings = new SimulatedLlmServer.Settings(
                Duration.ofMillis(ttftMs),
                Duration.ofMillis(msPerToken),
                maxConcurrent,
                failRate,
                parseFaults(),
                seed,
                Optional.ofNullable(apiKey));
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (SimulatedLlmServer server = SimulatedLlmServer.start(settings, port)) {
            Thread hook = new Thread(() -> {
                stopped.countDown();
                server.close();
            });
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf(
                    "mcp-web sim-llm listening on %s (OpenAI and Anthropic under %s, Ollama at %s)%n",
                    server.baseUrl(), server.v1Url(), server.baseUrl());
            out.printf("Point mcp-web at it:%n");
            out.printf(
                    "  MCP_WEB_SUMMARIZER_PROVIDER=custom MCP_WEB_SUMMARIZER_API_BASE=%s MCP_WEB_SUMMARIZER_MODEL=sim%n",
                    server.v1Url());
            out.printf(
                    "ttft %d ms, %d ms per token, %d at once, fail rate %s. Ctrl-C stops it.%n",
                    ttftMs, msPerToken, maxConcurrent, failRate);
            out.flush();
            if (stopAfter > 0) {
                stopped.await(stopAfter, TimeUnit.SECONDS);
            } else {
                stopped.await();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it closes the server
            }
            SimulatedLlmServer.Stats stats = server.stats();
            out.printf(
                    "served %d requests (peak %d at once, %d aborted, %d failures injected), %d tokens in, %d out%n",
                    stats.requests(),
                    stats.peakInFlight(),
                    stats.aborted(),
                    stats.faults(),
                    stats.inputTokens(),
                    stats.outputTokens());
            out.flush();
        }
        return ExitCode.OK;
    }

    private List<Fault> parseFaults() {
        List<Fault> parsed = new ArrayList<>();
        for (String raw : faults) {
            String f = raw.strip().toLowerCase(Locale.ROOT);
            parsed.add(
                    switch (f) {
                        case "429" -> new Fault.Status(429, Optional.of(Duration.ofSeconds(1)));
                        case "stall" -> new Fault.Stall(Duration.ofSeconds(60));
                        case "cut" -> new Fault.Cut(5);
                        case "malformed" -> new Fault.Malformed();
                        case "end-early" -> new Fault.EndEarly(5);
                        default -> {
                            if (!f.matches("[45]\\d\\d")) {
                                throw new ParameterException(
                                        spec.commandLine(),
                                        "--faults: unknown fault '" + raw
                                                + "'; use an HTTP status (4xx/5xx), stall, cut, end-early or malformed");
                            }
                            yield new Fault.Status(Integer.parseInt(f), Optional.empty());
                        }
                    });
        }
        return parsed;
    }
}
