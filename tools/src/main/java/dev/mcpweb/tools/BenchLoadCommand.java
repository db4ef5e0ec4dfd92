package dev.mcpweb.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.cli.Cli;
import dev.mcpweb.cli.ExitCode;
import dev.mcpweb.sim.SimulatedLlmServer;
import dev.mcpweb.tools.fleet.Fleet;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-web bench load}: the scale-out of docs/scale-out.md on this machine — Redis, N replica
 * processes and HAProxy with deploy/haproxy.cfg, the simulated LLM and the pages on 127.0.0.1 — driven by
 * real MCP clients over Streamable HTTP; throughput, latency percentiles, errors, LLM calls against those
 * of a fleet without a cache, and the cache's hit rates; optionally with a replica killed or Redis stopped
 * halfway. Every process it starts is stopped when it ends, whatever happened.
 */
@Command(
        name = "load",
        description = "Run Redis, N replicas behind HAProxy (deploy/haproxy.cfg), the simulated LLM and pages on "
                + "127.0.0.1, and drive MCP clients over Streamable HTTP: throughput, p50/p95/p99, errors, LLM "
                + "calls vs a cache-less fleet, cache hit rates; --kill-one or --stop-redis halfway.")
final class BenchLoadCommand implements Callable<Integer> {
    private static final List<String> REPLICA_JVM =
            List.of("-Xmx384m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--replicas",
            split = ",",
            defaultValue = "3",
            description =
                    "Replica counts to run, e.g. 1,3 for the ratio of their throughputs (default: ${DEFAULT-VALUE}).")
    List<Integer> replicas;

    @Option(names = "--clients", defaultValue = "64", description = "MCP sessions at once (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--requests",
            defaultValue = "640",
            description = "summarize_urls calls per run (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(
            names = "--runs",
            defaultValue = "1",
            description =
                    "Runs per replica count; the throughput reported is their median (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--repeat-share",
            defaultValue = "0.5",
            description = "Share of requests for one of the hot pages; the others ask for a page of their own "
                    + "(default: ${DEFAULT-VALUE}).")
    double repeatShare;

    @Option(names = "--hot-pages", defaultValue = "16", description = "Hot pages (default: ${DEFAULT-VALUE}).")
    int hotPages;

    @Option(
            names = "--kill-one",
            description = "Kill the replica running the most calls (SIGKILL) when half the requests are done.")
    boolean killOne;

    @Option(names = "--stop-redis", description = "Stop Redis when half the requests are done.")
    boolean stopRedis;

    @Option(
            names = "--ttft-ms",
            defaultValue = "1000",
            description = "Simulated LLM: time to first token, in ms (default: ${DEFAULT-VALUE}, a hosted model's).")
    int ttftMs;

    @Option(
            names = "--ms-per-token",
            defaultValue = "20",
            description = "Simulated LLM: time per output token, in ms (default: ${DEFAULT-VALUE}: 50 tokens/s).")
    int msPerToken;

    @Option(
            names = "--llm-concurrency",
            defaultValue = "256",
            description =
                    "Requests the simulated LLM serves at once, as a hosted API would (default: ${DEFAULT-VALUE}).")
    int llmConcurrency;

    @Option(
            names = "--llm-per-replica",
            defaultValue = "8",
            description =
                    "summarizer.max_concurrent of each replica: its LLM calls in flight (default: ${DEFAULT-VALUE}, "
                            + "the product's).")
    int llmPerReplica;

    @Option(
            names = "--max-time",
            defaultValue = "300",
            description =
                    "Seconds a run may send requests; the rest are reported as not run (default: ${DEFAULT-VALUE}).")
    int maxTimeSeconds;

