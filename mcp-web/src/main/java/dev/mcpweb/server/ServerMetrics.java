package dev.mcpweb.server;

import dev.mcpweb.cache.CacheStats;
import dev.mcpweb.cache.NamespaceStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What {@code /metrics} shows, in Prometheus text format: tool calls (count and time by tool and
 * outcome, how many run now), the pipeline's stage timers and LLM counters, the cache figures per
 * namespace, and the JVM's memory and threads.
 */
final class ServerMetrics implements Tools.Recorder {
    private static final List<String> CACHE_FIGURES = List.of("entries", "bytes", "hits", "misses", "evictions");

    private final PrometheusMeterRegistry registry;
    private final Supplier<CacheStats> cacheStats;
    private final Map<String, AtomicLong> cacheValues = new ConcurrentHashMap<>();

    /**
     * Shows {@code meters} when it is a Prometheus registry (the pipeline's stage timers and LLM
     * counters are there), otherwise a registry of its own.
     */
    ServerMetrics(MeterRegistry meters, IntSupplier activeCalls, Supplier<CacheStats> cacheStats) {
        this.registry = meters instanceof PrometheusMeterRegistry prometheus
                ? prometheus
                : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.cacheStats = cacheStats;
        Gauge.builder("mcpweb.tool.calls.active", activeCalls::getAsInt)
                .description("Tool calls running now")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    @Override
    public void toolCall(String tool, String outcome, Duration elapsed) {
        Timer.builder("mcpweb.tool.calls")
                .description("Tool calls by tool and outcome (ok, error, cancelled, busy)")
                .tags("tool", tool, "outcome", outcome)
                .register(registry)
                .record(elapsed);
    }

    /** The Prometheus text exposition, with the cache figures read now. */
    String scrape() {
        refreshCache();
        return registry.scrape();
    }

    private void refreshCache() {
        CacheStats stats;
        try {
            stats = cacheStats.get();
        } catch (RuntimeException e) {
            return; // no cache figures this time; the rest of the scrape still serves
        }
        stats.namespaces().forEach((namespace, figures) -> {
            long[] values = values(figures);
            for (int i = 0; i < CACHE_FIGURES.size(); i++) {
                cacheValue(namespace, CACHE_FIGURES.get(i)).set(values[i]);
            }
        });
    }

    private static long[] values(NamespaceStats s) {
        return new long[] {s.entries(), s.bytes(), s.hits(), s.misses(), s.evictions()};
    }

    private AtomicLong cacheValue(String namespace, String figure) {
        return cacheValues.computeIfAbsent(namespace + "/" + figure, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("mcpweb.cache." + figure, value, AtomicLong::get)
                    .description("Cache " + figure + " per namespace")
                    .tag("namespace", namespace)
                    .register(registry);
            return value;
        });
    }
}
