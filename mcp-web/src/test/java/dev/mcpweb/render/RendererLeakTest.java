package dev.mcpweb.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.fetch.TestFetchers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pool leaves nothing behind over many renders: after 300 (through browser restarts) the browser's
 * processes and their resident memory are back to what one idle, warm browser had, and no process of
 * an earlier browser is still running.
 */
@BrowserTest
@Tag("slow")
class RendererLeakTest {
    private static final int RENDERS = 300;
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    @Test
    void afterThreeHundredRendersTheProcessCountAndMemoryAreBackToIdle() throws Exception {
        try (LoopbackSites sites = new LoopbackSites()
                        .page(
                                "/app",
                                "text/html",
                                "<div id=root></div><script>document.getElementById('root').innerHTML ="
                                        + " '<p>' + 'Rendered paragraph. '.repeat(200) + '</p>';</script>");
                Fetcher fetcher = TestFetchers.withHosts(
                        Map.of("fetcher.allowed_hosts", LoopbackSites.HOST), Map.of(LoopbackSites.HOST, "127.0.0.1"));
                Renderer renderer = Renderer.create(Config.defaults().render(), fetcher.connector())) {
            for (int i = 0; i < 3; i++) {
                assertThat(renderer.render(sites.url("/app"))).isInstanceOf(RenderOutcome.Rendered.class);
            }
            Set<Long> seen = new HashSet<>();
            int idleCount = awaitSettled(renderer, Integer.MAX_VALUE);
            long idleRss = rssKb(tree(renderer));
            seen.addAll(pids(tree(renderer)));

            long t0 = System.nanoTime();
            for (int i = 0; i < RENDERS; i++) {
                assertThat(renderer.render(sites.url("/app"))).isInstanceOf(RenderOutcome.Rendered.class);
                seen.addAll(pids(tree(renderer)));
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

            int count = awaitSettled(renderer, idleCount);
            long rss = rssKb(tree(renderer));
            System.err.printf(
                    "leak: %d renders in %d ms (%d ms each), %d launches; processes idle %d after %d;"
                            + " RSS idle %d MB after %d MB%n",
                    RENDERS, ms, ms / RENDERS, renderer.launches(), idleCount, count, idleRss / 1024, rss / 1024);
            assertThat(renderer.launches())
                    .as("the browser was replaced every render.restart_after pages")
                    .isGreaterThan(1);
            assertThat(count).isEqualTo(idleCount);
            assertThat(rss).as("resident memory after %d renders, KB", RENDERS).isLessThan(idleRss * 3 / 2);
            Set<Long> current = new HashSet<>(pids(tree(renderer)));
            assertThat(seen.stream()
                            .filter(p -> !current.contains(p))
                            .filter(p -> ProcessHandle.of(p)
                                    .map(ProcessTree::isRunning)
                                    .orElse(false)))
                    .as("processes of earlier browsers still running")
                    .isEmpty();
        }
    }

    /** The count of the browser's processes once it stops changing (or reaches {@code target}), at most 30 s. */
    private static int awaitSettled(Renderer renderer, int target) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < end) {
            int now = tree(renderer).size();
            if (now == target) {
                return now;
            }
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (target == Integer.MAX_VALUE && System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(2)) {
                return now;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return last;
    }

    private static List<ProcessHandle> tree(Renderer renderer) {
        ProcessHandle browser =
                ProcessHandle.of(renderer.browserPid().orElseThrow()).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(browser.descendants().toList());
        all.add(browser);
        return all;
    }

    private static List<Long> pids(List<ProcessHandle> processes) {
        return processes.stream().map(ProcessHandle::pid).toList();
    }

    private static long rssKb(List<ProcessHandle> processes) throws IOException {
        long total = 0;
        for (ProcessHandle p : processes) {
            try {
                Matcher m = RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(p.pid()), "status")));
                if (m.find()) {
                    total += Long.parseLong(m.group(1));
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // exited between listing and reading
            }
        }
        return total;
    }
}
