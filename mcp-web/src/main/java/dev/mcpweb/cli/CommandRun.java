package dev.mcpweb.cli;

import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.search.SearchException;
import dev.mcpweb.summarize.SummaryListener;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One run of a command that reads pages: its stdout and stderr, the progress line on stderr, and its
 * work's failure turned into one line on stderr and the exit code that every command gives it.
 */
final class CommandRun {
    /** A command's work: its exit code, or the failure {@link #exitCode} reports. */
    interface Work {
        int run() throws PipelineException, SearchException;
    }

    final PrintWriter out;
    final PrintWriter err;
    private final ProgressLine progress;

    CommandRun(CommandSpec spec) {
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
        this.progress = new ProgressLine(err, Terminal.isTerminal(2), Terminal.isTerminal(1));
    }

    /** A listener that draws the progress line. */
    SummaryListener progress() {
        return new SummaryListener() {
            @Override
            public void onProgress(String stage, int done, int total) {
                progress.update(stage, done, total);
            }
        };
    }

    /** A listener that draws the progress line and streams the summary to stdout as it is written. */
    SummaryListener streaming() {
        return new SummaryListener() {
            @Override
            public void onDelta(String markdown) {
                progress.clear();
                out.print(markdown);
                out.flush();
                progress.streamed(markdown);
            }

            @Override
            public void onProgress(String stage, int done, int total) {
                progress.update(stage, done, total);
            }
        };
    }

    /** Takes the progress line off the screen, before the command prints its result. */
    void clearProgress() {
        progress.clear();
    }

    /**
     * Runs {@code work} and returns its exit code; a bad argument ({@link IllegalArgumentException}), a
     * search or a pipeline that failed is said on stderr instead, with its code. Both streams are flushed.
     */
    int exitCode(Work work) {
        try {
            return work.run();
        } catch (SearchException e) {
            return failed(e.getMessage(), ExitCode.of(e.kind()));
        } catch (PipelineException e) {
            return failed(e.getMessage(), ExitCode.of(e.kind()));
        } catch (IllegalArgumentException e) {
            return failed(e.getMessage(), ExitCode.USAGE);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int failed(String message, int code) {
        progress.clear();
        err.println("mcp-web: " + message);
        return code;
    }
}
