package dev.mcpweb.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;

/**
 * One page in its own browser context (no cookies or storage shared with another source), locked down
 * before its first script runs, navigated, and watched until it settles. Closing it disposes the
 * context and with it the tab.
 */
final class PageSession implements AutoCloseable {
    private static final Duration CALL = Duration.ofSeconds(10);
    /** How long the network must be quiet and the DOM unchanged before the page counts as settled. */
    private static final long SETTLE_MS = 500;
    /** A page that stays blank settles after this much quiet (its content may never come). */
    private static final long BLANK_SETTLE_MS = 3000;

    private static final long POLL_MS = 100;

    /**
     * Runs in every frame before the page's scripts: no service workers (they outlive the page), no
     * WebSocket or WebRTC (the proxy judges where they go, but a reader needs neither).
     */
    private static final String LOCKDOWN = """
            (() => {
              try { delete Navigator.prototype.serviceWorker; } catch (e) {}
              for (const name of ['WebSocket', 'RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel']) {
                try { Object.defineProperty(window, name, {value: undefined, writable: false, configurable: false}); }
                catch (e) {}
              }
            })();
            """;

    private static final String SNAPSHOT = "[document.documentElement ? document.documentElement.outerHTML.length : 0,"
            + " document.body ? document.body.innerText.trim().length : 0]";

    private final CdpConnection cdp;
    private final String contextId;
    private final String sessionId;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final AtomicBoolean loaded = new AtomicBoolean();

    private final AtomicReference<HttpUrl> mainDocument = new AtomicReference<>();
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final AtomicReference<String> leftOrigin = new AtomicReference<>();
    private final String mainFrameId;

    private PageSession(CdpConnection cdp, String contextId, String targetId, String sessionId) {
        this.cdp = cdp;
        this.contextId = contextId;
        this.sessionId = sessionId;
        this.mainFrameId = targetId; // a tab's main frame has its target's id
    }

    /** A fresh tab in a fresh context whose every request goes through {@code proxy}, loopback included. */
    static PageSession open(CdpConnection cdp, String proxy) throws IOException {
        String contextId = cdp.call(
                        null,
                        "Target.createBrowserContext",
                        CdpConnection.params().put("proxyServer", proxy).put("proxyBypassList", "<-loopback>"),
                        CALL)
                .path("browserContextId")
                .asText();
        try {
            cdp.call(
                    null,
                    "Browser.setDownloadBehavior",
                    CdpConnection.params().put("behavior", "deny").put("browserContextId", contextId),
                    CALL);
            String targetId = cdp.call(
                            null,
                            "Target.createTarget",
                            CdpConnection.params().put("url", "about:blank").put("browserContextId", contextId),
                            CALL)
                    .path("targetId")
                    .asText();
            String sessionId = cdp.call(
                            null,
                            "Target.attachToTarget",
                            CdpConnection.params().put("targetId", targetId).put("flatten", true),
                            CALL)
                    .path("sessionId")
                    .asText();
            PageSession page = new PageSession(cdp, contextId, targetId, sessionId);
            page.prepare();
            return page;
        } catch (IOException | RuntimeException e) {
            disposeQuietly(cdp, contextId);
            throw e;
        }
    }

    private void prepare() throws IOException {
        cdp.listen(sessionId, this::onEvent);
        call("Page.enable", CdpConnection.params());
        call("Network.enable", CdpConnection.params());
        ObjectNode fetch = CdpConnection.params();
        var patterns = fetch.putArray("patterns");
        for (String type : List.of("Image", "Media", "Font", "Document")) {
            patterns.addObject().put("resourceType", type);
        }
        call("Fetch.enable", fetch); // requests of these types pause, and onFetchPaused decides
        call("Page.addScriptToEvaluateOnNewDocument", CdpConnection.params().put("source", LOCKDOWN));
    }

