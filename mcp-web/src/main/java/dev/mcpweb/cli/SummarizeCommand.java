package dev.mcpweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.config.Config;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.pipeline.PipelineResult;
import dev.mcpweb.pipeline.SourceFailure;
import dev.mcpweb.pipeline.SummarizeRequest;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcp-web summarize}: a cited Markdown summary of URLs and files, streamed to stdout. */
@Command(
        name = "summarize",
        description = "Summarize URLs and files: fetch, extract, chunk and summarize, streaming cited Markdown to "
                + "stdout (a progress bar goes to stderr when it is a terminal).%n"
                + "Exit code 0 with a summary (sources that could not be read are listed on stderr), 3 when every "
                + "source was refused by policy, 4 when nothing could be summarized.")
final class SummarizeCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "SOURCE",
            arity = "1..*",
            description = "URLs or file paths, cited [1], [2], … in this order.")
    List<String> sources;

    @Option(
            names = {"-q", "--query"},
            paramLabel = "Q",
            description = "Focus the summary on this question.")
    String query;

    @Option(
            names = "--max-length",
            paramLabel = "WORDS",
            description = "Summary length in words (summarizer.max_length).")
    Integer maxLength;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "Map phase: parallel, streaming or sequential (summarizer.mode).")
    String mode;

    @Option(
            names = "--provider",
            paramLabel = "NAME",
            description = "extractive, openai, anthropic, ollama, lmstudio, localai or custom (summarizer.provider).")
    String provider;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name (summarizer.model).")
    String model;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "The provider's API base URL (summarizer.api_base).")
    String baseUrl;

    @Option(
            names = "--json",
            description = "Print the summary, its sources, warnings, failures and statistics as one JSON object.")
    boolean json;

    @Option(names = "--profile", description = "Print a per-stage time breakdown to stderr at the end.")
    boolean profile;

    @Option(
            names = "--metrics-json",
            paramLabel = "FILE",
            description = "Write the per-stage breakdown and LLM counters as JSON.")
    Path metricsJson;

    @Option(names = "--jfr", paramLabel = "FILE", description = "Record a Java Flight Recording of the run to FILE.")
    Path jfr;

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "summarizer.provider", provider);
        put(flags, "summarizer.model", model);
        put(flags, "summarizer.api_base", baseUrl);
        put(flags, "summarizer.mode", mode);
        put(flags, "summarizer.max_length", maxLength == null ? null : maxLength.toString());
        Config config = cli.loadConfig(flags);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Recording recording = jfr == null ? null : startRecording();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        long t0 = System.nanoTime();
        Progress progress = new Progress(err, isTerminal());
        SummaryListener listener = new SummaryListener() {
            @Override
            public void onDelta(String markdown) {
                if (!json) {
                    progress.clear();
                    out.print(markdown);
                    out.flush();
                }
            }

            @Override
            public void onProgress(String stage, int done, int total) {
                progress.update(stage, done, total);
            }
        };
        int code;
        try (Pipeline pipeline = Pipeline.create(config, meters)) {
            SummarizeRequest request = new SummarizeRequest(
                    sources.stream().map(FetchCommand::asSource).toList(),
                    Optional.ofNullable(query),
                    OptionalInt.empty(),
                    Optional.empty());
            PipelineResult result = pipeline.summarize(request, listener, Optional.empty());
            progress.clear();
            for (SourceFailure f : result.failures()) {
                err.println("mcp-web: " + f.source() + ": " + f.kind() + ": " + f.message());
            }
            if (json) {
                out.println(mapper.writeValueAsString(toJson(result)));
            } else if (!result.summary().markdown().endsWith("\n")) {
                out.println();
            }
            code = ExitCode.OK;
        } catch (PipelineException e) {
            progress.clear();
            err.println("mcp-web: " + e.getMessage());
            code = e.kind().equals("refused") ? ExitCode.REFUSED : ExitCode.FAILED;
        } finally {
            if (recording != null) {
                recording.dump(jfr);
                recording.close();
                err.println("mcp-web: flight recording written to " + jfr);
            }
        }
        double wallMs = (System.nanoTime() - t0) / 1e6;
        StageProfile breakdown = new StageProfile(meters, wallMs);
        if (profile) {
            breakdown.printTable(err);
        }
        if (metricsJson != null) {
            Files.writeString(metricsJson, mapper.writeValueAsString(breakdown.toJson(mapper)));
        }
        out.flush();
        err.flush();
        return code;
    }

    private static void put(Map<String, String> flags, String name, String value) {
        if (value != null) {
            flags.put(name, value);
        }
    }

    private ObjectNode toJson(PipelineResult result) {
        Summary s = result.summary();
        ObjectNode root = mapper.createObjectNode();
        root.put("markdown", s.markdown());
        ArrayNode list = root.putArray("sources");
        s.sources()
                .forEach(r -> list.addObject()
                        .put("number", r.number())
                        .put("title", r.title())
                        .put("url", r.url()));
        ArrayNode warnings = root.putArray("warnings");
        s.warnings().forEach(warnings::add);
        ArrayNode failures = root.putArray("failures");
        result.failures()
                .forEach(f -> failures.addObject()
                        .put("source", f.source())
                        .put("kind", f.kind())
                        .put("message", f.message()));
        root.putObject("stats")
                .put("provider", s.stats().provider())
                .put("model", s.stats().model())
                .put("mode", s.stats().mode())
                .put("chunks", s.stats().chunks())
                .put("llmCalls", s.stats().llmCalls())
                .put("retries", s.stats().retries())
                .put("inputTokens", s.stats().inputTokens())
                .put("outputTokens", s.stats().outputTokens())
                .put("elapsedMs", s.stats().elapsed().toMillis());
        return root;
    }

    private static Recording startRecording() throws IOException {
        try {
            Recording r = new Recording(Configuration.getConfiguration("profile"));
            r.setName("mcp-web summarize");
            r.start();
            return r;
        } catch (java.text.ParseException e) {
            throw new IOException("cannot load the JFR 'profile' settings: " + e.getMessage(), e);
        }
    }

    /** Whether stderr is an interactive terminal, as far as Java can tell. */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // Java 22+: a Console exists even when redirected; isTerminal() says whether it is a terminal
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** A one-line progress bar on stderr: sources fetched, chunks done of total, elapsed and ETA. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean enabled;
        private final long start = System.nanoTime();
        private long mapStart;
        private String fetched = "";
        private boolean shown;

        Progress(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        synchronized void update(String stage, int done, int total) {
            if (!enabled) {
                return;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (stage.equals("fetch")) {
                fetched = "sources " + done + "/" + total;
            }
            if (stage.equals("map") && done == 0) {
                mapStart = System.nanoTime();
            }
            StringBuilder line = new StringBuilder("\r").append(fetched);
            if (stage.equals("map") || stage.equals("collapse")) {
                int width = 24;
                int filled = total == 0 ? width : done * width / total;
                line.append("  ")
                        .append(stage)
                        .append(" [")
                        .append("#".repeat(filled))
                        .append(".".repeat(width - filled))
                        .append("] ")
                        .append(done)
                        .append('/')
                        .append(total);
                if (stage.equals("map") && done > 0 && done < total) {
                    double rate = (System.nanoTime() - mapStart) / 1e9 / done;
                    line.append(String.format(Locale.ROOT, "  ETA %.0fs", rate * (total - done)));
                }
            } else if (!stage.equals("fetch")) {
                line.append("  ").append(stage).append(done == total ? " done" : "…");
            }
            line.append(String.format(Locale.ROOT, "  %.1fs", elapsed)).append("\u001b[K");
            err.print(line);
            err.flush();
            shown = true;
        }

        synchronized void clear() {
            if (shown) {
                err.print("\r\u001b[K");
                err.flush();
                shown = false;
            }
        }
    }
}
