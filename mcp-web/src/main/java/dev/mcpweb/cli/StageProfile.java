package dev.mcpweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The per-stage breakdown of one run, read from the pipeline's meters: a table for people, JSON for tools. */
final class StageProfile {
    static final List<String> STAGES = List.of("fetch", "extract", "chunk", "map", "collapse", "reduce");

    private final MeterRegistry meters;
    private final double wallMs;

    StageProfile(MeterRegistry meters, double wallMs) {
        this.meters = meters;
        this.wallMs = wallMs;
    }

    private Timer timer(String name, String... tags) {
        return meters.find(name).tags(tags).timer();
    }

    private double count(String name, String... tags) {
        Counter c = meters.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    void printTable(PrintWriter err) {
        err.printf(Locale.ROOT, "%n%-10s %6s %11s %11s %7s%n", "stage", "count", "total ms", "mean ms", "share");
        for (String stage : STAGES) {
            Timer t = timer("mcpweb.stage", "stage", stage);
            if (t == null || t.count() == 0) {
                continue;
            }
            double total = t.totalTime(TimeUnit.NANOSECONDS) / 1e6;
            err.printf(
                    Locale.ROOT,
                    "%-10s %6d %11.1f %11.1f %6.1f%%%n",
                    stage,
                    t.count(),
                    total,
                    total / t.count(),
                    100 * total / wallMs);
        }
        err.printf(Locale.ROOT, "%-10s %6s %11.1f%n", "wall", "", wallMs);
        Timer idle = timer("mcpweb.summary.idle");
        if (idle != null && idle.count() > 0) {
            err.printf(
                    Locale.ROOT,
                    "summary time with no LLM call in flight: %.1f ms%n",
                    idle.totalTime(TimeUnit.NANOSECONDS) / 1e6);
        }
        err.printf(
                Locale.ROOT,
                "LLM calls %.0f, retries %.0f, tokens in %.0f, out %.0f%n",
                count("mcpweb.llm.calls"),
                count("mcpweb.llm.retries"),
                count("mcpweb.llm.tokens", "direction", "in"),
                count("mcpweb.llm.tokens", "direction", "out"));
        err.flush();
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("wallMs", wallMs);
        ObjectNode stages = root.putObject("stages");
        for (String stage : STAGES) {
            Timer t = timer("mcpweb.stage", "stage", stage);
            if (t != null && t.count() > 0) {
                stages.putObject(stage)
                        .put("count", t.count())
                        .put("totalMs", t.totalTime(TimeUnit.NANOSECONDS) / 1e6)
                        .put("maxMs", t.max(TimeUnit.NANOSECONDS) / 1e6);
            }
        }
        Timer idle = timer("mcpweb.summary.idle");
        root.put("noLlmInFlightMs", idle == null ? 0 : idle.totalTime(TimeUnit.NANOSECONDS) / 1e6);
        root.put("llmCalls", count("mcpweb.llm.calls"));
        root.put("retries", count("mcpweb.llm.retries"));
        root.put("tokensIn", count("mcpweb.llm.tokens", "direction", "in"));
        root.put("tokensOut", count("mcpweb.llm.tokens", "direction", "out"));
        return root;
    }
}
