package dev.mcpweb.extract;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Tells a page whose text is written by JavaScript in the browser, from marks read on the parsed page
 * before extraction changes it and the main text extraction found. Each mark counts only when that text
 * is thin, so an ordinary page with an analytics script, a comments widget's {@code <noscript>} or an
 * empty widget root never starts a browser.
 */
final class ScriptShell {
    private static final Set<String> MOUNT_IDS =
            Set.of("root", "app", "__next", "__nuxt", "___gatsby", "svelte", "main-app", "application", "ember-app");
    /** Fewer extracted characters than this is "no content". */
    private static final int EMPTY = 40;

    private static final Evaluator EMPTY_APP_ROOT =
            QueryParser.parse("app-root:empty, [data-reactroot]:empty, [ng-app]:empty");
    /** Fewer main-text characters than this is thin for a page that shows the marks of an app. */
    private static final int THIN = 200;
    /** A page with less text than this whose inline scripts are {@link #PAYLOAD_RATIO} times larger. */
    private static final int PAYLOAD_TEXT = 1_000;

    private static final int PAYLOAD_MIN = 16 * 1024;
    private static final int PAYLOAD_RATIO = 50;

    /** Frameworks that stream their content in script pushes the HTML never inlines. */
    private static final List<Streaming> STREAMING = List.of(
            new Streaming("Next.js flight data (self.__next_f)", Pattern.compile("self\\.__next_f\\s*[.=]")),
            new Streaming("Remix / React Router streaming", Pattern.compile("window\\.__(remix|reactRouter)Context")),
            new Streaming("React streamed segments ($RC)", Pattern.compile("\\$RC\\s*\\(")));

    private record Streaming(String name, Pattern mark) {}

    private ScriptShell() {}

    /** What the page shows of an app, read before extraction prunes the tree. */
    record Marks(
            int scripts,
            long inlineScriptChars,
            Optional<String> emptyMount,
            Optional<String> noscript,
            Optional<String> streaming) {

        /** The signal these marks give for a page whose main text is {@code text}; empty for a static page. */
        Optional<RenderSignal> signal(String text) {
            int length = text.strip().length();
            if (scripts == 0) {
                return Optional.empty();
            }
            if (length < THIN && streaming.isPresent()) {
                return signal(RenderSignal.Kind.STREAMED, streaming.get() + " with " + length + " characters inline");
            }
            if (length < THIN && emptyMount.isPresent()) {
                return signal(
                        RenderSignal.Kind.APP_SHELL,
                        emptyMount.get() + " is empty beside " + scripts + " script" + (scripts == 1 ? "" : "s"));
            }
            if (length < THIN && noscript.isPresent()) {
                return signal(RenderSignal.Kind.NOSCRIPT, "<noscript> says \"" + noscript.get() + "\"");
            }
            if (length < PAYLOAD_TEXT
                    && inlineScriptChars >= PAYLOAD_MIN
                    && inlineScriptChars >= (long) PAYLOAD_RATIO * Math.max(1, length)) {
                return signal(
                        RenderSignal.Kind.SCRIPT_PAYLOAD,
                        inlineScriptChars / 1024 + " KB of inline script for " + length + " characters of text");
            }
            return Optional.empty();
        }

        private static Optional<RenderSignal> signal(RenderSignal.Kind kind, String detail) {
            return Optional.of(new RenderSignal(kind, detail));
        }
    }

    /**
     * The signal {@code page}'s marks give for the main text {@code text}. Every signal needs a short
     * text, so a page with more text is not searched for marks at all (a dozen walks of its tree).
     */
    static Optional<RenderSignal> signal(org.jsoup.nodes.Document page, String text) {
        return text.strip().length() < PAYLOAD_TEXT ? marks(page).signal(text) : Optional.empty();
    }

    private static Marks marks(org.jsoup.nodes.Document page) {
        var scripts = page.getElementsByTag("script");
        long inline = 0;
        Optional<String> streaming = Optional.empty();
        for (Element script : scripts) {
            String data = script.data();
            if (!script.attr("type").equalsIgnoreCase("application/ld+json")) { // metadata, not the app
                inline += data.length();
            }
            if (streaming.isEmpty()) {
                streaming = STREAMING.stream()
                        .filter(s -> s.mark().matcher(data).find())
                        .map(Streaming::name)
                        .findFirst();
            }
            if (streaming.isEmpty() && script.attr("type").equals("qwik/json")) {
                streaming = Optional.of("Qwik (qwik/json state)");
            }
        }
        return new Marks(scripts.size(), inline, emptyMount(page), noscript(page), streaming);
    }

    private static Optional<String> emptyMount(org.jsoup.nodes.Document page) {
        for (String id : MOUNT_IDS) {
            Element mount = page.getElementById(id);
            if (mount != null && mount.text().isBlank()) {
                return Optional.of("#" + id);
            }
        }
        Element other = page.selectFirst(EMPTY_APP_ROOT);
        return other == null ? Optional.empty() : Optional.of("<" + other.tagName() + ">");
    }

    private static Optional<String> noscript(org.jsoup.nodes.Document page) {
        for (Element noscript : page.getElementsByTag("noscript")) {
            String text = (noscript.text() + " " + noscript.data()).strip();
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("javascript") || lower.contains("enable js")) {
                return Optional.of(text.length() > 80 ? text.substring(0, 80) + "…" : text);
            }
        }
        return Optional.empty();
    }

    /** Whether extraction came to (next to) nothing. */
    static boolean empty(String text) {
        return text.strip().length() < EMPTY;
    }

    static ScriptRenderedException failure(URI url) {
        return new ScriptRenderedException(url + " is rendered by JavaScript in the browser and its HTML holds no text;"
                + " its scripts were not run, so there is nothing to extract. Render it (render mode auto or always,"
                + " with Chromium installed) or try a server-rendered version of the page (a print, AMP or API URL)");
    }
}
