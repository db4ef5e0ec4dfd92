package dev.mcpweb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress bar on stderr: never over a half-written line of the summary, shown whenever stderr is a terminal. */
class ProgressLineTest {
    @TempDir
    Path dir;

    @Test
    void theBarWaitsWhileTheSummarysLastLineIsUnfinishedOnTheSameTerminal() {
        StringWriter err = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(err), true, true);

        progress.streamed("The first line of the summary\nand half of the sec");
        progress.update("map", 1, 4);
        assertThat(err.toString()).as("a redraw would erase the half line").isEmpty();

        progress.streamed("ond.\n");
        progress.update("map", 2, 4);
        assertThat(err.toString()).startsWith("\r").contains("map [############............] 2/4");
    }

    @Test
    void withStdoutElsewhereTheBarIsDrawnWheneverThereIsProgress() {
        StringWriter err = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(err), true, false);

        progress.streamed("half a line");
        progress.update("map", 1, 4);

        assertThat(err.toString()).contains("map [######..................] 1/4");
    }

    @Test
    void aTerminalIsToldFromAFileOrAPipe() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("/tmp/summary.md")).isFalse();
        assertThat(Terminal.isTerminalDevice("pipe:[12345]")).isFalse();
    }

    @Test
    void progressIsShownWhenStdoutIsRedirectedButStderrIsATerminal() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs util-linux script for a pseudo-terminal");
        StringBuilder md = new StringBuilder("# Tides\n\n");
        for (int i = 0; i < 40; i++) {
            md.append("Tide fact ").append(i).append(" says the moon pulls the sea.\n\n");
        }
        Path page = Files.writeString(dir.resolve("tides.md"), md);
        Path summary = dir.resolve("summary.md");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(
                " ",
                java,
                "-cp",
                "'" + System.getProperty("java.class.path") + "'",
                Main.class.getName(),
                "summarize",
                page.toString(),
                "--set",
                "fetcher.allowed_roots=" + dir,
                "--set",
                "cache.enabled=false",
                ">",
                summary.toString());
        Path typescript = dir.resolve("typescript");
        // script gives the child a pseudo-terminal for stdin, stdout and stderr; the shell sends stdout to a file.
        Process p = new ProcessBuilder("/usr/bin/script", "-qec", command, typescript.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();

        assertThat(Files.readString(summary)).contains("Tide fact").doesNotContain("\u001b[K");
        assertThat(Files.readString(typescript, StandardCharsets.UTF_8)).contains("sources 1/1");
    }
}
