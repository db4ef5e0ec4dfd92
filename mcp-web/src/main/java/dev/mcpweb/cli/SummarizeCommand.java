package dev.mcpweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mcpweb.config.Config;
import dev.mcpweb.crawl.LinkFollower;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineResult;
import dev.mcpweb.pipeline.SourceFailure;
import dev.mcpweb.pipeline.SummarizeRequest;
import dev.mcpweb.result.ResultJson;
import dev.mcpweb.result.SummaryResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    SummaryOptions summary;

    @Mixin
    LlmOptions llm;

    @Mixin
    RobotsFlag robots;

    @Option(
            names = "--follow-links",
            paramLabel = "N",
            description = "Also read and summarize up to N (0-20, default 0) of the best links out of the sources'"
                    + " main content, ranked by the query (or the pages' titles); cited after the sources.")
    int followLinks;

    @Mixin
    RenderFlag render;

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
        Config config = cli.loadConfigReadingFiles(llm.flags()
                .putAll(summary.flags())
                .put("--max-length", "summarizer.max_length", summary.maxLength)
                .putAll(robots.flags())
                .putAll(render.flags()));
        CommandRun run = new CommandRun(spec);
        Recording recording = jfr == null ? null : startRecording();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        long t0 = System.nanoTime();
        int code;
        try {
            code = run.exitCode(() -> {
                try (Pipeline pipeline = Pipeline.create(config, meters)) {
                    SummarizeRequest request = new SummarizeRequest(
                            sources.stream().map(FetchCommand::asSource).toList(),
                            Optional.ofNullable(query),
                            OptionalInt.empty(),
                            Optional.empty());
                    PipelineResult result = pipeline.summarize(
                            request,
                            LinkFollower.of(pipeline, followLinks),
                            json ? run.progress() : run.streaming(),
                            Optional.empty());
                    run.clearProgress();
                    for (SourceFailure f : result.failures()) {
                        run.err.println("mcp-web: " + f.source() + ": " + f.kind() + ": " + f.message());
                    }
                    result.summary().warnings().forEach(w -> run.err.println("mcp-web: warning: " + w));
                    if (json) {
                        run.out.println(ResultJson.pretty(SummaryResult.of(result)));
                    } else if (!result.summary().markdown().endsWith("\n")) {
                        run.out.println();
                    }
                    return ExitCode.OK;
                }
            });
        } finally {
            if (recording != null) {
                recording.dump(jfr);
                recording.close();
                run.err.println("mcp-web: flight recording written to " + jfr);
            }
        }
        double wallMs = (System.nanoTime() - t0) / 1e6;
        StageProfile breakdown = new StageProfile(meters, wallMs);
        if (profile) {
            breakdown.printTable(run.err);
        }
        if (metricsJson != null) {
            Files.writeString(metricsJson, mapper.writeValueAsString(breakdown.toJson(mapper)));
        }
        run.out.flush();
        run.err.flush();
        return code;
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
