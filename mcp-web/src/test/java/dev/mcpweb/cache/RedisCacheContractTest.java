package dev.mcpweb.cache;

import dev.mcpweb.RedisServer;
import dev.mcpweb.config.CacheConfig;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cache contract on a real Redis of the test's own. */
class RedisCacheContractTest extends CacheContractTest {
    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    @BeforeEach
    void emptyRedis() throws IOException {
        redis.flushAll();
    }

    @Override
    CacheConfig config(long maxSize, long memorySize) {
        return TestClock.redisConfig(redis.url(), maxSize, memorySize);
    }
}
