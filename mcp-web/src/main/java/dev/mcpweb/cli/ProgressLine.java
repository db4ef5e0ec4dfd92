package dev.mcpweb.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr (sources fetched, chunks done of total, elapsed and ETA), redrawn
 * in place with {@code \r…\e[K}. When stdout is the same terminal, the bar is drawn only while the
 * streamed summary stands at the start of a line, since redrawing would erase the line being written.
 */
final class ProgressLine {
    private final PrintWriter err;
    private final boolean enabled;
    private final boolean sharesTerminalWithOutput;
    private final long start = System.nanoTime();
    private long mapStart;
    private String fetched = "";
    private boolean shown;
    private boolean outputMidLine;

    /** Draws only when {@code stderrIsTerminal}; {@code stdoutIsTerminal} says the summary shares the screen. */
    ProgressLine(PrintWriter err, boolean stderrIsTerminal, boolean stdoutIsTerminal) {
        this.err = err;
        this.enabled = stderrIsTerminal;
        this.sharesTerminalWithOutput = stdoutIsTerminal;
    }

    synchronized void update(String stage, int done, int total) {
        if (stage.equals("fetch")) {
            fetched = "sources " + done + "/" + total;
        }
        if (stage.equals("map") && done == 0) {
            mapStart = System.nanoTime();
        }
        if (!enabled || (sharesTerminalWithOutput && outputMidLine)) {
            return;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        StringBuilder line = new StringBuilder("\r").append(fetched);
        if (stage.equals("map") || stage.equals("collapse")) {
            int width = 24;
            int filled = total == 0 ? width : done * width / total;
            line.append("  ")
                    .append(stage)
                    .append(" [")
                    .append("#".repeat(filled))
                    .append(".".repeat(width - filled))
                    .append("] ")
                    .append(done)
                    .append('/')
                    .append(total);
            if (stage.equals("map") && done > 0 && done < total) {
                double rate = (System.nanoTime() - mapStart) / 1e9 / done;
                line.append(String.format(Locale.ROOT, "  ETA %.0fs", rate * (total - done)));
            }
        } else if (!stage.equals("fetch")) {
            line.append("  ").append(stage).append(done == total ? " done" : "…");
        }
        line.append(String.format(Locale.ROOT, "  %.1fs", elapsed)).append("\u001b[K");
        err.print(line);
        err.flush();
        shown = true;
    }

    /** Notes summary text written to stdout, to know whether its last line is complete. */
    synchronized void streamed(String text) {
        if (!text.isEmpty()) {
            outputMidLine = !text.endsWith("\n");
        }
    }

    synchronized void clear() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
            shown = false;
        }
    }
}
