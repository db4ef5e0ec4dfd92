package dev.mcpweb.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A small {@code bench load}: two replica processes behind HAProxy on one Redis, a few requests from MCP
 * clients; every request answered, the cache saving LLM calls, the figures reported.
 */
class BenchLoadCommandTest {
    @Test
    void aSmallLoadRunAnswersEveryRequestAndReportsTheFleetsFigures() throws Exception {
        JsonNode run = BenchLoadRun.firstRun(
                "--replicas",
                "2",
                "--clients",
                "4",
                "--requests",
                "16",
                "--hot-pages",
                "2",
                "--ttft-ms",
                "20",
                "--ms-per-token",
                "1",
                "--call-timeout",
                "30",
                "--json");

        assertThat(run.path("replicas").asInt()).isEqualTo(2);
        assertThat(run.path("ok").asInt()).isEqualTo(16);
        assertThat(run.path("failed").asInt()).isZero();
        assertThat(run.path("throughput_per_s").asDouble()).isPositive();
        assertThat(run.path("p99_ms").asDouble())
                .isGreaterThanOrEqualTo(run.path("p50_ms").asDouble());
        // about half the requests ask for one of two hot pages: the cache answers most of them
        assertThat(run.path("llm_calls").asLong())
                .isPositive()
                .isLessThan(run.path("cacheless_llm_calls").asLong());
        assertThat(run.path("hit_rate").path("summary").asDouble()).isPositive();
    }
}
