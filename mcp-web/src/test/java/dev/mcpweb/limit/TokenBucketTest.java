package dev.mcpweb.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final TokenBucket bucket = TokenBucket.perMinute(60, now::get);

    @Test
    void aRefusedTryTakesNothingAndSaysWhenTheTokenWillBeThere() {
        for (int i = 0; i < 60; i++) {
            assertThat(bucket.tryTake(1)).isZero();
        }
        assertThat(bucket.tryTake(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(1)).isEqualTo(Duration.ofSeconds(1));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(bucket.tryTake(1)).isZero();
        assertThat(bucket.tryTake(1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aReservationGoesIntoDebtThatLaterCallersWaitFor() {
        assertThat(bucket.reserve(60)).isZero();
        assertThat(bucket.reserve(30)).isEqualTo(Duration.ofSeconds(30));
        assertThat(bucket.wouldWait(1)).isEqualTo(Duration.ofSeconds(31));
        assertThat(bucket.tryTake(1)).isEqualTo(Duration.ofSeconds(31));
    }

    @Test
    void askingForMoreThanTheCapacityWaitsForAFullBucket() {
        bucket.reserve(1);
        assertThat(bucket.wouldWait(1_000)).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(1_000)).isEqualTo(Duration.ofSeconds(1));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(bucket.tryTake(1_000)).isZero();
    }
}
