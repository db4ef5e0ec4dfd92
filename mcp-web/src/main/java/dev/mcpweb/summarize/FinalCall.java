package dev.mcpweb.summarize;

import dev.mcpweb.llm.Completion;
import dev.mcpweb.llm.LlmRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one streamed call that writes the answer (the single call of a short input, or the reduce): its
 * Markdown reaches the listener as it arrives, within the summary's deadline; cancelling the summary
 * cancels it.
 */
final class FinalCall {
    private final SummaryRun run;
    private final String providerName;
    private final Duration deadline;

    /** {@code deadline} is the setting, named when it passes. */
    FinalCall(SummaryRun run, String providerName, Duration deadline) {
        this.run = run;
        this.providerName = providerName;
        this.deadline = deadline;
    }

    /** The whole text the model streamed, reported as stage {@code stage}. */
    String stream(String stage, LlmRequest request) throws SummaryException {
        long t0 = System.nanoTime();
        run.listener().onProgress(stage, 0, 1);
        Future<Completion> f = run.pool().submit(() -> run.calls().stream(request, run.listener()::onDelta));
        try {
            Completion c = f.get(CallPool.nanosLeft(run.deadline()), TimeUnit.NANOSECONDS);
            run.listener().onProgress(stage, 1, 1);
            return c.text();
        } catch (InterruptedException e) {
            throw run.pool().cancelled(List.of(f));
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new SummaryException("the summary deadline (" + deadline.toSeconds()
                    + " s, summarizer.deadline) passed during the final call; raise it or lower the input");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new SummaryException(
                    "the final summary call to " + providerName + " failed: " + cause.getMessage(), cause);
        } finally {
            run.metrics().stage(stage, System.nanoTime() - t0);
        }
    }
}
