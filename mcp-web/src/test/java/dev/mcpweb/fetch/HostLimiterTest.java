package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostLimiterTest {
    @Test
    void manyVirtualThreadsNeverExceedTheGlobalOrPerHostLimits() throws InterruptedException {
        HostLimiter limiter = new HostLimiter(5, 2);
        List<String> hosts = List.of("a:80", "b:80", "c:80", "d:80");
        Map<String, AtomicInteger> perHost = new ConcurrentHashMap<>();
        AtomicInteger global = new AtomicInteger();
        AtomicInteger globalPeak = new AtomicInteger();
        AtomicInteger hostPeak = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2000; i++) {
                executor.submit(() -> {
                    String host = hosts.get(ThreadLocalRandom.current().nextInt(hosts.size()));
                    Optional<HostLimiter.Permit> permit =
                            limiter.acquire(host, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
                    try (HostLimiter.Permit held = permit.orElseThrow()) {
                        AtomicInteger h = perHost.computeIfAbsent(host, k -> new AtomicInteger());
                        hostPeak.accumulateAndGet(h.incrementAndGet(), Math::max);
                        globalPeak.accumulateAndGet(global.incrementAndGet(), Math::max);
                        Thread.yield();
                        global.decrementAndGet();
                        h.decrementAndGet();
                        granted.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        assertThat(granted).hasValue(2000);
        assertThat(globalPeak.get()).isBetween(1, 5);
        assertThat(hostPeak.get()).isBetween(1, 2);
        assertThat(limiter.trackedHosts()).isZero();
    }

    @Test
    void aWaitEndsEmptyHandedAtTheDeadline() throws InterruptedException {
        HostLimiter limiter = new HostLimiter(8, 1);
        try (HostLimiter.Permit held =
                limiter.acquire("a:80", System.nanoTime() + 1_000_000_000L).orElseThrow()) {
            assertThat(limiter.acquire("a:80", System.nanoTime() + 10_000_000L)).isEmpty();
            assertThat(limiter.acquire("b:80", System.nanoTime() + 10_000_000L))
                    .isPresent()
                    .get()
                    .satisfies(HostLimiter.Permit::close);
        }
        assertThat(limiter.trackedHosts()).isZero();
    }
}
