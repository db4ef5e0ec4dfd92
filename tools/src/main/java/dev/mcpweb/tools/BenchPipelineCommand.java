package dev.mcpweb.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.mcpweb.cli.Cli;
import dev.mcpweb.cli.ExitCode;
import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.pipeline.SummarizeRequest;
import dev.mcpweb.sim.SimulatedLlmServer;
import dev.mcpweb.summarize.SummaryListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-web bench pipeline}: whole summaries (fetch, extract, chunk, summarize) driven concurrently,
 * the pages served on 127.0.0.1 and the LLM simulated; throughput and latency percentiles.
 */
@Command(
        name = "pipeline",
        description = "Drive whole summaries concurrently: WCXB pages served on 127.0.0.1, the simulated LLM "
                + "(or the extractive summarizer); prints throughput and p50/p95/p99 latency and writes JSON.")
final class BenchPipelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SimulatedLatency latency;

    @Option(
            names = "--concurrency",
            defaultValue = "16",
            description = "Summaries in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--requests", defaultValue = "64", description = "Summaries in all (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--sources", defaultValue = "1", description = "Pages per summary (default: ${DEFAULT-VALUE}).")
    int sourcesPerRequest;

    @Option(
            names = "--provider",
            defaultValue = "openai",
            description = "openai (the simulated server) or extractive (default: ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--cache", description = "Keep the cache on (off by default so every request does the work).")
    boolean cache;

    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            description = "WCXB split with html/ (default: /work/shared/data/wcxb/dev).")
    Path corpus = BenchCorpus.DEFAULT_DIR;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "target/bench",
            description = "Where pipeline.json goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Config base = ((Cli) spec.parent().parent().userObject()).loadConfig();
        PrintWriter stdout = spec.commandLine().getOut();
        List<Path> pages;
        try (Stream<Path> files = Files.list(corpus.resolve("html"))) {
            pages = files.filter(f -> f.toString().endsWith(".html.gz"))
                    .sorted()
                    .toList();
        }
        if (pages.isEmpty()) {
            throw new IOException("no pages under " + corpus.resolve("html") + "; pass --corpus DIR");
        }
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        site.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        site.createContext("/p/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring(3);
            Path file = corpus.resolve("html").resolve(id + ".html.gz");
            byte[] body;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                body = new byte[0];
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        SimulatedLlmServer.Settings settings = latency.settings();
        try (SimulatedLlmServer llm = SimulatedLlmServer.start(settings)) {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("fetcher.allowed_hosts", "127.0.0.1/32");
            s.put("fetcher.respect_robots", "false");
            s.put("fetcher.max_per_host", Integer.toString(Math.max(8, concurrency * sourcesPerRequest)));
            s.put("fetcher.max_concurrent", Integer.toString(Math.max(16, concurrency * sourcesPerRequest)));
            s.put("cache.enabled", Boolean.toString(cache));
            s.put("summarizer.provider", provider);
            s.put("summarizer.max_concurrent", Integer.toString(latency.maxConcurrent));
            if (!provider.equals("extractive")) {
                s.put("summarizer.api_base", llm.v1Url());
                s.put("summarizer.api_key", "sk-bench");
                s.put("summarizer.model", "gpt-4o-mini");
            }
            Config config = base.with(s, "bench");
            String root = "http://127.0.0.1:" + site.getAddress().getPort() + "/p/";
            double[] latencies = new double[requests];
            AtomicInteger failed = new AtomicInteger();
            long t0;
            try (Pipeline pipeline = Pipeline.create(config);
                    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                Semaphore inFlight = new Semaphore(concurrency);
                List<Future<?>> futures = new ArrayList<>();
                t0 = System.nanoTime();
                for (int i = 0; i < requests; i++) {
                    int n = i;
                    List<String> sources = new ArrayList<>();
                    for (int k = 0; k < sourcesPerRequest; k++) {
                        String id = pages.get((n * sourcesPerRequest + k) % pages.size())
                                .getFileName()
                                .toString();
                        sources.add(root + id.substring(0, id.indexOf('.')));
                    }
                    inFlight.acquire();
                    futures.add(threads.submit(() -> {
                        long start = System.nanoTime();
                        try {
                            pipeline.summarize(
                                    new SummarizeRequest(
                                            sources, Optional.empty(), OptionalInt.empty(), Optional.empty()),
                                    SummaryListener.NONE,
                                    Optional.empty());
                        } catch (PipelineException e) {
                            failed.incrementAndGet();
                        } finally {
                            latencies[n] = (System.nanoTime() - start) / 1e6;
                            inFlight.release();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                site.stop(0);
            }
            double wallMs = (System.nanoTime() - t0) / 1e6;
            double[] sorted = latencies.clone();
            Arrays.sort(sorted);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode result = json.createObjectNode()
                    .put("provider", provider)
                    .put("concurrency", concurrency)
                    .put("requests", requests)
                    .put("sourcesPerRequest", sourcesPerRequest)
                    .put("failed", failed.get())
                    .put("wallMs", wallMs)
                    .put("throughputPerSecond", requests / (wallMs / 1000))
                    .put("p50Ms", percentile(sorted, 50))
                    .put("p95Ms", percentile(sorted, 95))
                    .put("p99Ms", percentile(sorted, 99))
                    .put("llmRequests", llm.stats().requests())
                    .put("llmPeakInFlight", llm.stats().peakInFlight())
                    .put("ttftMs", latency.ttftMs)
                    .put("msPerToken", latency.msPerToken)
                    .put("serverConcurrency", latency.serverConcurrency);
            Files.createDirectories(out);
            Path file = out.resolve("pipeline.json");
            Files.writeString(file, json.writeValueAsString(result));
            stdout.printf(
                    Locale.ROOT,
                    "%d summaries (%s, %d in flight): %.2f/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d failed; "
                            + "LLM requests %d, peak %d; wrote %s%n",
                    requests,
                    provider,
                    concurrency,
                    requests / (wallMs / 1000),
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    percentile(sorted, 99),
                    failed.get(),
                    llm.stats().requests(),
                    llm.stats().peakInFlight(),
                    file);
            stdout.flush();
            return failed.get() == 0 ? ExitCode.OK : ExitCode.FAILED;
        }
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
