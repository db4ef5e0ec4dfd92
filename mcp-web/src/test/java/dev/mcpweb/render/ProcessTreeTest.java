package dev.mcpweb.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {

    @Test
    void aZombieIsAliveToTheJdkButNotRunning() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs /proc");
        // the shell starts `true`, then becomes `sleep`, which never reaps it: a zombie for 30 s
        Process parent = new ProcessBuilder("sh", "-c", "true & exec sleep 30").start();
        try {
            ProcessHandle child = await(() -> parent.descendants().findFirst().orElse(null));
            await(() -> stateOf(child) == 'Z' ? child : null);

            assertThat(child.isAlive()).as("the JDK counts a zombie as alive").isTrue();
            assertThat(ProcessTree.isRunning(child)).isFalse();
            assertThat(ProcessTree.isRunning(parent.toHandle())).isTrue();
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void killStopsTheTreeAndADetachedProcessThatNamesTheMarker() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs /proc");
        String marker = "mcp-web-test-" + UUID.randomUUID();
        Process root = new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300; true").start();
        // the outer shell exits at once: the inner one is re-parented to init, out of root's tree
        new ProcessBuilder("sh", "-c", "sh -c 'sleep 300; true' " + marker + " >/dev/null 2>&1 &")
                .start()
                .waitFor();
        ProcessHandle detached = await(() -> ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().commandLine().filter(c -> c.contains(marker)).isPresent())
                .findFirst()
                .orElse(null));
        List<ProcessHandle> detachedChildren = detached.children().toList();
        List<ProcessHandle> tree = root.descendants().toList();
        try {
            assertThat(tree).hasSize(2);
            assertThat(root.descendants()).doesNotContain(detached);

            ProcessTree.kill(root.toHandle(), marker);

            assertThat(ProcessTree.isRunning(root.toHandle())).isFalse();
            assertThat(tree).noneMatch(ProcessTree::isRunning);
            assertThat(ProcessTree.isRunning(detached)).isFalse();
        } finally {
            detachedChildren.forEach(ProcessHandle::destroyForcibly);
            tree.forEach(ProcessHandle::destroyForcibly);
            detached.destroyForcibly();
            root.destroyForcibly();
        }
    }

    private static char stateOf(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (java.io.IOException e) {
            return '?';
        }
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T await(Probe<T> probe) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("not within 10 s");
    }
}
