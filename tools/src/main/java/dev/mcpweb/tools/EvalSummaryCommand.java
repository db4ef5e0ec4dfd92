package dev.mcpweb.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.cli.ExitCode;
import dev.mcpweb.tools.eval.SummaryEvaluation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcp-web eval summary}: query-focused summaries scored against a QA file. */
@Command(
        name = "summary",
        description = "Summarize each QA item's page for its query and report how often the answer is"
                + " quoted and the distractor left out, and the time per page.")
final class EvalSummaryCommand implements Callable<Integer> {
    @ParentCommand
    EvalCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--qa", paramLabel = "FILE", required = true, description = "QA file, one JSON object a line.")
    Path qa;

    @Option(
            names = "--dataset",
            paramLabel = "DIR",
            required = true,
            description = "Data set folder: WCXB-style (html/<file>.html.gz, ground-truth/<file>.json) or"
                    + " Trafilatura-style (html/<file>.gz, evaldata.json). Repeat it for QA files whose items"
                    + " name their data set (\"dataset\": \"wcxb/dev\"); items that name none use the first.")
    List<Path> datasets;

    @Option(
            names = "--max-length",
            paramLabel = "WORDS",
            defaultValue = "150",
            description = "Summary length in words (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(
            names = "--baseline",
            paramLabel = "lead|bm25",
            description = "Score a baseline instead: lead = the first WORDS words of the page,"
                    + " bm25 = the top BM25 sentences alone.")
    String baseline;

    @Option(
            names = "--text",
            paramLabel = "html|ground-truth",
            defaultValue = "html",
            description = "Page text: html = extract it from the page (default), ground-truth = the data set's"
                    + " main content, to score the summarizer without extraction errors.")
    String text;

    @Option(names = "--json", description = "Print JSON (with every item's summary) instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SummaryEvaluation.System system;
        if (baseline == null) {
            system = SummaryEvaluation.System.EXTRACTIVE;
        } else {
            switch (baseline.toLowerCase(Locale.ROOT)) {
                case "lead" -> system = SummaryEvaluation.System.LEAD;
                case "bm25" -> system = SummaryEvaluation.System.BM25;
                default -> {
                    err.println("mcp-web: --baseline must be lead or bm25, not '" + baseline + "'");
                    return ExitCode.USAGE;
                }
            }
        }
        SummaryEvaluation.Source source;
        switch (text.toLowerCase(Locale.ROOT)) {
            case "html" -> source = SummaryEvaluation.Source.HTML;
            case "ground-truth" -> source = SummaryEvaluation.Source.GROUND_TRUTH;
            default -> {
                err.println("mcp-web: --text must be html or ground-truth, not '" + text + "'");
                return ExitCode.USAGE;
            }
        }
        if (!Files.isRegularFile(qa) || !datasets.stream().allMatch(d -> Files.isDirectory(d.resolve("html")))) {
            err.println("mcp-web: need a QA file and data set folders with html/ (got " + qa + ", " + datasets + ")");
            return ExitCode.USAGE;
        }
        if (maxLength < 1) {
            err.println("mcp-web: --max-length must be at least 1");
            return ExitCode.USAGE;
        }
        List<SummaryEvaluation.Item> items = SummaryEvaluation.readItems(qa);
        SummaryEvaluation.Report report = new SummaryEvaluation(datasets, source).run(items, system, maxLength);
        if (json) {
            out.println(toJson(report));
        } else {
            out.printf("system                 %s (extractor: %s)%n", report.system(), report.extractor());
            out.printf(
                    "items                  %d at %d words%n", report.overall().items(), report.maxLength());
            out.printf(
                    "answer in page         %.3f  (extracted text holds every answer phrase; the distractor: %.3f)%n",
                    report.answerInPage(), report.distractorInPage());
            out.printf("answer found           %.3f%n", report.overall().answerFound());
            out.printf("distractor left out    %.3f%n", report.overall().distractorLeftOut());
            for (SummaryEvaluation.Part part : report.parts()) {
                out.printf(
                        "  %-12s %3d items: answer found %.3f, distractor left out %.3f%n",
                        part.name(), part.items(), part.answerFound(), part.distractorLeftOut());
            }
            out.printf(
                    "CPU time per page      median %.2f ms, p95 %.2f ms, p99 %.2f ms (one thread, summary only)%n",
                    report.medianMillis(), report.p95Millis(), report.p99Millis());
            report.mismatchedQueriesUnanswered()
                    .ifPresent(u -> out.printf("mismatched queries     %.3f reported as unanswered%n", u));
            for (SummaryEvaluation.ItemResult r : report.results()) {
                if (!r.answerFound() || !r.distractorLeftOut() || !r.answerInPage() || !r.distractorInPage()) {
                    out.printf(
                            "  %-10s %s%s%s%s%n",
                            r.id(),
                            r.answerInPage() ? "" : "answer not in extracted page ",
                            r.distractorInPage() ? "" : "distractor not in extracted page ",
                            r.answerFound() ? "" : "answer missing ",
                            r.distractorLeftOut() ? "" : "distractor quoted");
                }
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String toJson(SummaryEvaluation.Report report) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode()
                .put("system", report.system())
                .put("extractor", report.extractor())
                .put("max_length", report.maxLength())
                .put("items", report.overall().items())
                .put("answer_in_extracted_page", report.answerInPage())
                .put("distractor_in_extracted_page", report.distractorInPage())
                .put("answer_found", report.overall().answerFound())
                .put("distractor_left_out", report.overall().distractorLeftOut())
                .put("median_ms", report.medianMillis())
                .put("p95_ms", report.p95Millis())
                .put("p99_ms", report.p99Millis());
        ArrayNode parts = root.putArray("parts");
        for (SummaryEvaluation.Part part : report.parts()) {
            parts.addObject()
                    .put("name", part.name())
                    .put("items", part.items())
                    .put("answer_found", part.answerFound())
                    .put("distractor_left_out", part.distractorLeftOut());
        }
        report.mismatchedQueriesUnanswered().ifPresent(u -> root.put("mismatched_queries_unanswered", u));
        ArrayNode results = root.putArray("results");
        for (SummaryEvaluation.ItemResult r : report.results()) {
            results.addObject()
                    .put("id", r.id())
                    .put("part", r.part())
                    .put("answer_in_page", r.answerInPage())
                    .put("distractor_in_page", r.distractorInPage())
                    .put("answer_found", r.answerFound())
                    .put("distractor_left_out", r.distractorLeftOut())
                    .put("ms", r.millis())
                    .put("summary", r.summary());
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
