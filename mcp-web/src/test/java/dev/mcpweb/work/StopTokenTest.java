package dev.mcpweb.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
