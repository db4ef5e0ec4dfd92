package dev.mcpweb.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.chunk.Chunker;
import dev.mcpweb.cli.Cli;
import dev.mcpweb.cli.ExitCode;
import dev.mcpweb.config.Config;
import dev.mcpweb.document.Document;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.llm.LlmProviders;
import dev.mcpweb.llm.ResilientProvider;
import dev.mcpweb.llm.TokenBudget;
import dev.mcpweb.sim.SimulatedLlmServer;
import dev.mcpweb.summarize.MapReduceSummarizer;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import dev.mcpweb.summarize.SummaryRequest;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-web bench mapreduce}: summarizes documents of several sizes in each map mode against the
 * simulated LLM server with a realistic latency model, and compares every run with the time its call
 * graph needs under that model.
 */
@Command(
        name = "mapreduce",
        description =
                "Summarize real documents of several sizes in each mode against the simulated LLM server "
                        + "(127.0.0.1) and compare wall time with the critical path of the calls. Writes JSON and an SVG chart.")
final class BenchMapReduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SimulatedLatency latency;

    @Option(
            names = "--sizes",
            split = ",",
            paramLabel = "TOKENS",
            defaultValue = "5000,10000,30000,100000",
            description = "Document sizes in tokens (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(
            names = "--modes",
            split = ",",
            paramLabel = "MODE",
            defaultValue = "parallel,streaming,sequential",
            description = "Map modes to run (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            description = "WCXB split with ground-truth/ (default: /work/shared/data/wcxb/dev).")
    Path corpus = BenchCorpus.DEFAULT_DIR;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "target/bench",
            description = "Where mapreduce.json and mapreduce.svg go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--warmup",
            negatable = true,
            defaultValue = "true",
            description = "Warm up on an unreported run at zero latency first (default: ${DEFAULT-VALUE}).")
    boolean warmup;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Run(
            String mode,
            int size,
            int docTokens,
            int chunks,
            double wallMs,
            int llmCalls,
            long serverRequests,
            int serverPeak,
            double idealMs,
            double lowerBoundMs,
            double servedIdealMs,
            double noLlmMs,
            double chunkMs,
            double peakHeapMb,
            double beforeFirstCallMs,
            double beforeFinalCallMs,
            List<CallLog.KindStats> calls) {
        double ratio() {
            return wallMs / idealMs;
        }
    }

    @Override
    public Integer call() throws Exception {
        Config base = ((Cli) spec.parent().parent().userObject()).loadConfig();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        BenchCorpus pages = BenchCorpus.load(corpus);
        List<Run> runs = new ArrayList<>();
        if (warmup) { // JIT, the HTTP client and the tokenizer warm up on a run at zero latency that is not reported
            int saved = latency.ttftMs;
            double savedPerToken = latency.msPerToken;
            latency.ttftMs = 0;
            latency.msPerToken = 0;
            for (int round = 0; round < 3; round++) { // enough calls for the JIT to compile the hot paths
                for (String mode : modes) {
                    run(base, pages, 10_000, mode);
                }
            }
            latency.ttftMs = saved;
            latency.msPerToken = savedPerToken;
        }
        stdout.printf(
                Locale.ROOT,
                "%-10s %8s %6s %9s %6s %5s %9s %7s %8s %8s %8s%n",
                "mode",
                "tokens",
                "chunks",
                "wall s",
                "calls",
                "peak",
                "ideal s",
                "ratio",
                "/served",
                "no-LLM%",
                "heap MB");
        for (int size : sizes) {
            for (String mode : modes) {
                Run run = run(base, pages, size, mode);
                runs.add(run);
                stdout.printf(
                        Locale.ROOT,
                        "%-10s %8d %6d %9.2f %6d %5d %9.2f %7.3f %8.3f %8.2f %8.1f%n",
                        run.mode(),
                        run.docTokens(),
                        run.chunks(),
                        run.wallMs() / 1000,
                        run.llmCalls(),
                        run.serverPeak(),
                        run.idealMs() / 1000,
                        run.ratio(),
                        run.wallMs() / run.servedIdealMs(),
                        100 * run.noLlmMs() / run.wallMs(),
                        run.peakHeapMb());
                stdout.flush();
            }
        }
        Files.createDirectories(out);
        ObjectNode root = json.createObjectNode();
        root.putObject("settings")
                .put("ttftMs", latency.ttftMs)
                .put("msPerToken", latency.msPerToken)
                .put("serverConcurrency", latency.serverConcurrency)
                .put("maxConcurrent", latency.maxConcurrent)
                .put("promptVersion", MapReduceSummarizer.PROMPT_VERSION);
        ArrayNode list = root.putArray("runs");
        for (Run r : runs) {
            ObjectNode node = json.valueToTree(r);
            list.add(node.put("ratioToIdeal", r.ratio()).put("ratioToServed", r.wallMs() / r.servedIdealMs()));
        }
        ObjectNode speedups = root.putObject("parallelSpeedupOverSequential");
        for (int size : sizes) {
            find(runs, "parallel", size)
                    .ifPresent(p -> find(runs, "sequential", size)
                            .ifPresent(s -> speedups.put(Integer.toString(size), s.wallMs() / p.wallMs())));
        }
        Path jsonFile = out.resolve("mapreduce.json");
        Path svgFile = out.resolve("mapreduce.svg");
        Files.writeString(jsonFile, json.writeValueAsString(root));
        Files.writeString(svgFile, Chart.svg(runs, modes, sizes));
        speedups.fields()
                .forEachRemaining(e -> stdout.printf(
                        Locale.ROOT,
                        "parallel is %.1fx faster than sequential at %s tokens%n",
                        e.getValue().asDouble(),
                        e.getKey()));
        err.println("mcp-web: wrote " + jsonFile + " and " + svgFile);
        stdout.flush();
        return ExitCode.OK;
    }

    /** Nanoseconds between the end of the last call before the final one and the final call's start. */
    private static long gapBeforeFinal(List<CallLog.Call> calls) {
        long finalStart = calls.stream()
                .filter(c -> c.kind().equals("final"))
                .mapToLong(CallLog.Call::startNanos)
                .max()
                .orElse(0);
        long lastEnd = calls.stream()
                .filter(c -> !c.kind().equals("final"))
                .mapToLong(CallLog.Call::endNanos)
                .max()
                .orElse(finalStart);
        return Math.max(0, finalStart - lastEnd);
    }

    private static Optional<Run> find(List<Run> runs, String mode, int size) {
        return runs.stream()
                .filter(r -> r.mode().equals(mode) && r.size() == size)
                .findFirst();
    }

    private Run run(Config base, BenchCorpus pages, int size, String mode) throws Exception {
        SimulatedLlmServer.Settings settings = latency.settings();
        try (SimulatedLlmServer server = SimulatedLlmServer.start(settings)) {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("summarizer.provider", "openai");
            s.put("summarizer.api_base", server.v1Url());
            s.put("summarizer.api_key", "sk-bench");
            s.put("summarizer.model", "gpt-4o-mini");
            s.put("summarizer.mode", mode);
            s.put("summarizer.max_concurrent", Integer.toString(latency.maxConcurrent));
            s.put("summarizer.deadline", "3600s");
            Config config = base.with(s, "bench");
            LlmProvider provider = LlmProviders.fromConfig(config.summarizer()).orElseThrow();
            TokenBudget budget = ((ResilientProvider) provider).budget();
            Document doc = pages.document(size, budget::count);
            int docTokens = budget.count(doc.markdown());
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            try (CallLog log = new CallLog(provider)) {
                MapReduceSummarizer summarizer = new MapReduceSummarizer(
                        log,
                        budget::count,
                        budget.contextWindow(),
                        config.summarizer(),
                        new Chunker(config.chunker(), budget::count),
                        meters);
                System.gc();
                List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .toList();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                long t0 = System.nanoTime();
                Summary summary = summarizer.summarize(
                        new SummaryRequest(List.of(doc), Optional.empty(), 200), SummaryListener.NONE);
                double wallMs = (System.nanoTime() - t0) / 1e6;
                double peakMb =
                        heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
                int slots = mode.equals("sequential") ? 1 : Math.min(latency.maxConcurrent, latency.serverConcurrency);
                CallLog.Bound bound = CallLog.bound(log.calls(), slots, latency.ttftMs, latency.msPerToken);
                Timer idle = meters.find("mcpweb.summary.idle").timer();
                Timer chunk = meters.find("mcpweb.stage").tag("stage", "chunk").timer();
                return new Run(
                        mode,
                        size,
                        docTokens,
                        summary.stats().chunks(),
                        wallMs,
                        summary.stats().llmCalls(),
                        server.stats().requests(),
                        server.stats().peakInFlight(),
                        bound.idealMs(),
                        bound.lowerBoundMs(),
                        bound.servedIdealMs(),
                        idle == null ? 0 : idle.totalTime(TimeUnit.NANOSECONDS) / 1e6,
                        chunk == null ? 0 : chunk.totalTime(TimeUnit.NANOSECONDS) / 1e6,
                        peakMb,
                        (log.calls().stream()
                                                .mapToLong(CallLog.Call::startNanos)
                                                .min()
                                                .orElse(t0)
                                        - t0)
                                / 1e6,
                        gapBeforeFinal(log.calls()) / 1e6,
                        CallLog.kinds(log.calls(), latency.ttftMs, latency.msPerToken));
            }
        }
    }

    /** A hand-written SVG: wall time against document size per mode (log-log), with the parallel ideal dashed. */
    static final class Chart {
        private static final String[] COLORS = {"#1f77b4", "#2ca02c", "#d62728", "#9467bd"};

        private Chart() {}

        static String svg(List<Run> runs, List<String> modes, List<Integer> sizes) {
            int w = 760;
            int h = 460;
            int left = 70;
            int right = 170;
            int top = 40;
            int bottom = 60;
            double minX = Math.log10(sizes.stream().mapToInt(i -> i).min().orElse(1000) * 0.8);
            double maxX = Math.log10(sizes.stream().mapToInt(i -> i).max().orElse(100000) * 1.25);
            double minY = Math.log10(Math.max(
                    0.1,
                    runs.stream()
                                    .mapToDouble(r -> Math.min(r.wallMs(), r.idealMs()))
                                    .min()
                                    .orElse(100)
                            / 1000
                            * 0.7));
            double maxY =
                    Math.log10(runs.stream().mapToDouble(Run::wallMs).max().orElse(1000) / 1000 * 1.4);
            java.util.function.DoubleUnaryOperator x =
                    v -> left + (Math.log10(v) - minX) / (maxX - minX) * (w - left - right);
            java.util.function.DoubleUnaryOperator y =
                    v -> h - bottom - (Math.log10(v) - minY) / (maxY - minY) * (h - top - bottom);
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(
                    Locale.ROOT,
                    "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='12'>%n",
                    w,
                    h));
            sb.append("<rect width='100%' height='100%' fill='white'/>\n");
            sb.append(String.format(
                    Locale.ROOT,
                    "<text x='%d' y='22' font-size='15'>mcp-web map-reduce: wall time by document size (log-log)</text>%n",
                    left));
            sb.append(String.format(
                    Locale.ROOT,
                    "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>%n",
                    left,
                    h - bottom,
                    w - right,
                    h - bottom));
            sb.append(String.format(
                    Locale.ROOT,
                    "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>%n",
                    left,
                    top,
                    left,
                    h - bottom));
            for (int size : sizes) {
                double px = x.applyAsDouble(size);
                sb.append(String.format(
                        Locale.ROOT,
                        "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#ddd'/>%n",
                        px,
                        top,
                        px,
                        h - bottom));
                sb.append(String.format(
                        Locale.ROOT,
                        "<text x='%.1f' y='%d' text-anchor='middle'>%dk</text>%n",
                        px,
                        h - bottom + 18,
                        size / 1000));
            }
            for (double v : new double[] {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}) {
                if (Math.log10(v) < minY || Math.log10(v) > maxY) {
                    continue;
                }
                double py = y.applyAsDouble(v);
                sb.append(String.format(
                        Locale.ROOT,
                        "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#eee'/>%n",
                        left,
                        py,
                        w - right,
                        py));
                sb.append(String.format(
                        Locale.ROOT,
                        "<text x='%d' y='%.1f' text-anchor='end'>%s s</text>%n",
                        left - 6,
                        py + 4,
                        v < 1 ? Double.toString(v) : Long.toString((long) v)));
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "<text x='%d' y='%d' text-anchor='middle'>document tokens</text>%n",
                    (left + w - right) / 2,
                    h - 18));
            int legend = top + 10;
            for (int m = 0; m < modes.size(); m++) {
                String mode = modes.get(m);
                String color = COLORS[m % COLORS.length];
                polyline(sb, runs, mode, color, false, x, y);
                sb.append(String.format(
                        Locale.ROOT,
                        "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='%s' stroke-width='2'/>"
                                + "<text x='%d' y='%d'>%s</text>%n",
                        w - right + 12,
                        legend,
                        w - right + 36,
                        legend,
                        color,
                        w - right + 42,
                        legend + 4,
                        mode));
                legend += 20;
            }
            if (modes.contains("parallel")) {
                polyline(sb, runs, "parallel", "#555", true, x, y);
                sb.append(String.format(
                        Locale.ROOT,
                        "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#555' stroke-dasharray='5,4'/>"
                                + "<text x='%d' y='%d'>parallel, ideal</text>%n",
                        w - right + 12,
                        legend,
                        w - right + 36,
                        legend,
                        w - right + 42,
                        legend + 4));
            }
            return sb.append("</svg>\n").toString();
        }

        private static void polyline(
                StringBuilder sb,
                List<Run> runs,
                String mode,
                String color,
                boolean ideal,
                java.util.function.DoubleUnaryOperator x,
                java.util.function.DoubleUnaryOperator y) {
            StringBuilder points = new StringBuilder();
            for (Run r : runs) {
                if (r.mode().equals(mode)) {
                    double v = (ideal ? r.idealMs() : r.wallMs()) / 1000;
                    points.append(String.format(
                            Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(r.docTokens()), y.applyAsDouble(v)));
                    if (!ideal) {
                        sb.append(String.format(
                                Locale.ROOT,
                                "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'/>%n",
                                x.applyAsDouble(r.docTokens()),
                                y.applyAsDouble(v),
                                color));
                    }
                }
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "<polyline fill='none' stroke='%s' stroke-width='2'%s points='%s'/>%n",
                    color,
                    ideal ? " stroke-dasharray='5,4'" : "",
                    points.toString().strip()));
        }
    }
}
