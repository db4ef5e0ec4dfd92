package dev.mcpweb.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mcpweb.cli.ExitCode;
import dev.mcpweb.tools.eval.ExtractionEval;
import dev.mcpweb.tools.eval.ExtractionReport;
import dev.mcpweb.tools.eval.SnippetEval;
import dev.mcpweb.tools.eval.SnippetReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcp-web eval extraction}: scores main-content extraction on a WCXB-format data set, or on one in
 * Trafilatura's evaluation format (recognised by its {@code evaldata.json}).
 */
@Command(
        name = "extraction",
        description = "Score main-content extraction on a data set directory. WCXB format (html/*.html.gz,"
                + " ground-truth/*.json): word P/R/F1 overall and per page type, with/without snippet"
                + " rates, pages/s, and the ten worst pages. Trafilatura's format (evaldata.json,"
                + " html/FILE.gz): segment precision, recall and F1 overall and per language, and the ten"
                + " pages that leak the most boilerplate segments.")
final class EvalExtractionCommand implements Callable<Integer> {
    enum Half {
        all,
        even,
        odd
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The data set directory.")
    Path dataset;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(
            names = "--pages",
            paramLabel = "all|even|odd",
            description = "Score all pages (default), or only even- or odd-numbered ones.")
    Half half = Half.all;

    @Option(names = "--all-pages", description = "With --json, include every page's score.")
    boolean allPages;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IntPredicate filter = switch (half) {
            case all -> n -> true;
            case even -> n -> n % 2 == 0;
            case odd -> n -> n % 2 == 1;
        };
        if (SnippetEval.recognises(dataset)) {
            return snippets(out, err, filter);
        }
        ExtractionReport report;
        try {
            report = new ExtractionEval(ExtractionEval.defaultExtractor(), filter).run(dataset);
        } catch (IOException e) {
            err.println("mcp-web: cannot evaluate " + dataset + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        if (json) {
            printJson(out, report);
        } else {
            printTable(out, report);
        }
        out.flush();
        return ExitCode.OK;
    }

    private int snippets(PrintWriter out, PrintWriter err, IntPredicate filter) {
        SnippetReport report;
        try {
            report = new SnippetEval(ExtractionEval.defaultExtractor(), filter).run(dataset);
        } catch (IOException e) {
            err.println("mcp-web: cannot evaluate " + dataset + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("format", "trafilatura");
            root.put("overall", counts(report.overall()));
            Map<String, Object> languages = new LinkedHashMap<>();
            report.byLanguage().forEach((language, c) -> languages.put(language, counts(c)));
            root.put("byLanguage", languages);
            root.put("pagesPerCpuSecond", report.pagesPerCpuSecond());
            root.put("worst", report.worst());
            if (allPages) {
                root.put("pages", report.pages());
            }
            print(out, root);
        } else {
            out.printf("%-10s %6s %7s %7s %7s %6s %6s%n", "language", "pages", "P", "R", "F1", "FP", "FN");
            new TreeMap<>(report.byLanguage()).forEach((language, c) -> row(out, language, c));
            row(out, "all", report.overall());
            out.printf(
                    "%nspeed: %.1f pages per CPU second (parse + extract + render, one thread)%n",
                    report.pagesPerCpuSecond());
            out.printf("%npages leaking the most boilerplate segments:%n");
            for (SnippetReport.Page p : report.worst()) {
                out.printf(
                        "  %s (%s) %d leaked: %s%n",
                        p.file(), p.language(), p.leaked().size(), p.leaked());
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static Map<String, Object> counts(SnippetReport.Counts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pages", c.pages());
        m.put("precision", c.precision());
        m.put("recall", c.recall());
        m.put("f1", c.f1());
        m.put("truePositives", c.truePositives());
        m.put("falseNegatives", c.falseNegatives());
        m.put("falsePositives", c.falsePositives());
        m.put("trueNegatives", c.trueNegatives());
        return m;
    }

    private static void row(PrintWriter out, String name, SnippetReport.Counts c) {
        out.printf(
                "%-10s %6d %7.3f %7.3f %7.3f %6d %6d%n",
                name, c.pages(), c.precision(), c.recall(), c.f1(), c.falsePositives(), c.falseNegatives());
    }

    private static void print(PrintWriter out, Map<String, Object> root) {
        try {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(root));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void printJson(PrintWriter out, ExtractionReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("overall", report.overall());
        root.put("byType", report.byType());
        root.put("withFound", report.withFound());
        root.put("withFoundTypographyFolded", report.withFoundTypographyFolded());
        root.put("withInPage", report.withInPage());
        root.put("withoutExcluded", report.withoutExcluded());
        root.put("withSnippets", report.withSnippets());
        root.put("withoutSnippets", report.withoutSnippets());
        root.put("pagesPerSecond", report.pagesPerSecond());
        root.put("pagesPerCpuSecond", report.pagesPerCpuSecond());
        root.put("heap", report.heap());
        root.put("worst", report.worst());
        if (allPages) {
            root.put("pages", report.pages());
        }
        print(out, root);
    }

    private static void printTable(PrintWriter out, ExtractionReport report) {
        out.printf("%-15s %6s %7s %7s %7s%n", "type", "pages", "P", "R", "F1");
        new TreeMap<>(report.byType()).forEach((type, s) -> row(out, type, s));
        row(out, "all", report.overall());
        out.printf(
                "%nwith snippets found:      %.3f (%d); %.3f with typographic quotes and dashes folded;"
                        + " %.3f are in the page's text at all%n"
                        + "without snippets absent:  %.3f (%d)%n",
                report.withFound(),
                report.withSnippets(),
                report.withFoundTypographyFolded(),
                report.withInPage(),
                report.withoutExcluded(),
                report.withoutSnippets());
        out.printf(
                "speed: %.1f pages/s wall clock, %.1f pages per CPU second (parse + extract + render, one"
                        + " thread)%n",
                report.pagesPerSecond(), report.pagesPerCpuSecond());
        ExtractionReport.Heap heap = report.heap();
        out.printf(
                "heap: peak %d MB live (in use after a collection); %d MB in use at most, garbage included,"
                        + " under a %d MB limit%n",
                megabytes(heap.peakLiveBytes()), megabytes(heap.peakUsedBytes()), megabytes(heap.limitBytes()));
        out.printf("%nworst pages:%n");
        for (ExtractionReport.PageScore p : report.worst()) {
            out.printf(
                    "  %s %-13s F1 %.3f P %.3f R %.3f  %s%n",
                    p.file(), p.type(), p.f1(), p.precision(), p.recall(), p.url());
        }
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static void row(PrintWriter out, String name, ExtractionReport.Scores s) {
        out.printf("%-15s %6d %7.3f %7.3f %7.3f%n", name, s.pages(), s.precision(), s.recall(), s.f1());
    }
}
