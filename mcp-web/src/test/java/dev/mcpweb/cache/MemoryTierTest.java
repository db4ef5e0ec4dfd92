package dev.mcpweb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.Await;
import dev.mcpweb.cache.EntryStore.EntryKey;
import dev.mcpweb.cache.EntryStore.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTierTest {
    private static EntryKey key(String k) {
        return new EntryKey("summary", k);
    }

    @Test
    void holdsEntriesUntilInvalidatedOrPickedOut() {
        MemoryTier memory = new MemoryTier(1 << 20);
        memory.put(key("a"), new Row(new byte[] {1}, 10));
        memory.put(key("b"), new Row(new byte[] {2}, 20));
        memory.put(key("c"), new Row(new byte[] {3}, 30));

        assertThat(memory.get(key("a")))
                .hasValueSatisfying(r -> assertThat(r.createdAt()).isEqualTo(10));
        memory.invalidate(key("a"));
        memory.invalidate(List.of(key("b")));
        assertThat(memory.get(key("a"))).isEmpty();
        assertThat(memory.get(key("b"))).isEmpty();

        memory.removeIf((k, row) -> row.createdAt() < 40);
        assertThat(memory.get(key("c"))).isEmpty();
    }

    @Test
    void staysWithinItsSizeInBytes() throws Exception {
        MemoryTier memory = new MemoryTier(64 << 10);
        for (int i = 0; i < 200; i++) {
            memory.put(key("k" + i), new Row(new byte[1024], i));
        }
        // Caffeine evicts in the background, soon after the bound is passed.
        java.util.function.LongSupplier held = () -> java.util.stream.IntStream.range(0, 200)
                .filter(i -> memory.get(key("k" + i)).isPresent())
                .count();
        Await.until(() -> held.getAsLong() < 64);
        assertThat(held.getAsLong()).isPositive();
    }

    @Test
    void aTierOfSizeZeroHoldsNothing() {
        MemoryTier off = new MemoryTier(0);
        off.put(key("a"), new Row(new byte[] {1}, 10));
        assertThat(off.get(key("a"))).isEmpty();
    }
}
