package dev.mcpweb.server;

import dev.mcpweb.cache.CacheStats;
import dev.mcpweb.cache.NamespaceStats;
import dev.mcpweb.summarize.SummaryStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
 * outcome, how many run now), summary work (LLM calls, tokens, time), the cache figures per
 * namespace, and the JVM's memory and threads.
 */
final class ServerMetrics implements Tools.Recorder {
    private static final List<String> CACHE_FIGURES = List.of("entries", "bytes", "hits", "misses", "evictions");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Supplier<CacheStats> cacheStats;
    private final Map<String, AtomicLong> cacheValues = new ConcurrentHashMap<>();

    ServerMetrics(IntSupplier activeCalls, Supplier<CacheStats> cacheStats) {
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

    @Override
    public void summary(SummaryStats stats) {
        String provider = stats.provider();
        Timer.builder("mcpweb.summary")
                .description("Time to make a summary, by provider and map mode")
                .tags("provider", provider, "mode", stats.mode())
                .register(registry)
                .record(stats.elapsed());
        Counter.builder("mcpweb.llm.calls")
                .tags("provider", provider)
                .register(registry)
                .increment(stats.llmCalls());
        Counter.builder("mcpweb.llm.retries")
                .tags("provider", provider)
                .register(registry)
                .increment(stats.retries());
        Counter.builder("mcpweb.llm.tokens")
                .tags("provider", provider, "direction", "input")
                .register(registry)
                .increment(stats.inputTokens());
        Counter.builder("mcpweb.llm.tokens")
                .tags("provider", provider, "direction", "output")
                .register(registry)
                .increment(stats.outputTokens());
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
