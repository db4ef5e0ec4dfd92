package dev.mcpweb.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.Await;
import dev.mcpweb.RedisServer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rate-limit buckets of two replicas on one real Redis are one bucket: together they get the configured
 * number of tokens, not twice it. With Redis away each replica counts by itself and says it is degraded,
 * and it goes back to the shared bucket once Redis answers.
 */
class SharedLimitsTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private static final int PER_MINUTE = 30;

    @BeforeEach
    void emptyRedis() throws IOException {
        redis.flushAll();
    }

    @AfterEach
    void redisUp() throws IOException {
        redis.start();
    }

    private static Limits replica() {
        return Limits.of(redis.cacheConfig());
    }

    @Test
    void twoReplicasTogetherGetTheConfiguredNumberOfTokensAMinute() {
        try (Limits one = replica();
                Limits two = replica()) {
            TokenBucket a = one.perMinute("client:10.0.0.7", PER_MINUTE);
            TokenBucket b = two.perMinute("client:10.0.0.7", PER_MINUTE);
            long start = System.nanoTime();
            int granted = 0;
            for (int i = 0; i < 3 * PER_MINUTE; i++) {
                if ((i % 2 == 0 ? a : b).tryTake(1).isZero()) {
                    granted++;
                }
            }
            // A bucket of 30 a minute refills one token every 2 s while the loop runs.
            long refilled = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) / 2 + 1;
            assertThat(granted).isBetween(PER_MINUTE, PER_MINUTE + (int) refilled);
            assertThat(a.wouldWait(1)).isPositive();
            assertThat(one.degraded()).isFalse();
            assertThat(two.degraded()).isFalse();
        }
    }

    @Test
    void bucketsOfOtherNamesAreNotShared() {
        try (Limits one = replica();
                Limits two = replica()) {
            TokenBucket a = one.perMinute("client:10.0.0.7", 1);
            TokenBucket b = two.perMinute("client:10.0.0.8", 1);
            assertThat(a.tryTake(1)).isZero();
            assertThat(b.tryTake(1)).isZero();
            assertThat(a.tryTake(1)).isPositive();
        }
    }

    @Test
    void withRedisAwayEachReplicaCountsByItselfSaysSoAndSharesAgainOnceItIsBack() throws Exception {
        try (Limits one = replica();
                Limits two = replica()) {
            TokenBucket a = one.perMinute("llm:openai:m:requests", 2);
            TokenBucket b = two.perMinute("llm:openai:m:requests", 2);
            assertThat(a.tryTake(1)).isZero();
            assertThat(b.tryTake(1)).isZero();
            assertThat(a.tryTake(1)).as("the shared bucket is empty").isPositive();

            redis.stop();
            assertThat(a.tryTake(1)).as("a local bucket of its own, full").isZero();
            assertThat(one.degraded()).isTrue();

            redis.start(); // empty: a fresh shared bucket
            Await.until(() -> a.wouldWait(1).isZero() && !one.degraded());
            assertThat(a.tryTake(2)).isZero();
            assertThat(b.tryTake(1))
                    .as("the other replica draws on the same bucket again")
                    .isPositive();
            assertThat(two.degraded()).isFalse();
        }
    }
}
