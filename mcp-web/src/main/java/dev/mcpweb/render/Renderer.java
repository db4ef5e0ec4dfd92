package dev.mcpweb.render;

import dev.mcpweb.config.RenderConfig;
import dev.mcpweb.fetch.GuardedConnector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders web pages in headless Chromium whose every request goes through the {@link GuardedProxy}.
 * One browser process, started on the first render (static pages never pay for it), at most
 * {@code render.max_concurrent} pages at once, each in a fresh context; the browser is replaced after
 * {@code render.restart_after} pages or when it dies, and killed on close and at JVM exit.
 *
 * <p>The driver is the DevTools protocol over the JDK's WebSocket client rather than Playwright for
 * Java: the few calls a read-only render needs (context, navigate, evaluate, request blocking) do not
 * justify Playwright's ~200 MB driver bundle and its Node.js driver process per JVM, and the
 * enforcement point is the proxy, not the driver, so nothing about safety depends on the driver.
 */
public final class Renderer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Renderer.class);
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(30);

    private final RenderConfig config;
    private final Optional<Path> executable;
    private final GuardedConnector connector;
    private final Semaphore pages;
    /** Renders hold the read side; replacing the browser takes the write side, so no page loses its tab. */
    private final ReentrantReadWriteLock browserLock = new ReentrantReadWriteLock();

    private final AtomicInteger launches = new AtomicInteger();
    private final AtomicInteger rendered = new AtomicInteger();
    private final Thread exitHook = new Thread(this::exit, "mcp-web-chromium-exit");
    // Changed under browserLock's write side; the exit hook reads them without the lock, as it must not wait
    // for a render to end.
    private volatile GuardedProxy proxy;
    private final AtomicReference<BrowserProcess> browser = new AtomicReference<>();
    private volatile boolean closed;
    private final Object closing = new Object();

    private Renderer(RenderConfig config, Optional<Path> executable, GuardedConnector connector) {
        this.config = config;
        this.executable = executable;
        this.connector = connector;
        this.pages = new Semaphore(config.maxConcurrent());
    }

    /** A renderer with the Chromium {@link Chromium#find} finds; it does nothing until the first render. */
    public static Renderer create(RenderConfig config, GuardedConnector connector) {
        return new Renderer(config, Chromium.find(config.browserPath()), connector);
    }

    /** Whether a browser is installed; without one every render fails with {@link #unavailableReason}. */
    public boolean available() {
        return executable.isPresent();
    }

    public String unavailableReason() {
        return config.browserPath()
                .map(p -> "render.browser_path " + p + " is not an executable file")
                .orElse("no Chromium found (install it: apt-get install chromium, brew install --cask chromium, "
                        + "or set render.browser_path)");
    }

    /** Browser processes started so far: 0 while only static pages were read. */
    public int launches() {
        return launches.get();
    }

    /**
     * Renders {@code url} (already accepted by the fetch stage) and returns its DOM. Blocks for at most
     * the wait for a page slot plus {@code render.timeout} and a few DevTools round trips.
     */
    public RenderOutcome render(String url) {
        if (executable.isEmpty()) {
            return new RenderOutcome.Failed(url, unavailableReason());
        }
        long start = System.nanoTime();
        try {
            if (!pages.tryAcquire(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return new RenderOutcome.Failed(
                        url, "all " + config.maxConcurrent() + " render slots stayed busy for " + config.timeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RenderOutcome.Failed(url, "interrupted while waiting for a render slot");
        }
        try {
            BrowserProcess b = readyBrowser();
            try {
                return renderIn(b, url, start);
            } finally {
                browserLock.readLock().unlock();
            }
        } catch (IOException e) {
            return new RenderOutcome.Failed(url, "render failed: " + e.getMessage());
        } finally {
            pages.release();
        }
    }

    private RenderOutcome renderIn(BrowserProcess b, String url, long start) throws IOException {
        long refusedBefore = proxyRefusals();
        long cutBefore = proxy == null ? 0 : proxy.cutCount();
        List<String> notes = new ArrayList<>();
        try (PageSession page = PageSession.open(b.cdp(), proxy.pageAddress())) {
            String html = page.load(url, config.timeout(), config.maxBytes(), notes);
            String finalUrl = page.location();
            long refused = proxyRefusals() - refusedBefore;
            if (refused > 0) {
                notes.add("the URL guard or robots.txt refused " + refused
                        + " request(s) the page's scripts made (see the log)");
            }
            long cut = proxy.cutCount() - cutBefore;
            if (cut > 0) {
                notes.add(cut + " response(s) cut at fetcher.max_body_size or render.max_bytes");
            }
            rendered.incrementAndGet();
            return new RenderOutcome.Rendered(
                    url, finalUrl, html, Duration.ofNanos(System.nanoTime() - start), page.bytes(), notes);
        } catch (IOException e) {
            if (!b.isAlive()) {
                throw new IOException(
                        "the browser stopped while rendering " + url + " (" + e.getMessage()
                                + "); the next render starts a new one",
                        e);
            }
            throw e;
        }
    }

    /**
     * The running browser, started or replaced first when there is none, it died, or it has done its
     * share. Returns holding the read lock (downgraded from the write lock), so it cannot be replaced
     * under the caller; on an exception no lock is held.
     */
    private BrowserProcess readyBrowser() throws IOException {
        browserLock.writeLock().lock();
        try {
            if (closed) {
                throw new IOException("the renderer is closed");
            }
            boolean worn = rendered.get() >= config.restartAfter();
            BrowserProcess running = browser.get();
            if (running != null && running.isAlive() && !worn) {
                browserLock.readLock().lock();
                return running;
            }
            if (running != null) {
                log.info("replacing the browser ({})", worn ? rendered.get() + " pages rendered" : "it stopped");
                closeBrowser();
            }
            if (proxy == null) {
                proxy = new GuardedProxy(connector, config.maxBytes());
                Runtime.getRuntime().addShutdownHook(exitHook);
            }
            long t0 = System.nanoTime();
            BrowserProcess started = BrowserProcess.launch(executable.get(), proxy.browserAddress(), LAUNCH_TIMEOUT);
            browser.set(started);
            if (closed) { // the JVM began to exit while it started: the exit hook may have looked before the set
                closeBrowser();
                throw new IOException("the renderer is closed");
            }
            launches.incrementAndGet();
            rendered.set(0);
            log.info("started Chromium (pid {}) in {} ms", started.pid(), (System.nanoTime() - t0) / 1_000_000);
            browserLock.readLock().lock();
            return started;
        } finally {
            browserLock.writeLock().unlock();
        }
    }

    private long proxyRefusals() {
        return proxy == null ? 0 : proxy.refusedCount();
    }

    /** Pid of the browser process, when one runs: for tests that check nothing is left behind. */
    Optional<Long> browserPid() {
        return Optional.ofNullable(browser.get()).map(BrowserProcess::pid);
    }

    @Override
    public void close() {
        browserLock.writeLock().lock();
        try {
            closed = true;
            stopBrowser();
            if (proxy != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(exitHook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook is running or ran
                }
            }
        } finally {
            browserLock.writeLock().unlock();
        }
    }

    /**
     * At JVM exit: no browser starts from now on, and the running one is killed. Without {@code browserLock},
     * as a render may hold it for its whole timeout; {@link #readyBrowser} checks {@code closed} again after a
     * launch, so a browser that starts meanwhile is killed by one side or the other.
     */
    void exit() {
        closed = true;
        stopBrowser();
    }

    /**
     * Kills the browser's processes, if one runs. One close at a time, and the next waits for it: when
     * {@code serve}'s stdin closes with the SIGTERM, {@link #close} takes the browser and the exit hook
     * finds none, and were it to return at once the JVM would halt with the browser half killed.
     */
    private void closeBrowser() {
        synchronized (closing) {
            BrowserProcess b = browser.getAndSet(null);
            if (b != null) {
                b.close();
            }
        }
    }

    private void stopBrowser() {
        closeBrowser();
        GuardedProxy p = proxy;
        if (p != null) {
            p.close();
        }
    }
}
