package dev.mcpweb.tools;

import dev.mcpweb.sim.SimulatedLlmServer;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The simulated LLM's latency model and the client's concurrency, shared by the benchmarks that use it. */
final class SimulatedLatency {
    @Option(
            names = "--ttft-ms",
            defaultValue = "400",
            description = "Simulated time to first token (default: ${DEFAULT-VALUE}).")
    int ttftMs;

    @Option(
            names = "--ms-per-token",
            defaultValue = "8",
            description = "Simulated time per output token (default: ${DEFAULT-VALUE}).")
    double msPerToken;

    @Option(
            names = "--server-concurrency",
            defaultValue = "16",
            description = "Requests the simulated server runs at once; more queue (default: ${DEFAULT-VALUE}).")
    int serverConcurrency;

    @Option(
            names = "--max-concurrent",
            defaultValue = "16",
            description = "summarizer.max_concurrent: LLM calls in flight (default: ${DEFAULT-VALUE}).")
    int maxConcurrent;

    SimulatedLlmServer.Settings settings() {
        return SimulatedLlmServer.Settings.instant()
                .withLatency(Duration.ofMillis(ttftMs), Duration.ofNanos((long) (msPerToken * 1_000_000)))
                .withMaxConcurrent(serverConcurrency);
    }
}
