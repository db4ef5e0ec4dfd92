package dev.mcpweb.extract;

import java.util.Locale;

/**
 * Why a page's static HTML looks written by JavaScript in the browser, and so worth rendering: the
 * kind of mark found and what it was ({@code "#root is empty beside 3 scripts"}).
 */
public record RenderSignal(Kind kind, String detail) {

    /** The marks of a page whose content a script writes. */
    public enum Kind {
        /** An empty mount point such as {@code <div id="root">} beside scripts. */
        APP_SHELL,
        /** A {@code <noscript>} asking for JavaScript. */
        NOSCRIPT,
        /** Main text far smaller than the page's inline scripts. */
        SCRIPT_PAYLOAD,
        /** A streaming framework (Next.js flight data, Remix, Qwik, React's streamed segments) with no content inline. */
        STREAMED;

        /** The name in results: {@code app_shell}, {@code noscript}, {@code script_payload}, {@code streamed}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
