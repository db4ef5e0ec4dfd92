package dev.mcpweb.extract.html;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;

/**
 * {@link Element#absUrl} without its per-call overhead, giving exactly the same strings. jsoup
 * re-parses the base URI for every link and strips control characters from the base and (twice) from
 * the link with a regex that matches the empty string at every position; on pages with a thousand
 * links that was a tenth of the extract stage's time. Here the parsed base is remembered (URLs are
 * immutable, so sharing it between threads is safe) and control characters are stripped by a plain
 * scan.
 */
public final class AbsoluteUrls {
    private record Base(String uri, URL url) {}

    /** jsoup's pattern for "/./" and "/../" segments left at the start of a resolved path. */
    private static final Pattern EXTRA_DOT_SEGMENTS = Pattern.compile("^/(?>(?>\\.\\.?/)+)");

    /** The last base resolved against; pages are extracted one at a time, so it nearly always matches. */
    private static volatile Base last = new Base("", null);

    private AbsoluteUrls() {}

    /**
     * The absolute URL of attribute {@code key} of {@code e}, resolved against the element's base URI;
     * empty when the attribute is missing or cannot be made absolute. Same result as {@code
     * e.absUrl(key)}.
     */
    public static String of(Element e, String key) {
        if (e.attributesSize() == 0 || !e.attributes().hasKeyIgnoreCase(key)) {
            return "";
        }
        return resolve(e.baseUri(), e.attributes().getIgnoreCase(key));
    }

    /** {@code rel} resolved against {@code base}, as jsoup's {@link StringUtil#resolve(String, String)}. */
    static String resolve(String base, String rel) {
        URL baseUrl = parsedBase(base);
        if (baseUrl != null) {
            try {
                return resolve(baseUrl, withoutControlChars(rel)).toExternalForm();
            } catch (MalformedURLException e) {
                // jsoup's own fallbacks (rel alone, or a non-http scheme kept as it is) decide below
            }
        }
        return StringUtil.resolve(base, rel);
    }

    /**
     * jsoup's {@link StringUtil#resolve(URL, String)} step for step, for a {@code rel} already free of
     * control characters (jsoup strips them again with its regex) and with the regex for leading dot
     * segments run only when the path has some. {@code AbsoluteUrlsTest} checks it against jsoup.
     */
    @SuppressWarnings("deprecation") // the constructors jsoup uses, for the same results
    private static URL resolve(URL base, String rel) throws MalformedURLException {
        String relative = rel.startsWith("?") ? base.getPath() + rel : rel;
        URL url = new URL(base, relative);
        String file = url.getFile();
        if (file.startsWith("/./") || file.startsWith("/../")) {
            file = EXTRA_DOT_SEGMENTS.matcher(file).replaceFirst("/");
        }
        if (url.getRef() != null) {
            file = file + "#" + url.getRef();
        }
        URL resolved = new URL(url.getProtocol(), url.getHost(), url.getPort(), file);
        if (StringUtil.isHttpScheme(resolved.getProtocol())
                && resolved.getHost().isEmpty()) {
            throw new MalformedURLException("Invalid URL: host is missing");
        }
        return resolved;
    }

    @SuppressWarnings(
            "deprecation") // jsoup parses the base with this constructor; the same parse gives the same result
    private static URL parsedBase(String base) {
        Base cached = last;
        if (cached.uri().equals(base)) {
            return cached.url();
        }
        URL url;
        try {
            url = new URL(withoutControlChars(base));
        } catch (MalformedURLException e) {
            url = null;
        }
        last = new Base(base, url);
        return url;
    }

    /** {@code s} without the characters U+0000 to U+001F, which jsoup removes before resolving. */
    static String withoutControlChars(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && s.charAt(i) >= 0x20) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
