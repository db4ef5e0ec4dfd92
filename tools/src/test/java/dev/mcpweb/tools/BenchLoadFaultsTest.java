package dev.mcpweb.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bench load} with a fault halfway: a replica killed loses only the calls it was running, and Redis
 * stopped loses none beyond those in flight; either way the run completes, and no call started after the
 * fault fails. The calls in flight are counted by the clients at the fault.
 */
@Tag("slow")
class BenchLoadFaultsTest {
    @Test
    void aReplicaKilledHalfwayLosesOnlyTheCallsItWasRunning() throws Exception {
        JsonNode run = runWith("--kill-one");

        assertThat(run.path("fault").path("what").asText()).matches("killed replica[12]");
        assertOnlyCallsInFlightWereLost(run);
    }

    @Test
    void redisStoppedHalfwayFailsNoCallBeyondThoseInFlight() throws Exception {
        JsonNode run = runWith("--stop-redis");

        assertThat(run.path("fault").path("what").asText()).isEqualTo("stopped Redis");
        assertOnlyCallsInFlightWereLost(run);
    }

    private static void assertOnlyCallsInFlightWereLost(JsonNode run) {
        JsonNode fault = run.path("fault");
        assertThat(fault.path("after_calls").asInt())
                .as("calls started after the fault")
                .isPositive();
        assertThat(fault.path("after_failed").asInt())
                .as("failed after the fault")
                .isZero();
        assertThat(run.path("failed").asInt())
                .as("every failed call was in flight at the fault")
                .isEqualTo(fault.path("in_flight_failed").asInt());
        assertThat(fault.path("in_flight_cut").asInt())
                .isLessThanOrEqualTo(fault.path("in_flight").asInt());
        assertThat(run.path("clean").asBoolean()).isTrue();
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
