package dev.mcpweb.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.cache.EntryStore.EntryKey;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batcher against a real SQLite store: what it holds back reaches the store in one flush. */
class WriteBatcherTest {
    @TempDir
    Path dir;

    @Test
    void hitsAndMissesReachTheStoreInOneFlushAndOnlyOnce() throws Exception {
        WriteBatcher writes = new WriteBatcher();
        try (EntryStore store = SqliteStore.backend(dir).open()) {
            writes.count(Namespace.SUMMARY, true);
            writes.count(Namespace.SUMMARY, true);
            writes.count(Namespace.MAP, false);

            writes.flush(store);
            writes.flush(store);

            Map<String, NamespaceStats> stats = store.stats();
            assertThat(stats.get("summary").hits()).isEqualTo(2);
            assertThat(stats.get("map").misses()).isEqualTo(1);
        }
    }

    @Test
    void accessTimesAreTakenOnceByTheWriteThatAppliesThem() {
        WriteBatcher writes = new WriteBatcher();
        EntryKey a = new EntryKey("summary", "a");
        writes.touch(a, 10);
        writes.touch(a, 30);
        writes.touch(a, 20);

        assertThat(writes.drainTouches()).containsExactly(Map.entry(a, 30L));
        assertThat(writes.drainTouches()).isEmpty();
    }

    @Test
    void aFullBacklogAsksForAFlush() {
        WriteBatcher writes = new WriteBatcher();
        boolean due = false;
        for (int i = 0; i <= WriteBatcher.MAX_PENDING_TOUCHES && !due; i++) {
            due = writes.touch(new EntryKey("fetch", "k" + i), i);
        }
        assertThat(due).isTrue();
    }

    @Test
    void countsThatCouldNotBeWrittenWaitForTheNextFlush() throws Exception {
        WriteBatcher writes = new WriteBatcher();
        EntryStore.Backend backend = SqliteStore.backend(dir);
        EntryStore closed = backend.open();
        closed.close();
        writes.count(Namespace.EXTRACT, false);

        assertThatThrownBy(() -> writes.flush(closed)).isInstanceOf(StoreException.class);

        try (EntryStore store = backend.open()) {
            writes.flush(store);
            assertThat(store.stats().get("extract").misses()).isEqualTo(1);
        }
    }
}
