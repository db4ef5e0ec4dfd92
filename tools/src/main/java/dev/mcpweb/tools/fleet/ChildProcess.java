package dev.mcpweb.tools.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A process of the fleet (Redis, a replica, HAProxy): its output goes to a log file, it is stopped when
 * closed and, should this JVM end first, at exit, so that nothing is left running.
 */
final class ChildProcess implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(20);

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread onExit;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.onExit = new Thread(process::destroyForcibly, name + "-stopper");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Starts {@code command} with {@code environment} added to this JVM's; stdout and stderr go to {@code log}. */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), log);
    }

    /**
     * Polls {@code condition} until it holds, or fails with what the log says when the process ended or
     * {@code timeout} passed first.
     */
    void awaitReady(Duration timeout, BooleanSupplier condition) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String why = process.isAlive() ? "not ready within " + timeout.toSeconds() + " s" : "exited";
                close();
                throw new IOException(name + " " + why + "; the end of " + log + ":\n" + logTail());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The log so far. */
    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String logTail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** Ends the process at once (SIGKILL), as a crash would, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Asks the process to stop (SIGTERM), kills it after 10 s, and waits until it is gone. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        awaitExit();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException | IllegalArgumentException exitingOrClosedBefore) {
            // the JVM is exiting (the hook runs anyway), or the hook went at an earlier close
        }
    }

    private void awaitExit() {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
