package dev.mcpweb.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bench load} with a fault halfway: a replica killed loses only the calls it was running, and Redis
 * stopped loses none beyond those in flight; either way the run completes.
 */
@Tag("slow")
class BenchLoadFaultsTest {
    @Test
    void aReplicaKilledHalfwayLosesOnlyTheCallsItWasRunning() throws Exception {
        JsonNode run = runWith("--kill-one");

        assertThat(run.path("fault").path("what").asText()).matches("killed replica[12]");
        assertThat(run.path("failed").asInt())
                .isLessThanOrEqualTo(run.path("fault").path("in_flight").asInt());
    }

    @Test
    void redisStoppedHalfwayFailsNoCallBeyondThoseInFlight() throws Exception {
        JsonNode run = runWith("--stop-redis");

        assertThat(run.path("fault").path("what").asText()).isEqualTo("stopped Redis");
        assertThat(run.path("failed").asInt())
                .isLessThanOrEqualTo(run.path("fault").path("in_flight").asInt());
    }

    private static JsonNode runWith(String fault) throws Exception {
        JsonNode run = BenchLoadRun.firstRun(
                "--replicas",
                "2",
                "--clients",
                "8",
                "--requests",
                "48",
                "--ttft-ms",
                "100",
                "--ms-per-token",
                "2",
                "--call-timeout",
                "30",
                fault,
                "--json");
        assertThat(run.path("not_run").asInt()).as("every request ran").isZero();
        assertThat(run.path("ok").asInt() + run.path("failed").asInt()).isEqualTo(48);
        return run;
    }
}
