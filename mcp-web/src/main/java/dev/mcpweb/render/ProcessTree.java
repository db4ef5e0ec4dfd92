package dev.mcpweb.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All the processes of one Chromium, and how to stop them for good. A helper is found by ancestry and
 * by the profile directory every one of them names on its command line, so one that was re-parented
 * (the crash handler detaches itself; a renderer outlives its zygote for a moment) is not missed.
 *
 * <p>A killed process whose parent is gone waits as a zombie until init reaps it, which some init
 * processes do late; {@link ProcessHandle#isAlive} counts a zombie as alive, {@link #isRunning} does not.
 */
public final class ProcessTree {
    private static final Logger log = LoggerFactory.getLogger(ProcessTree.class);
    private static final boolean PROCFS = Files.isReadable(Path.of("/proc/self/stat"));
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private ProcessTree() {}

    /** Whether {@code p} still runs: alive and, where /proc tells, not a zombie waiting to be reaped. */
    public static boolean isRunning(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        if (!PROCFS) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            int name = stat.lastIndexOf(')'); // the state follows the command name, which may hold spaces
            char state = name >= 0 && name + 2 < stat.length() ? stat.charAt(name + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Kills {@code root}, its descendants and every process whose command line contains {@code marker},
     * and waits until none of them runs, at most a few seconds. The root goes first: while it lives it
     * starts a helper again as soon as one dies.
     */
    static void kill(ProcessHandle root, String marker) {
        Set<ProcessHandle> tree = new LinkedHashSet<>(root.descendants().toList());
        root.destroyForcibly();
        tree.add(root);
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        while (true) {
            tree.addAll(marked(marker));
            tree.forEach(ProcessHandle::destroyForcibly);
            List<ProcessHandle> running =
                    tree.stream().filter(ProcessTree::isRunning).toList();
            if (running.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                log.warn(
                        "Chromium processes {} still run {} s after they were killed",
                        running.stream().map(ProcessHandle::pid).toList(),
                        KILL_WAIT.toSeconds());
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<ProcessHandle> marked(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().commandLine().filter(c -> c.contains(marker)).isPresent())
                .toList();
    }
}
