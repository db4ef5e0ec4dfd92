package dev.mcpweb.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StopTokenTest {
    @Test
    void aDetachedTokenOutlivesTheCancelOfTheCallerItCameFrom() {
        StopToken caller = StopToken.within(Duration.ofMinutes(1), "summarizer.deadline");
        StopToken shared = caller.detached();

        caller.cancel();

        assertThat(caller.isCancelled()).isTrue();
        assertThat(shared.isCancelled()).isFalse();
        shared.check(); // work shared with other callers goes on
        shared.cancel(); // until the last caller leaves
        assertThatThrownBy(shared::check)
                .isInstanceOfSatisfying(
                        Stopped.class, e -> assertThat(e.reason()).isEqualTo(Stopped.Reason.CANCELLED));
    }

    @Test
    void aDetachedTokenKeepsTheCallersDeadline() {
        StopToken caller = StopToken.within(Duration.ZERO, "summarizer.deadline");

        assertThatThrownBy(() -> caller.detached().check()).isInstanceOfSatisfying(Stopped.class, e -> {
            assertThat(e.reason()).isEqualTo(Stopped.Reason.DEADLINE);
            assertThat(e.getMessage()).contains("summarizer.deadline");
        });
    }

    @Test
    void aChildTokenStopsWithItsParent() {
        StopToken parent = StopToken.none();
        StopToken child = parent.withCpuBudget(Duration.ofMinutes(1), "extraction", "extractor.max_cpu");

        parent.cancel();

        assertThat(child.isCancelled()).isTrue();
    }

    @Test
    void aTokenWithACpuBudgetStopsOnceTheThreadHasUsedIt() {
        assumeTrue(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported());
        StopToken token = StopToken.within(Duration.ofMinutes(1), "summarizer.deadline")
                .withCpuBudget(Duration.ofMillis(20), "extraction", "extractor.max_cpu");

        assertThatThrownBy(() -> {
                    while (true) {
                        token.check();
                    }
                })
                .isInstanceOfSatisfying(Stopped.class, e -> {
                    assertThat(e.reason()).isEqualTo(Stopped.Reason.CPU_BUDGET);
                    assertThat(e.getMessage()).contains("20 ms", "extractor.max_cpu");
                });
    }

    @Test
    void aTokenWithACpuBudgetStillStopsAtItsParentsDeadline() {
        StopToken token = StopToken.within(Duration.ZERO, "summarizer.deadline")
                .withCpuBudget(Duration.ofMinutes(1), "extraction", "extractor.max_cpu");

        assertThatThrownBy(token::check)
                .isInstanceOfSatisfying(
                        Stopped.class, e -> assertThat(e.reason()).isEqualTo(Stopped.Reason.DEADLINE));
    }
}
