package dev.mcpweb.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.RedisServer;
import dev.mcpweb.limit.Limits;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The LLM requests and tokens per minute of two replicas on one real Redis are one budget. */
class SharedLlmRateLimitTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private static Limits replica() {
        return Limits.of(redis.cacheConfig());
    }

    @Test
    void whatOneReplicaSpendsTheOtherMustWaitFor() throws Exception {
        redis.flushAll();
        try (Limits one = replica();
                Limits two = replica()) {
            RateLimiter first = new RateLimiter(one, "llm:openai:gpt-4o-mini", 2, 1_000);
            RateLimiter second = new RateLimiter(two, "llm:openai:gpt-4o-mini", 2, 1_000);
            assertThat(second.wouldWait(100)).isZero();

            first.acquire(100);
            first.acquire(100);
            assertThat(second.wouldWait(100))
                    .as("the two requests a minute are spent")
                    .isGreaterThan(Duration.ofSeconds(20));

            RateLimiter otherModel = new RateLimiter(two, "llm:openai:other", 2, 1_000);
            assertThat(otherModel.wouldWait(100)).isZero();
        }
    }
}
