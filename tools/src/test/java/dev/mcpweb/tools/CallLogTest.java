package dev.mcpweb.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLogTest {
    private static final long MS = 1_000_000;

    private static CallLog.Call call(String kind, boolean streamed, long startMs, long endMs, int tokens) {
        return new CallLog.Call(kind, streamed, startMs * MS, endMs * MS, tokens);
    }

    @Test
    void theIdealScheduleRunsMapCallsInWavesThenTheFinalCall() {
        List<CallLog.Call> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // 5 map calls of 100 + 10 × 10 = 200 ms on 2 slots: 3 waves
            calls.add(call("map", false, i * 10, i * 10 + 120, 10));
        }
        calls.add(call("final", true, 500, 700, 11)); // 100 + 10 × (11 − 1) = 200 ms
        CallLog.Bound bound = CallLog.bound(calls, 2, 100, 10);
        assertThat(bound.idealMs()).isCloseTo(3 * 200 + 200, within(1e-9));
        assertThat(bound.lowerBoundMs()).isCloseTo(5 * 200 / 2.0 + 200, within(1e-9));
        assertThat(bound.servedIdealMs()).isCloseTo(3 * 120 + 200, within(1e-9));
    }

    @Test
    void collapseRoundsAreSeparatePhases() {
        List<CallLog.Call> calls = List.of(
                call("map", false, 0, 100, 0),
                call("collapse", false, 100, 200, 0),
                call("collapse", false, 100, 200, 0),
                call("collapse", false, 200, 300, 0),
                call("final", true, 300, 400, 1));
        assertThat(CallLog.phases(calls)).extracting(List::size).containsExactly(1, 2, 1, 1);
        assertThat(CallLog.bound(calls, 4, 100, 0).idealMs()).isCloseTo(400, within(1e-9));
    }
}
