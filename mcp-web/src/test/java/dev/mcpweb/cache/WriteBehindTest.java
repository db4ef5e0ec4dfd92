package dev.mcpweb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.Await;
import dev.mcpweb.cache.EntryStore.EntryKey;
import dev.mcpweb.cache.EntryStore.Row;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The cache's writer: callers go on at once, lookups see what waits, writes keep their order and their bound. */
class WriteBehindTest {
    private static final EntryKey A = new EntryKey("extract", "a");
    private static final EntryKey B = new EntryKey("extract", "b");

    private static Row row(int size) {
        return new Row(new byte[size], 1);
    }

    @Test
    void theCallerGoesOnAtOnceAndTheEntryIsSeenUntilItIsWritten() throws Exception {
        CountDownLatch storeFree = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        try (WriteBehind writer = new WriteBehind()) {
            Row first = row(10);
            writer.submit(A, first, () -> {
                await(storeFree);
                written.add("a1");
            });
            Row second = row(20);
            writer.submit(A, second, () -> written.add("a2"));
            writer.submit(B, row(5), () -> written.add("b"));

            assertThat(writer.waiting(A)).containsSame(second);
            assertThat(writer.waiting(B)).isPresent();
            assertThat(written).isEmpty();

            storeFree.countDown();
            writer.drain();
            assertThat(written).containsExactly("a1", "a2", "b");
            assertThat(writer.waiting(A)).isEmpty();
            assertThat(writer.waiting(B)).isEmpty();
        }
    }

    @Test
    void aCallerWhoseEntryWouldGoOverTheBoundWaitsForRoomButOneEntryAloneAlwaysGoes() throws Exception {
        CountDownLatch storeFree = new CountDownLatch(1);
        try (WriteBehind writer = new WriteBehind(100)) {
            writer.submit(A, row(150), () -> await(storeFree)); // over the bound alone: it goes
            Thread second = Thread.ofPlatform().start(() -> writer.submit(B, row(10), () -> {}));
            Await.until(() -> second.getState() == Thread.State.WAITING);
            assertThat(writer.waiting(B))
                    .as("not handed over while there is no room")
                    .isEmpty();

            storeFree.countDown();
            second.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(second.isAlive()).isFalse();
            writer.drain();
            assertThat(writer.waiting(A)).isEmpty();
        }
    }

    @Test
    void onceClosedAWriteRunsOnItsCallersThread() {
        WriteBehind writer = new WriteBehind();
        writer.close();
        Thread[] ranOn = new Thread[1];
        writer.submit(A, row(1), () -> ranOn[0] = Thread.currentThread());
        assertThat(ranOn[0]).isSameAs(Thread.currentThread());
        assertThat(writer.waiting(A)).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
