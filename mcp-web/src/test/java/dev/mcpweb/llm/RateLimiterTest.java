package dev.mcpweb.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aFullBucketLetsAMinutesWorthThroughThenSpacesRequestsEvenly() throws Exception {
        RateLimiter limiter = new RateLimiter(60, 0, now::get);
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.wouldWait(0)).isZero();
            limiter.acquire(0);
        }
        assertThat(limiter.wouldWait(0)).isEqualTo(Duration.ofSeconds(1));
        now.addAndGet(Duration.ofMillis(400).toNanos());
        assertThat(limiter.wouldWait(0)).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void tokensPerMinuteCountTheTokensOfEachCall() throws Exception {
        RateLimiter limiter = new RateLimiter(0, 6_000, now::get);
        limiter.acquire(5_000);
        assertThat(limiter.wouldWait(1_000)).isZero();
        assertThat(limiter.wouldWait(2_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aCallLargerThanTheWholeAllowanceWaitsForAFullBucketNotForever() throws Exception {
        RateLimiter limiter = new RateLimiter(0, 1_000, now::get);
        assertThat(limiter.wouldWait(50_000)).isZero();
        limiter.acquire(50_000);
        assertThat(limiter.wouldWait(50_000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void noLimitsMeansNoWaiting() throws Exception {
        RateLimiter limiter = new RateLimiter(0, 0, now::get);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire(1_000_000);
        }
        assertThat(limiter.wouldWait(1_000_000)).isZero();
    }
}
