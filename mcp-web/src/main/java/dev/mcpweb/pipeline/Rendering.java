package dev.mcpweb.pipeline;

import dev.mcpweb.config.RenderConfig;
import dev.mcpweb.extract.ScriptRenderedException;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.render.RenderOutcome;
import dev.mcpweb.render.Renderer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@code render.mode} is applied: which fetched pages go through the browser, and what a user
 * hears when one should but cannot. The rendered DOM replaces the static body, so the extraction cache
 * (keyed by the body) keeps rendered and static documents apart.
 */
final class Rendering implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Rendering.class);

    private final RenderConfig config;
    private final Renderer renderer;

    Rendering(RenderConfig config, Fetcher fetcher) {
        this.config = config;
        this.renderer = Renderer.create(config, fetcher.connector());
    }

    /** With {@code render.mode=always}, the rendered page in place of an http(s) HTML page; else as fetched. */
    FetchResult beforeExtraction(FetchResult fetched) throws PipelineException {
        if (config.mode() != RenderConfig.Mode.ALWAYS || !isWebPage(fetched)) {
            return fetched;
        }
        return render(fetched, "render.mode=always");
    }

    /**
     * After static extraction found a script-rendered shell: the rendered page to extract instead, or
     * empty when rendering is off or already done (the shell's message then stands).
     */
    Optional<FetchResult> afterShell(FetchResult fetched, ScriptRenderedException shell) throws PipelineException {
        if (config.mode() != RenderConfig.Mode.AUTO || !isWebPage(fetched)) {
            return Optional.empty();
        }
        if (!renderer.available()) {
            throw new PipelineException(
                    FailureKind.UNREADABLE,
                    fetched.source() + ": " + shell.getMessage() + ". To render it, " + renderer.unavailableReason());
        }
        log.info("{}: the static page is an app shell; rendering it", fetched.source());
        return Optional.of(render(fetched, "app shell"));
    }

    /** Browser processes started so far (0 while only static pages were read). */
    int launches() {
        return renderer.launches();
    }

    private FetchResult render(FetchResult fetched, String why) throws PipelineException {
        return switch (renderer.render(fetched.finalUri().toString())) {
            case RenderOutcome.Rendered r -> {
                r.notes().forEach(n -> log.info("{}: {}", fetched.source(), n));
                yield new FetchResult(
                        fetched.source(),
                        URI.create(r.finalUrl()),
                        fetched.status(),
                        Map.of("x-mcp-web-rendered", List.of(why)),
                        r.html().getBytes(StandardCharsets.UTF_8),
                        "text/html",
                        Optional.of(StandardCharsets.UTF_8),
                        fetched.redirects(),
                        fetched.elapsed().plus(r.elapsed()));
            }
            case RenderOutcome.Failed f ->
                throw new PipelineException(FailureKind.FAILED, fetched.source() + ": " + f.message());
        };
    }

    private static boolean isWebPage(FetchResult r) {
        String scheme = r.finalUri().getScheme();
        return ("http".equals(scheme) || "https".equals(scheme))
                && (r.contentType().equals("text/html") || r.contentType().equals("application/xhtml+xml"));
    }

    @Override
    public void close() {
        renderer.close();
    }
}
