package dev.mcpweb.cache;

import dev.mcpweb.config.CacheConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The cache contract on one SQLite file. */
class SqliteCacheContractTest extends CacheContractTest {
    @TempDir
    Path dir;

    @Override
    CacheConfig config(long maxSize, long memorySize) {
        return TestClock.config(dir, maxSize, memorySize);
    }
}