    @Option(
            names = "--call-timeout",
            defaultValue = "60",
            description = "Deadline of one MCP call in seconds (default: ${DEFAULT-VALUE}).")
    int callTimeoutSeconds;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the request mix (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    /**
     * What happened halfway: what was done, the calls in flight at that moment as the clients counted them
     * (all replicas), and the tool calls running by the replicas' own count (the killed one's, or all for
     * Redis) read just before, which misses calls still on their way to a replica.
     */
    record Fault(String what, int inFlight, int replicaCount) {}

    /** One run's figures. */
    record Run(
            int replicas,
            int ok,
            int failed,
            int notRun,
            int restartedSessions,
            double wallSeconds,
            double throughput,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            long llmCalls,
            long cachelessLlmCalls,
            Map<String, Double> hitRates,
            Optional<Fault> fault,
            LoadClients.Tally inFlightAtFault,
            LoadClients.Tally afterFault,
            Optional<String> firstError) {

        /** Every request ran, and every call that failed was in flight when the fault hit. */
        boolean clean() {
            return notRun == 0 && failed == inFlightAtFault.failed();
        }
    }

    @Override
    public Integer call() throws Exception {
        ((Cli) spec.root().userObject()).loadConfig(); // --set and --config are checked as everywhere
        validate();
        List<Run> results = new ArrayList<>();
        try (LoadPages pages = new LoadPages()) {
            for (int count : replicas) {
                for (int r = 0; r < runs; r++) {
                    Run run = run(count, r, pages);
                    results.add(run);
                    if (!json) {
                        printRun(run);
                    }
                }
            }
        }
        report(results);
        return results.stream().allMatch(Run::clean) ? ExitCode.OK : ExitCode.FAILED;
    }

    private void validate() {
        String problem = null;
        if (replicas.stream().anyMatch(n -> n < 1 || n > 16)) {
            problem = "--replicas: each count must be 1 to 16";
        } else if (clients < 1 || requests < 1 || runs < 1 || hotPages < 1 || maxTimeSeconds < 1) {
            problem = "--clients, --requests, --runs, --hot-pages and --max-time must be at least 1";
        } else if (repeatShare < 0 || repeatShare > 1) {
            problem = "--repeat-share must be 0 to 1";
        } else if (killOne && stopRedis) {
            problem = "--kill-one and --stop-redis: choose one";
        } else if (killOne && replicas.stream().anyMatch(n -> n < 2)) {
            problem = "--kill-one needs at least 2 replicas in every run";
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    private Run run(int count, int index, LoadPages pages) throws Exception {
        SimulatedLlmServer.Settings llmSettings = SimulatedLlmServer.Settings.instant()
                .withLatency(Duration.ofMillis(ttftMs), Duration.ofMillis(msPerToken))
                .withMaxConcurrent(llmConcurrency);
        try (SimulatedLlmServer llm = SimulatedLlmServer.start(llmSettings);
                Fleet fleet = Fleet.start(count, replicaSettings(llm.v1Url()), REPLICA_JVM)) {
            LoadClients load = new LoadClients(fleet.mcp(), pages, Duration.ofSeconds(callTimeoutSeconds));
            List<String> paths = LoadClients.plan(requests, repeatShare, hotPages, count + "-" + index, seed + index);
            AtomicReference<Fault> fault = new AtomicReference<>();
            AtomicReference<Map<String, Double>> hitRatesBeforeRedisStopped = new AtomicReference<>();
            Runnable halfway = () -> {
                if (killOne) {
                    // the busiest replica: the one whose death costs the most
                    int[] inFlight = IntStream.range(0, fleet.size())
                            .map(fleet::activeToolCalls)
                            .toArray();
                    int victim = IntStream.range(0, inFlight.length)
                            .reduce((a, b) -> inFlight[b] > inFlight[a] ? b : a)
                            .orElseThrow();
                    int hit = load.faultHits();
                    fleet.kill(victim);
                    fault.set(new Fault("killed " + fleet.name(victim), hit, inFlight[victim]));
                } else if (stopRedis) {
                    // the shared figures live in Redis: read them while it is there
                    hitRatesBeforeRedisStopped.set(hitRates(load));
                    int inFlight = IntStream.range(0, fleet.size())
                            .map(fleet::activeToolCalls)
                            .sum();
                    int hit = load.faultHits();
                    fleet.stopRedis();
                    fault.set(new Fault("stopped Redis", hit, inFlight));
                }
            };
            long deadline =
                    System.nanoTime() + Duration.ofSeconds(maxTimeSeconds).toNanos();
            LoadClients.Outcome outcome = load.run(paths, clients, halfway, deadline);
            Map<String, Double> hitRates = stopRedis
                    ? Optional.ofNullable(hitRatesBeforeRedisStopped.get()).orElse(Map.of())
                    : hitRates(load);
            return figures(count, outcome, llm.stats().requests(), hitRates, Optional.ofNullable(fault.get()));
        }
    }

    private static Map<String, Double> hitRates(LoadClients load) {
        try {
            return load.cacheHitRates();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private Map<String, String> replicaSettings(String llmUrl) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fetcher.allowed_hosts", "127.0.0.1/32"); // the pages are on loopback, which the guard refuses
        s.put("fetcher.respect_robots", "false");
        s.put("fetcher.max_per_host", "16"); // every page is on one host here, unlike real traffic
        s.put("server.rate_limit", "0"); // every client comes through HAProxy, from 127.0.0.1
        // one replica queues the calls of every client instead of answering busy
        s.put("server.max_concurrent_tools", Integer.toString(Math.max(16, clients)));
        s.put("summarizer.provider", "openai");
        s.put("summarizer.api_base", llmUrl);
        s.put("summarizer.api_key", "sk-bench");
        s.put("summarizer.model", "gpt-4o-mini");
        s.put("summarizer.max_concurrent", Integer.toString(llmPerReplica));
        return s;
    }

    private static Run figures(
            int count,
            LoadClients.Outcome outcome,
            long llmCalls,
            Map<String, Double> hitRates,
            Optional<Fault> fault) {
        List<LoadClients.Call> calls = outcome.calls();
        List<LoadClients.Call> ok = calls.stream().filter(LoadClients.Call::ok).toList();
        double[] millis =
                calls.stream().mapToDouble(LoadClients.Call::millis).sorted().toArray();
        Map<String, Integer> perPage = LoadClients.llmCallsPerPage(ok);
        long cacheless = ok.stream().mapToLong(c -> perPage.get(c.path())).sum();
        double seconds = outcome.wallMillis() / 1000;
        return new Run(
                count,
                ok.size(),
                calls.size() - ok.size(),
                outcome.notRun(),
                outcome.restartedSessions(),
                seconds,
                ok.size() / seconds,
                BenchPipelineCommand.percentile(millis, 50),
                BenchPipelineCommand.percentile(millis, 95),
                BenchPipelineCommand.percentile(millis, 99),
                llmCalls,
                cacheless,
                hitRates,
                fault,
                outcome.tally(LoadClients.Phase.IN_FLIGHT),
                outcome.tally(LoadClients.Phase.AFTER),
                LoadClients.firstError(calls));
    }

    /** The median throughput per replica count, in the order of --replicas. */
    private Map<Integer, Double> medians(List<Run> results) {
        Map<Integer, Double> medians = new LinkedHashMap<>();
        for (int count : replicas) {
            double[] t = results.stream()
                    .filter(r -> r.replicas() == count)
                    .mapToDouble(Run::throughput)
                    .sorted()
                    .toArray();
            medians.put(count, t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2);
        }
        return medians;
    }

    private void printRun(Run r) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "%d replica(s), %d clients: %d ok, %d failed, %d not run in %.1f s: %.2f/s; p50 %.0f ms, p95 %.0f ms, "
                        + "p99 %.0f ms; LLM calls %d (a fleet without a cache: %d)%n",
                r.replicas(),
                clients,
                r.ok(),
                r.failed(),
                r.notRun(),
                r.wallSeconds(),
                r.throughput(),
                r.p50Ms(),
                r.p95Ms(),
                r.p99Ms(),
                r.llmCalls(),
                r.cachelessLlmCalls());
        StringBuilder rates =
                new StringBuilder(stopRedis ? "  cache hit rate until Redis stopped:" : "  cache hit rate:");
        r.hitRates().forEach((ns, rate) -> rates.append(String.format(Locale.ROOT, " %s %.2f", ns, rate)));
        out.println(rates);
        r.fault().ifPresent(f -> {
            LoadClients.Tally hit = r.inFlightAtFault();
            LoadClients.Tally after = r.afterFault();
            out.printf(
                    Locale.ROOT,
                    "  halfway: %s; %d call(s) in flight then (counted by the clients; the replica(s) counted %d"
                            + " running): %d cut and sent again, %d of those ok; %d failed%n",
                    f.what(),
                    f.inFlight(),
                    f.replicaCount(),
                    hit.retried(),
                    hit.retriedOk(),
                    hit.failed());
            out.printf(
                    Locale.ROOT,
                    "  after it: %d call(s), %d failed; %d found their session gone and were sent on a new one%n",
                    after.calls(),
                    after.failed(),
                    after.retried());
        });
        r.firstError().ifPresent(e -> out.println("  first error: " + e.replaceAll("\\s+", " ")));
        out.flush();
    }

    private void report(List<Run> results) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<Integer, Double> medians = medians(results);
        int fewest = replicas.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int most = replicas.stream().mapToInt(Integer::intValue).max().orElseThrow();
        double ratio = medians.get(most) / medians.get(fewest);
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode()
                    .put("benchmark", "load")
                    .put("clients", clients)
                    .put("requests", requests)
                    .put("repeat_share", repeatShare)
                    .put("ttft_ms", ttftMs)
                    .put("ms_per_token", msPerToken)
                    .put("llm_per_replica", llmPerReplica);
            ArrayNode runNodes = root.putArray("runs");
            for (Run r : results) {
                ObjectNode n = runNodes.addObject()
                        .put("replicas", r.replicas())
                        .put("ok", r.ok())
                        .put("failed", r.failed())
                        .put("not_run", r.notRun())
                        .put("restarted_sessions", r.restartedSessions())
                        .put("wall_s", r.wallSeconds())
                        .put("throughput_per_s", r.throughput())
                        .put("p50_ms", r.p50Ms())
                        .put("p95_ms", r.p95Ms())
                        .put("p99_ms", r.p99Ms())
                        .put("llm_calls", r.llmCalls())
                        .put("cacheless_llm_calls", r.cachelessLlmCalls())
                        .put("clean", r.clean());
                ObjectNode rates = n.putObject("hit_rate");
                r.hitRates().forEach(rates::put);
                r.fault()
                        .ifPresent(f -> n.putObject("fault")
                                .put("what", f.what())
                                .put("in_flight", f.inFlight())
                                .put("replica_in_flight", f.replicaCount())
                                .put("in_flight_cut", r.inFlightAtFault().retried())
                                .put("in_flight_retried_ok", r.inFlightAtFault().retriedOk())
                                .put("in_flight_failed", r.inFlightAtFault().failed())
                                .put("after_calls", r.afterFault().calls())
                                .put("after_failed", r.afterFault().failed())
                                .put("after_sessions_restarted", r.afterFault().retried()));
                r.firstError().ifPresent(e -> n.put("first_error", e));
            }
            ObjectNode medianNode = root.putObject("median_throughput_per_s");
            medians.forEach((count, t) -> medianNode.put(Integer.toString(count), t));
            if (most != fewest) {
                root.put("throughput_ratio", ratio);
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            medians.forEach((count, t) -> out.printf(
                    Locale.ROOT, "median throughput, %d replica(s): %.2f/s over %d run(s)%n", count, t, runs));
            if (most != fewest) {
                out.printf(Locale.ROOT, "throughput %d vs %d replica(s): %.2fx%n", most, fewest, ratio);
            }
        }
        out.flush();
    }
}