    /**
     * Navigates and waits until the network is idle and the DOM unchanged for {@link #SETTLE_MS} (with
     * text on the page, or {@link #BLANK_SETTLE_MS} without), or until {@code timeout} or
     * {@code maxBytes}; notes say which bound ended the wait.
     */
    String load(String url, Duration timeout, long maxBytes, List<String> notes) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode nav;
        try { // the navigation answers once the document's response starts: render.timeout bounds that wait too
            nav = cdp.call(sessionId, "Page.navigate", CdpConnection.params().put("url", url), timeout);
        } catch (IOException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new IOException(
                        "render.timeout (" + timeout.toMillis() + " ms) reached before " + url
                                + " answered the browser",
                        e);
            }
            throw e;
        }
        if (refusal.get() != null) {
            throw new IOException(refusal.get());
        }
        if (nav.hasNonNull("errorText") && !nav.path("errorText").asText().isEmpty()) {
            throw new IOException("the browser could not load " + url + ": "
                    + nav.path("errorText").asText());
        }
        long lastLength = -1;
        long stableSince = System.nanoTime();
        while (true) {
            if (System.nanoTime() > deadline) {
                notes.add("render.timeout (" + timeout.toMillis() + " ms) reached before the page settled");
                break;
            }
            if (bytes.get() > maxBytes) {
                notes.add("render.max_bytes (" + maxBytes + " bytes) reached; the page was taken as it was");
                break;
            }
            if (refusal.get() != null) {
                throw new IOException(refusal.get());
            }
            JsonNode snap = evaluate(SNAPSHOT);
            long length = snap.path(0).asLong();
            long text = snap.path(1).asLong();
            long now = System.nanoTime();
            if (length != lastLength) {
                lastLength = length;
                stableSince = now;
            }
            long quietMs = (now - Math.max(stableSince, lastActivity.get())) / 1_000_000;
            if (loaded.get() && inFlight.isEmpty() && quietMs >= (text > 0 ? SETTLE_MS : BLANK_SETTLE_MS)) {
                break;
            }
            try {
                Thread.sleep(POLL_MS); // the DOM has no cheap change event; a short poll is the watch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while rendering " + url, e);
            }
        }
        if (leftOrigin.get() != null) {
            notes.add("the page tried to navigate away to " + leftOrigin.get() + "; it was kept as it was");
        }
        return evaluate("document.documentElement ? document.documentElement.outerHTML : ''")
                .asText();
    }

    String location() throws IOException {
        return evaluate("location.href").asText();
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() {
        cdp.forget(sessionId);
        disposeQuietly(cdp, contextId);
    }

    private JsonNode evaluate(String expression) throws IOException {
        JsonNode result = call(
                "Runtime.evaluate",
                CdpConnection.params().put("expression", expression).put("returnByValue", true));
        return result.path("result").path("value");
    }

    private JsonNode call(String method, ObjectNode params) throws IOException {
        return cdp.call(sessionId, method, params, CALL);
    }

    private void onEvent(String method, JsonNode params) {
        switch (method) {
            case "Network.requestWillBeSent" ->
                touch(() -> inFlight.add(params.path("requestId").asText()));
            case "Network.loadingFinished", "Network.loadingFailed" ->
                touch(() -> inFlight.remove(params.path("requestId").asText()));
            case "Network.dataReceived" ->
                touch(() -> bytes.addAndGet(params.path("encodedDataLength").asLong()));
            case "Page.loadEventFired" -> touch(() -> loaded.set(true));
            case "Page.frameNavigated" -> {
                JsonNode frame = params.path("frame");
                if (!frame.has("parentId") && mainDocument.get() == null) {
                    mainDocument.set(HttpUrl.parse(frame.path("url").asText()));
                }
            }
            case "Network.responseReceived" -> {
                if (params.path("type").asText().equals("Document") && mainDocument.get() == null) {
                    JsonNode headers = params.path("response").path("headers");
                    headers.fieldNames().forEachRemaining(name -> {
                        if (name.equalsIgnoreCase(GuardedProxy.REFUSED_HEADER)) {
                            refusal.set(headers.path(name).asText());
                        }
                    });
                }
            }
            case "Fetch.requestPaused" -> onFetchPaused(params);
            default -> {}
        }
    }

    /**
     * Images, media and fonts are not downloaded. Once the page is in place, its main frame may move
     * within its own origin (a script's redirect to the real start page) but not away: a
     * {@code window.location} or meta refresh elsewhere would replace the content being read.
     */
    private void onFetchPaused(JsonNode params) {
        String requestId = params.path("requestId").asText();
        boolean fail;
        if (params.path("resourceType").asText().equals("Document")) {
            HttpUrl page = mainDocument.get();
            HttpUrl target = HttpUrl.parse(params.path("request").path("url").asText());
            boolean mainFrame = params.path("frameId").asText().equals(mainFrameId);
            fail = mainFrame && page != null && (target == null || !sameOrigin(page, target));
            if (fail) {
                leftOrigin.set(params.path("request").path("url").asText());
            }
        } else {
            fail = true;
        }
        cdp.post(
                sessionId,
                fail ? "Fetch.failRequest" : "Fetch.continueRequest",
                fail
                        ? CdpConnection.params().put("requestId", requestId).put("errorReason", "Aborted")
                        : CdpConnection.params().put("requestId", requestId));
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }

    private void touch(Runnable change) {
        change.run();
        lastActivity.set(System.nanoTime());
    }

    private static void disposeQuietly(CdpConnection cdp, String contextId) {
        try {
            cdp.call(
                    null,
                    "Target.disposeBrowserContext",
                    CdpConnection.params().put("browserContextId", contextId),
                    CALL);
        } catch (IOException e) {
            // the browser is gone or going; the pool replaces it and the context with it
        }
    }
}
