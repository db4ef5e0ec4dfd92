package dev.mcpweb.summarize;

import dev.mcpweb.chunk.Chunk;
import dev.mcpweb.config.MapMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the map calls of one summary in the configured {@link MapMode}: {@code parallel} (progress in
 * source order), {@code streaming} (progress as each chunk finishes) or {@code sequential} (one call
 * at a time). Whatever the mode, the results come back in source order, and a chunk whose call had
 * not finished by {@code mapDeadline} is a failed result, not a wait.
 */
final class Mapper {
    private final MapMode mode;
    private final SummaryRun run;
    private final long mapDeadline;
    private final Duration deadline;

    /** {@code deadline} is the setting, named in the failure of a chunk that ran out of time. */
    Mapper(MapMode mode, SummaryRun run, long mapDeadline, Duration deadline) {
        this.mode = mode;
        this.run = run;
        this.mapDeadline = mapDeadline;
        this.deadline = deadline;
    }

    List<MapResult> map(List<Chunk> chunks, MapCall call) throws SummaryException {
        long t0 = System.nanoTime();
        List<Future<MapResult>> futures = new ArrayList<>(chunks.size());
        run.listener().onProgress("map", 0, chunks.size());
        try {
            return switch (mode) {
                case SEQUENTIAL -> sequential(chunks, call, futures);
                case STREAMING -> asTheyFinish(chunks, call, futures);
                case PARALLEL -> inOrder(chunks, call, futures);
            };
        } catch (InterruptedException e) {
            throw run.pool().cancelled(futures);
        } finally {
            futures.forEach(f -> f.cancel(true));
            run.metrics().stage("map", System.nanoTime() - t0);
        }
    }

    private List<MapResult> sequential(List<Chunk> chunks, MapCall call, List<Future<MapResult>> futures)
            throws InterruptedException {
        List<MapResult> results = new ArrayList<>(chunks.size());
        for (Chunk c : chunks) {
            Future<MapResult> f = run.pool().submitUnlimited(() -> call.take(c));
            futures.add(f);
            results.add(await(f, c));
            run.listener().onProgress("map", results.size(), chunks.size());
        }
        return results;
    }

    private List<MapResult> inOrder(List<Chunk> chunks, MapCall call, List<Future<MapResult>> futures)
            throws InterruptedException {
        for (Chunk c : chunks) {
            futures.add(run.pool().submit(() -> call.take(c)));
        }
        List<MapResult> results = new ArrayList<>(chunks.size());
        for (int k = 0; k < chunks.size(); k++) {
            results.add(await(futures.get(k), chunks.get(k)));
            run.listener().onProgress("map", k + 1, chunks.size());
        }
        return results;
    }

    private List<MapResult> asTheyFinish(List<Chunk> chunks, MapCall call, List<Future<MapResult>> futures)
            throws InterruptedException {
        int n = chunks.size();
        CompletionService<MapResult> done = run.pool().completionService();
        for (Chunk c : chunks) {
            futures.add(done.submit(run.pool().limited(() -> call.take(c))));
        }
        MapResult[] byIndex = new MapResult[n];
        for (int k = 0; k < n; k++) {
            Future<MapResult> f = done.poll(CallPool.nanosLeft(mapDeadline), TimeUnit.NANOSECONDS);
            if (f == null) {
                break;
            }
            MapResult r = await(f, null);
            if (r.chunk() != null) {
                byIndex[r.chunk().index() - chunks.getFirst().index()] = r;
            }
            run.listener().onProgress("map", k + 1, n);
        }
        List<MapResult> results = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            results.add(byIndex[k] != null ? byIndex[k] : timedOut(chunks.get(k)));
        }
        return results;
    }

    /** The result of {@code f} within the deadline; a chunk that ran out of time or failed oddly is missing. */
    private MapResult await(Future<MapResult> f, Chunk chunk) throws InterruptedException {
        try {
            return f.get(CallPool.nanosLeft(mapDeadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException e) {
            f.cancel(true);
            return timedOut(chunk);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException) {
                return MapResult.failed(chunk, "cancelled");
            }
            return MapResult.failed(chunk, String.valueOf(e.getCause()));
        }
    }

    private MapResult timedOut(Chunk chunk) {
        return MapResult.failed(
                chunk, "the summary deadline (" + deadline.toSeconds() + " s, summarizer.deadline) passed");
    }
}
