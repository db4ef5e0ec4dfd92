package dev.mcpweb.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpweb.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny run of {@code bench hostile}: every hostile page answered without a trace, the server alive. */
class HostileBenchCommandTest {
    private final CliRun cli = new CliRun();

    @TempDir
    Path dir;

    @Test
    void aSmallHostileRunReportsBothPhasesEveryHostileOutcomeAndTheHeap() throws Exception {
        int code = cli.run(
                "bench",
                "hostile",
                "--ordinary",
                "9",
                "--runs",
                "2",
                "--clients",
                "2",
                "--hostile-rounds",
                "1",
                "--text-megabytes",
                "1",
                "--nested",
                "5000",
                "--pdf-pages",
                "10",
                "--json",
                "--set",
                "cache.ttl=1h");

        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertThat(code).as(cli.err()).isZero();
        for (String phase : new String[] {"alone", "loaded"}) {
            JsonNode p = report.path("ordinary").path(phase);
            assertThat(p.path("calls").asInt()).isEqualTo(18);
            assertThat(p.path("failures").asInt()).isZero();
            assertThat(p.path("p99_ms").asDouble())
                    .isGreaterThanOrEqualTo(p.path("p50_ms").asDouble())
                    .isPositive();
        }
        assertThat(report.path("ordinary").path("p99_ratio").asDouble()).isPositive();
        assertThat(report.path("ordinary").path("median_p99_ratio").asDouble()).isPositive();
        assertThat(report.path("ordinary").path("runs")).hasSize(2);
        // at least one round per loaded phase, each every page
        JsonNode hostile = report.path("hostile");
        assertThat(report.path("hostile_rounds").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(hostile).hasSize(5 * report.path("hostile_rounds").asInt());
        assertThat(hostile.findValuesAsText("page")).containsOnly("spaces", "emphasis", "huge-text", "nested", "pdf");
        hostile.forEach(o -> {
            assertThat(o.path("stack_trace").asBoolean()).as(o.toString()).isFalse();
            assertThat(o.path("message").asText()).as(o.toString()).doesNotContain("Exception", ".java:");
        });
        assertThat(report.path("stack_traces").asInt()).isZero();
        assertThat(report.path("server_alive").asBoolean()).isTrue();
        // the figures say which collector and compilers they were measured with
        assertThat(report.path("jvm").asText())
                .contains(java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
                        .getFirst()
                        .getName());
        JsonNode heap = report.path("heap");
        assertThat(heap.path("peak_used_bytes").asLong())
                .isPositive()
                .isLessThanOrEqualTo(heap.path("max_bytes").asLong());
        assertThat(heap.path("live_after_gc_bytes").asLong()).isPositive();
    }
}
