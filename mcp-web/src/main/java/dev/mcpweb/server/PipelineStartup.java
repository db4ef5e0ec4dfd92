package dev.mcpweb.server;

import dev.mcpweb.pipeline.Pipeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline, built in the background: opening the cache, the fetcher and the LLM client takes a
 * good part of a cold start, and a client that starts the server waits for {@code initialize} only.
 * The stdio transport starts it once the client has its {@code initialize} answer (or at the first
 * tool call), so the two never compete for the CPU; HTTP starts it at once. Tool calls wait for it;
 * if it cannot be built (a configuration error), every call says why instead of the process dying
 * before the client could read a word.
 */
final class PipelineStartup implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PipelineStartup.class);

    private final CompletableFuture<PrometheusMeterRegistry> meters = new CompletableFuture<>();
    private final CompletableFuture<Pipeline> pipeline = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Function<MeterRegistry, Pipeline> factory;
    private final Executor executor;

    PipelineStartup(Function<MeterRegistry, Pipeline> factory, Executor executor) {
        this.factory = factory;
        this.executor = executor;
        pipeline.whenComplete((p, e) -> {
            if (e != null) {
                log.error("mcp-web cannot work: {}", reason(e));
            }
        });
    }

    /** Starts building, once; later calls do nothing. */
    void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                meters.complete(registry);
                pipeline.complete(factory.apply(registry));
            } catch (RuntimeException | Error e) {
                meters.completeExceptionally(e);
                pipeline.completeExceptionally(e);
            }
        });
    }

    /** Thrown when the pipeline could not be built; the message says what to fix. */
    static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Waits for the pipeline, starting it if needed (interruptibly: a cancelled call stops waiting). */
    Pipeline get() throws Unavailable, InterruptedException {
        start();
        try {
            return pipeline.get();
        } catch (ExecutionException e) {
            throw new Unavailable(
                    "mcp-web could not start its pipeline: " + reason(e) + ". Fix the configuration and restart "
                            + "the server (mcp-web config shows every setting).",
                    e.getCause());
        }
    }

    /** The pipeline if it is ready now. */
    Optional<Pipeline> now() {
        return pipeline.isDone() && !pipeline.isCompletedExceptionally()
                ? Optional.of(pipeline.join())
                : Optional.empty();
    }

    /** The registry the pipeline records in, which {@code /metrics} shows. */
    PrometheusMeterRegistry meters() {
        start();
        return meters.join();
    }

    private static String reason(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** Closes the pipeline, waiting (a bounded time) for a build in progress so nothing outlives the server. */
    @Override
    public void close() {
        if (!started.get()) {
            return;
        }
        try {
            pipeline.get(30, TimeUnit.SECONDS).close();
        } catch (ExecutionException e) {
            // never built: nothing to close
        } catch (TimeoutException e) {
            log.warn("the pipeline was still starting after 30 s; closing it when it is ready");
            pipeline.thenAccept(Pipeline::close);
        } catch (InterruptedException e) {
            pipeline.thenAccept(Pipeline::close);
            Thread.currentThread().interrupt();
        }
    }
}
