package dev.mcpweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mcpweb.config.Config;
import dev.mcpweb.config.MapMode;
import dev.mcpweb.crawl.LinkFollower;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.pipeline.PipelineResult;
import dev.mcpweb.pipeline.SourceFailure;
import dev.mcpweb.pipeline.SummarizeRequest;
import dev.mcpweb.result.ResultJson;
import dev.mcpweb.result.SummaryResult;
import dev.mcpweb.summarize.SummaryListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            description = "Map phase: ${COMPLETION-CANDIDATES} (summarizer.mode).",
            completionCandidates = ModeNames.class)
    String mode;

    @Option(
            names = "--provider",
            paramLabel = "NAME",
            description = "extractive, openai, anthropic, ollama, lmstudio, localai or custom (summarizer.provider).")
    String provider;

    @Option(
            names = "--max-llm-calls",
            paramLabel = "N",
            description = "LLM calls the summary may make (summarizer.max_llm_calls).")
    Integer maxLlmCalls;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name (summarizer.model).")
    String model;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "The provider's API base URL (summarizer.api_base).")
    String baseUrl;

    @Option(
            names = "--ignore-robots",
            description = "Do not consult robots.txt (same as fetcher.respect_robots=false).")
    boolean ignoreRobots;

    @Option(
            names = "--follow-links",
            paramLabel = "N",
            description = "Also read and summarize up to N (0-20, default 0) of the best links out of the sources'"
                    + " main content, ranked by the query (or the pages' titles); cited after the sources.")
    int followLinks;

    @Option(names = "--render", paramLabel = "MODE", description = RenderFlag.DESCRIPTION)
    String render;

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
        Config config = cli.loadConfigReadingFiles(new FlagSettings()
                .put("--provider", "summarizer.provider", provider)
                .put("--model", "summarizer.model", model)
                .put("--base-url", "summarizer.api_base", baseUrl)
                .put("--mode", "summarizer.mode", mode)
                .put("--max-length", "summarizer.max_length", maxLength)
                .put("--max-llm-calls", "summarizer.max_llm_calls", maxLlmCalls)
                .put("--ignore-robots", "fetcher.respect_robots", ignoreRobots ? "false" : null)
                .put("--render", "render.mode", render));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Recording recording = jfr == null ? null : startRecording();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        long t0 = System.nanoTime();
        ProgressLine progress = new ProgressLine(err, Terminal.isTerminal(2), Terminal.isTerminal(1));
        SummaryListener listener = new SummaryListener() {
            @Override
            public void onDelta(String markdown) {
                if (!json) {
                    progress.clear();
                    out.print(markdown);
                    out.flush();
                    progress.streamed(markdown);
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
            PipelineResult result =
                    pipeline.summarize(request, LinkFollower.of(pipeline, followLinks), listener, Optional.empty());
            progress.clear();
            for (SourceFailure f : result.failures()) {
                err.println("mcp-web: " + f.source() + ": " + f.kind() + ": " + f.message());
            }
            result.summary().warnings().forEach(w -> err.println("mcp-web: warning: " + w));
            if (json) {
                out.println(ResultJson.pretty(SummaryResult.of(result)));
            } else if (!result.summary().markdown().endsWith("\n")) {
                out.println();
            }
            code = ExitCode.OK;
        } catch (PipelineException e) {
            progress.clear();
            err.println("mcp-web: " + e.getMessage());
            code = ExitCode.of(e.kind());
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

    /** The map modes' names, for --mode's help. */
    static final class ModeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return MapMode.ids().iterator();
        }
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
}
