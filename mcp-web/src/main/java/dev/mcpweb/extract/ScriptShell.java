package dev.mcpweb.extract;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Tells a page whose text is written by JavaScript in the browser: an app shell (an empty mount point
 * such as {@code <div id="root">} beside scripts) or a {@code <noscript>} asking for JavaScript. Such
 * a page extracts to nothing, and the user should hear why rather than get an empty result.
 */
final class ScriptShell {
    private static final Set<String> MOUNT_IDS =
            Set.of("root", "app", "__next", "__nuxt", "___gatsby", "svelte", "main-app", "application", "ember-app");
    /** Fewer extracted characters than this is "no content". */
    private static final int EMPTY = 40;

    private ScriptShell() {}

    /** Whether {@code page}, read before extraction changes it, has the marks of a script-rendered page. */
    static boolean looksScriptRendered(org.jsoup.nodes.Document page) {
        if (page.getElementsByTag("script").isEmpty()) {
            return false;
        }
        for (Element noscript : page.getElementsByTag("noscript")) {
            String text = (noscript.text() + " " + noscript.data()).toLowerCase(Locale.ROOT);
            if (text.contains("javascript") || text.contains("enable js")) {
                return true;
            }
        }
        for (String id : MOUNT_IDS) {
            Element mount = page.getElementById(id);
            if (mount != null && mount.text().isBlank()) {
                return true;
            }
        }
        return page.selectFirst("app-root:empty, [data-reactroot]:empty, [ng-app]:empty") != null;
    }

    /** Whether extraction came to (next to) nothing. */
    static boolean empty(String text) {
        return text.strip().length() < EMPTY;
    }

    static ScriptRenderedException failure(java.net.URI url) {
        return new ScriptRenderedException(url + " is rendered by JavaScript in the browser and its HTML holds no text;"
                + " mcp-web does not run scripts, so there is nothing to extract. Try a server-rendered"
                + " version of the page (a print, AMP or API URL) if the site has one");
    }
}
