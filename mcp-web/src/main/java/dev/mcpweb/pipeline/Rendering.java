package dev.mcpweb.pipeline;

import dev.mcpweb.config.RenderConfig;
import dev.mcpweb.extract.Extraction;
import dev.mcpweb.extract.RenderSignal;
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
 * Where the render mode is applied: which fetched pages go through the browser, and what a user hears
 * when one should but cannot. {@code always} renders every web page; {@code auto} reads the page
 * statically first and renders it only on a {@link RenderSignal}; when that render cannot happen (no
 * browser, a crash, a timeout, a refusal) it keeps the static page with a warning saying why, where
 * {@code always} fails the source. The rendered DOM replaces the static body, so the extraction cache
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

    /** Reads a fetched page statically (through the extraction cache). */
    interface StaticReader {
        Extraction read(FetchResult page) throws Exception;
    }

    /**
     * The page to extract (the rendered one, or the static one with its extraction when {@code auto}
     * made one), how it came to be, and what the reader must know.
     */
    record Decision(FetchResult page, Optional<Extraction> staticExtraction, RenderNote note, List<String> warnings) {
        /** A page written by JavaScript kept static because no browser could render it: returned thin. */
        boolean fellBack() {
            return !note.rendered() && note.signal().isPresent() && !warnings.isEmpty();
        }
    }

    /** Applies {@code mode} (the configured one when empty) to {@code fetched}. */
    Decision decide(FetchResult fetched, Optional<RenderConfig.Mode> mode, StaticReader reader) throws Exception {
        RenderConfig.Mode m = mode.orElse(config.mode());
        if (m == RenderConfig.Mode.NEVER || !isWebPage(fetched)) {
            return new Decision(fetched, Optional.empty(), RenderNote.STATIC, List.of());
        }
        if (m == RenderConfig.Mode.ALWAYS) {
            if (!renderer.available()) {
                throw new PipelineException(
                        FailureKind.FAILED,
                        fetched.source() + ": render=always needs a browser, and " + renderer.unavailableReason());
            }
            return new Decision(render(fetched, "render=always"), Optional.empty(), RenderNote.ALWAYS, List.of());
        }
        Extraction read = reader.read(fetched);
        if (read.renderSignal().isEmpty()) {
            return new Decision(fetched, Optional.of(read), RenderNote.STATIC, List.of());
        }
        RenderSignal signal = read.renderSignal().get();
        if (!renderer.available()) {
            return fallBack(fetched, read, signal, renderer.unavailableReason());
        }
        log.info("{}: rendering it ({}: {})", fetched.source(), signal.kind().id(), signal.detail());
        return switch (renderer.render(fetched.finalUri().toString())) {
            case RenderOutcome.Rendered r ->
                new Decision(
                        rendered(fetched, r, signal.kind().id()),
                        Optional.empty(),
                        RenderNote.of(true, signal),
                        List.of());
            case RenderOutcome.Failed f -> fallBack(fetched, read, signal, f.message());
        };
    }

    /** {@code auto} keeps the static page when the browser cannot render it: missing, crashed, timed out, refused. */
    private static Decision fallBack(FetchResult fetched, Extraction read, RenderSignal signal, String why) {
        String warning = fetched.source() + " looks written by JavaScript ("
                + signal.kind().id() + ": "
                + signal.detail() + ") but was not rendered: " + why
                + ". This is what its static HTML holds.";
        log.warn("{}", warning);
        return new Decision(fetched, Optional.of(read), RenderNote.of(false, signal), List.of(warning));
    }

    /** Browser processes started so far (0 while only static pages were read). */
    int launches() {
        return renderer.launches();
    }

    /** {@code render=always}: a page the browser cannot render is a failed source, never a static one. */
    private FetchResult render(FetchResult fetched, String why) throws PipelineException {
        return switch (renderer.render(fetched.finalUri().toString())) {
            case RenderOutcome.Rendered r -> rendered(fetched, r, why);
            case RenderOutcome.Failed f ->
                throw new PipelineException(
                        FailureKind.FAILED, fetched.source() + ": render=always could not render it: " + f.message());
        };
    }

    private static FetchResult rendered(FetchResult fetched, RenderOutcome.Rendered r, String why) {
        r.notes().forEach(n -> log.info("{}: {}", fetched.source(), n));
        return new FetchResult(
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
